package org.livecomply.archive.domain;

import java.time.Instant;

/** An archived record. {@code payload} and {@code salt} are null once erased after retention; the leaf hash stays. */
public record StoredRecord(long leafIndex, String orderId, String eventId, String event, Instant occurTime, String roomId,
                           String sessionId, String marketerId, byte[] payload, byte[] salt, byte[] leafHash, Instant appendTime) {

    public static final String COLLECTION = "records/";

    public String name() {
        return COLLECTION + leafIndex;
    }

    public boolean erased() {
        return payload == null;
    }
}
