package org.livecomply.consumer.domain;

import java.time.Instant;
import java.util.List;

/** A complaint as stored, with its clocks as read at some instant. Contact is masked. */
public record Complaint(
        String number,
        Channel channel,
        Category category,
        String description,
        String orderId,
        String room,
        String roomOperator,
        String marketer,
        Remedy requestedRemedy,
        String maskedContact,
        String buyerRef,
        ComplaintState state,
        WaitingOn waitingOn,
        List<ClockReading> clocks,
        boolean abuseFlagged,
        String abuseReason,
        String resolution,
        boolean substantiated,
        String rejectionReason,
        String regulatorClue,
        LegalHoldState legalHold,
        String legalHoldName,
        Delivery gradingSignal,
        String disposal,
        Instant createTime,
        Instant updateTime,
        Instant closeTime) {

    public static final String COLLECTION = "complaints/";

    public Complaint {
        clocks = List.copyOf(clocks);
    }

    public String name() {
        return COLLECTION + number;
    }
}
