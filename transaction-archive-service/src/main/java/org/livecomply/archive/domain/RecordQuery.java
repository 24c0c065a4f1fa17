package org.livecomply.archive.domain;

import java.time.Instant;

/** ListRecords filter; null means any. {@code occurFrom} inclusive, {@code occurUntil} exclusive. */
public record RecordQuery(String orderId, String roomId, String sessionId, String marketerId, Instant occurFrom, Instant occurUntil) {

    /** Canonical text of the filter, to bind page tokens to it. */
    public String canonical() {
        return "ListRecords?order=" + orderId + "&room=" + roomId + "&session=" + sessionId + "&marketer=" + marketerId
                + "&from=" + occurFrom + "&until=" + occurUntil;
    }
}
