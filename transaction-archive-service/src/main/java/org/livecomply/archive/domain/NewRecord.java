package org.livecomply.archive.domain;

import java.time.Instant;

/**
 * A checked record to append: the facts the archive indexes, and {@code payload}, the deterministic
 * encoding of the whole record that the leaf hash covers.
 */
public record NewRecord(String orderId, String eventId, String event, Instant occurTime, String roomId, String sessionId,
                        String marketerId, byte[] payload) {

    public RecordKey key() {
        return new RecordKey(orderId, eventId);
    }
}
