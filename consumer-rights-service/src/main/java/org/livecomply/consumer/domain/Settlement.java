package org.livecomply.consumer.domain;

import java.time.Instant;

/**
 * A settlement the platform proposed between the consumer and the merchant of a complaint (online dispute
 * resolution, ECL Art. 63). {@code amountFen}, the answers and {@code closeTime} are null when absent.
 */
public record Settlement(String id, String complaintNumber, String terms, Long amountFen, String merchant, State state, String proposedBy,
                         Instant proposeTime, Answer consumerAnswer, Answer merchantAnswer, Instant closeTime) {

    /** Where the proposal stands. */
    public enum State {
        PROPOSED, AGREED, DECLINED, LAPSED
    }

    /** The two parties. */
    public enum Party { CONSUMER, MERCHANT }

    /** A party's decision. */
    public enum Decision { ACCEPT, DECLINE }

    /** One party's answer as relayed. */
    public record Answer(Decision decision, String note, String recordedBy, Instant answerTime) {
    }

    public String name() {
        return Complaint.COLLECTION + complaintNumber + "/settlements/" + id;
    }

    public Answer answerOf(Party party) {
        return party == Party.CONSUMER ? consumerAnswer : merchantAnswer;
    }
}
