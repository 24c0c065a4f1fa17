package org.livecomply.consumer.outbox;

/**
 * Delivers the events of one type to their receiver, an idempotent RPC (request_id = event id). Throwing
 * {@link DeliveryRefusedException} fails the event for good; any other exception is retried with backoff.
 * The callbacks run in the transaction that records the outcome, so the producer's own state and the
 * event's status change together.
 *
 * @param <R> what the receiver answered
 */
public interface OutboxHandler<R> {

    String eventType();

    /** Sends the event; runs outside any transaction. */
    R deliver(OutboxEvent event);

    /** The receiver accepted the event. */
    default void delivered(OutboxEvent event, R answer) {
    }

    /** The receiver refused the event for good. */
    default void failed(OutboxEvent event, String error) {
    }
}
