package org.livecomply.consumer.domain;

import java.time.Instant;

/** One change in a complaint's life, with its actor and time; the clocks are derived from these. */
public record ComplaintEvent(long seq, String complaintNumber, EventKind kind, String actor, ComplaintState state,
                             WaitingOn waitingOn, String note, Instant occurTime) {

    public String name() {
        return Complaint.COLLECTION + complaintNumber + "/events/" + seq;
    }
}
