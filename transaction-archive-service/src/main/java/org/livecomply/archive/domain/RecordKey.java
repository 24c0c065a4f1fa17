package org.livecomply.archive.domain;

/** The idempotency key of appends: an event of an order is archived once. */
public record RecordKey(String orderId, String eventId) {
}
