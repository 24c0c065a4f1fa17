package org.livecomply.consumer.outbox;

/** Delivery state of an outbox event. */
public enum OutboxStatus {
    /** Not yet accepted by its receiver; retried. */
    PENDING,
    /** Accepted by its receiver. */
    DELIVERED,
    /** Refused for good by its receiver; a person must look at it. */
    FAILED
}
