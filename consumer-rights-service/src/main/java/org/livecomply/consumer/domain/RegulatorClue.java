package org.livecomply.consumer.domain;

import java.time.Instant;

/** A clue transferred to a regulator from an escalated complaint (Art. 46; ECL Art. 29). */
public record RegulatorClue(String id, String complaintNumber, String regulator, String reasons, Category category, String orderId,
                            String room, String roomOperator, String marketer, String escalatedBy, Instant createTime) {

    public static final String COLLECTION = "regulatorClues/";

    public String name() {
        return COLLECTION + id;
    }
}
