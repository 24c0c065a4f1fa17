package org.livecomply.consumer.outbox;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The transactional outbox: an event is written in the transaction of the change it announces, so it exists
 * exactly when the change does; {@link OutboxDeliverer} sends it afterwards, with retries, to an idempotent
 * RPC. Generic: event type, subject and payload bytes only.
 */
@Singleton
public class Outbox {

    private final OutboxEventRepository events;
    private final Clock clock;

    public Outbox(OutboxEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Appends an event in the caller's transaction; its id (the receiver's request_id). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public String append(String eventType, String subject, byte[] payload) {
        return append(UUID.randomUUID().toString(), eventType, subject, payload);
    }

    /** Appends an event with a chosen id (when the payload must carry it as its request_id). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public String append(String eventId, String eventType, String subject, byte[] payload) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        events.save(new OutboxEventRow(null, eventId, eventType, subject, payload, OutboxStatus.PENDING.name(), 0, now,
                null, null, null, now, null));
        return eventId;
    }

    /** The events about {@code subject}, oldest first. */
    @Transactional(readOnly = true)
    public List<OutboxEventRow> about(String subject) {
        return events.findBySubjectOrderBySeq(subject);
    }
}
