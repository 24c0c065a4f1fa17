package org.livecomply.grading.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.livecomply.grading.domain.Disposal;
import org.livecomply.grading.repository.DisposalRepository;
import org.livecomply.grading.repository.DisposalRow;
import org.livecomply.grading.repository.OutboxEventRepository;
import org.livecomply.grading.repository.OutboxEventRow;

/** The outbox delivery job's state changes, each in its own short transaction (never around a remote call). */
@Singleton
public class OutboxEvents {

    private final OutboxEventRepository events;
    private final DisposalRepository disposals;

    public OutboxEvents(OutboxEventRepository events, DisposalRepository disposals) {
        this.events = events;
        this.disposals = disposals;
    }

    /** Leases up to {@code limit} due events to {@code owner} until {@code leaseUntil} and returns them. */
    @Transactional
    public List<OutboxEventRow> lease(String owner, Instant now, Instant leaseUntil, int limit) {
        if (events.lease(owner, now, leaseUntil, limit) == 0) {
            return List.of();
        }
        return events.leasedTo(owner, now);
    }

    /** The identity entry exists: the event is done and the disposal shows the entry. */
    @Transactional
    public void delivered(OutboxEventRow event, String owner, Instant now, String disposalId, String blacklistEntry) {
        events.delivered(event.seq(), owner, now);
        disposals.updateDelivery(disposalId, Disposal.IdentityDelivery.DELIVERED.name(), blacklistEntry);
    }

    /** identity revoked the entry after an overturned appeal: the event is done and the disposal shows it. */
    @Transactional
    public void revoked(OutboxEventRow event, String owner, Instant now, String disposalId) {
        events.delivered(event.seq(), owner, now);
        disposals.updateDeliveryKeepingEntry(disposalId, Disposal.IdentityDelivery.REVOKED.name());
    }

    @Transactional(readOnly = true)
    public Optional<DisposalRow> disposal(String disposalId) {
        return disposals.findByResourceId(disposalId);
    }

    /** The event is done (consumer-rights has the Art. 23 hand-off, or there was nothing to deliver). */
    @Transactional
    public void handedOver(OutboxEventRow event, String owner, Instant now) {
        events.delivered(event.seq(), owner, now);
    }

    @Transactional
    public void retryLater(OutboxEventRow event, String owner, Instant next, String error) {
        events.retryLater(event.seq(), owner, next, error);
    }

    /** Refused for good; {@code disposalId} null when no disposal can show it. */
    @Transactional
    public void failed(OutboxEventRow event, String owner, String error, String disposalId) {
        events.failed(event.seq(), owner, error);
        if (disposalId != null) {
            disposals.updateDelivery(disposalId, Disposal.IdentityDelivery.FAILED.name(), null);
        }
    }
}
