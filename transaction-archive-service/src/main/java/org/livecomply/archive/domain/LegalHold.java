package org.livecomply.archive.domain;

import java.time.Instant;

/** A legal hold on an order's records; active while {@code releaseTime} is null. */
public record LegalHold(String id, String orderId, String reason, String caseReference, Instant placeTime, Instant releaseTime) {

    public static final String COLLECTION = "legalHolds/";

    public String name() {
        return COLLECTION + id;
    }

    public boolean active() {
        return releaseTime == null;
    }
}
