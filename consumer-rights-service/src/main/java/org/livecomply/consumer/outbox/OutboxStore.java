package org.livecomply.consumer.outbox;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The outbox's transactions: claiming a batch under a lease, and recording each attempt's outcome. */
@Singleton
public class OutboxStore {

    private static final int MAX_ERROR_CHARS = 1000;

    private final OutboxEventRepository events;

    public OutboxStore(OutboxEventRepository events) {
        this.events = events;
    }

    /** Leases up to {@code limit} due events to {@code owner} until {@code leaseUntil}; rows other replicas are claiming are skipped. */
    @Transactional
    public List<OutboxEventRow> claim(String owner, Instant now, Instant leaseUntil, int limit) {
        List<OutboxEventRow> due = events.lockDue(now, limit);
        due.forEach(row -> events.lease(row.seq(), owner, leaseUntil));
        return due;
    }

    /** Records the receiver's acceptance and runs the handler's callback in the same transaction; false if the lease was lost. */
    @Transactional
    public <R> boolean delivered(OutboxEventRow claimed, String owner, Instant now, OutboxHandler<R> handler, OutboxEvent event, R answer) {
        Optional<OutboxEventRow> row = events.lockLeased(claimed.seq(), owner);
        if (row.isEmpty() || !OutboxStatus.PENDING.name().equals(row.get().status())) {
            return false;
        }
        events.finishAttempt(claimed.seq(), OutboxStatus.DELIVERED.name(), row.get().nextAttemptTime(), null, now);
        handler.delivered(event, answer);
        return true;
    }

    /** Records a failed attempt: retried at {@code nextAttempt}. */
    @Transactional
    public void retry(OutboxEventRow claimed, String owner, Instant nextAttempt, String error) {
        if (events.lockLeased(claimed.seq(), owner).isPresent()) {
            events.finishAttempt(claimed.seq(), OutboxStatus.PENDING.name(), nextAttempt, clip(error), null);
        }
    }

    /** Records a refusal for good and runs the handler's callback in the same transaction. */
    @Transactional
    public <R> void refused(OutboxEventRow claimed, String owner, Instant now, OutboxHandler<R> handler, OutboxEvent event, String error) {
        if (events.lockLeased(claimed.seq(), owner).isPresent()) {
            events.finishAttempt(claimed.seq(), OutboxStatus.FAILED.name(), now, clip(error), null);
            handler.failed(event, clip(error));
        }
    }

    private static String clip(String text) {
        String value = text == null ? "" : text;
        return value.length() <= MAX_ERROR_CHARS ? value : value.substring(0, MAX_ERROR_CHARS - 1) + "…";
    }
}
