package org.livecomply.consumer.outbox;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers due outbox events to their handlers. Safe with several replicas: a replica claims rows with
 * {@code FOR UPDATE SKIP LOCKED} and holds them under a lease, so two replicas never send the same event
 * at once; a replica that dies mid-delivery leaves a lease that expires, and the event is sent again —
 * which the receiver's idempotency (request_id = event id) answers with its first result.
 */
@Singleton
public class OutboxDeliverer {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDeliverer.class);

    private final OutboxStore store;
    private final OutboxConfiguration configuration;
    private final Map<String, OutboxHandler<?>> handlers;
    private final Clock clock;
    private final String owner;

    @Inject
    public OutboxDeliverer(OutboxStore store, OutboxConfiguration configuration, List<OutboxHandler<?>> handlers, Clock clock) {
        this(store, configuration, handlers, clock, UUID.randomUUID().toString());
    }

    /** With a chosen replica name (tests run two "replicas" in one JVM). */
    public OutboxDeliverer(OutboxStore store, OutboxConfiguration configuration, List<OutboxHandler<?>> handlers, Clock clock, String owner) {
        this.store = store;
        this.configuration = configuration;
        this.handlers = handlers.stream().collect(Collectors.toMap(OutboxHandler::eventType, Function.identity()));
        this.clock = clock;
        this.owner = owner;
    }

    /** Claims and delivers one batch of due events; the number claimed. */
    public int deliverDue() {
        Instant now = now();
        List<OutboxEventRow> claimed = store.claim(owner, now, now.plus(configuration.getLease()), configuration.getBatchSize());
        for (OutboxEventRow row : claimed) {
            deliver(row);
        }
        return claimed.size();
    }

    private void deliver(OutboxEventRow row) {
        @SuppressWarnings("unchecked")
        OutboxHandler<Object> handler = (OutboxHandler<Object>) handlers.get(row.eventType());
        OutboxEvent event = new OutboxEvent(row.eventId(), row.eventType(), row.subject(), row.payload(), row.attempts(), row.createTime());
        if (handler == null) {
            store.retry(row, owner, now().plus(configuration.backoff(row.attempts() + 1)), "no handler for event type " + row.eventType());
            return;
        }
        Object answer;
        try {
            answer = handler.deliver(event);
        } catch (DeliveryRefusedException e) {
            LOG.warn("Outbox event {} ({}) refused for good: {}", row.eventId(), row.eventType(), e.getMessage());
            store.refused(row, owner, now(), handler, event, e.getMessage());
            return;
        } catch (RuntimeException e) {
            Instant next = now().plus(configuration.backoff(row.attempts() + 1));
            LOG.info("Outbox event {} ({}) not delivered (attempt {}), next at {}: {}", row.eventId(), row.eventType(), row.attempts() + 1, next,
                    e.toString());
            store.retry(row, owner, next, e.toString());
            return;
        }
        if (!store.delivered(row, owner, now(), handler, event, answer)) {
            LOG.warn("Outbox event {} was delivered after its lease passed to another replica", row.eventId());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
