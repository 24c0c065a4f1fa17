package org.livecomply.consumer.domain;

import java.time.Instant;
import java.util.List;

/** The CRPL Art. 25 verdict on an order at {@code checkTime}; times are null when their event is missing. */
public record ReturnEligibility(String orderId, Verdict verdict, Instant receiptTime, Instant windowEndTime, List<ReturnException> exceptions,
                                Instant returnReceiveTime, Instant refundDueTime, boolean refunded, Instant checkTime, List<String> records) {

    /** The verdict. */
    public enum Verdict { ELIGIBLE, WINDOW_ENDED, EXCLUDED, NOT_DELIVERED, RETURNED }

    public ReturnEligibility {
        exceptions = List.copyOf(exceptions);
        records = List.copyOf(records);
    }
}
