package org.livecomply.consumer.outbox;

import java.time.Instant;

/** An event as a handler sees it: request_id for the receiving RPC is {@link #eventId}. */
public record OutboxEvent(String eventId, String eventType, String subject, byte[] payload, int attempts, Instant createTime) {
}
