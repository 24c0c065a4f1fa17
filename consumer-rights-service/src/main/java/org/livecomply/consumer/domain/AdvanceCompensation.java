package org.livecomply.consumer.domain;

import java.time.Instant;
import java.util.List;

/**
 * Advance compensation (先行赔付) the platform paid the consumer of a complaint (Art. 5; ECL Art. 58), and
 * its recovery from the merchant (CRPL Art. 44 ¶1). Amounts in fen (CNY). {@code merchant} and
 * {@code writeOffReason} are empty when absent.
 */
public record AdvanceCompensation(String complaintNumber, long amountFen, Payer payer, String paymentRef, Instant payTime, String reason,
                                  String merchant, String recordedBy, Instant recordTime, RecoveryState recoveryState, long recoveredFen,
                                  List<Recovery> recoveries, String writeOffReason) {

    public static final String SUFFIX = "/advanceCompensation";

    /** Whose money paid the consumer. */
    public enum Payer { PLATFORM, CONSUMER_PROTECTION_DEPOSIT }

    /** Where the recovery from the merchant stands. */
    public enum RecoveryState {
        NOT_APPLICABLE, PENDING, PARTIAL, RECOVERED, WRITTEN_OFF;

        /** Nothing more is recovered: nothing was owed, all came back, or the rest was written off. */
        public boolean isFinal() {
            return this == NOT_APPLICABLE || this == RECOVERED || this == WRITTEN_OFF;
        }
    }

    /** Money that came back from the merchant. */
    public record Recovery(long amountFen, String reference, Instant recoverTime, String recordedBy, Instant recordTime) {
    }

    public AdvanceCompensation {
        recoveries = List.copyOf(recoveries);
    }

    public String name() {
        return Complaint.COLLECTION + complaintNumber + SUFFIX;
    }
}
