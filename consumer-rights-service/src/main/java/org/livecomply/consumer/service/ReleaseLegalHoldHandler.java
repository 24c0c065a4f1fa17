package org.livecomply.consumer.service;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.livecomply.api.archive.v1.LegalHold;
import org.livecomply.api.archive.v1.ReleaseLegalHoldRequest;
import org.livecomply.consumer.client.ArchiveClient;
import org.livecomply.consumer.domain.EventKind;
import org.livecomply.consumer.domain.LegalHoldState;
import org.livecomply.consumer.outbox.OutboxEvent;
import org.livecomply.consumer.outbox.OutboxEventRow;
import org.livecomply.consumer.outbox.OutboxHandler;
import org.livecomply.consumer.outbox.OutboxStatus;
import org.livecomply.consumer.repository.ComplaintRepository;
import org.livecomply.consumer.repository.ComplaintRow;

/**
 * Releases a closed complaint's legal hold. The hold's name is known once its placement was delivered: until
 * then the release is retried; if the placement failed for good there is nothing to release.
 */
@Singleton
public class ReleaseLegalHoldHandler implements OutboxHandler<Optional<LegalHold>> {

    private final ArchiveClient archive;
    private final ComplaintRepository complaints;
    private final org.livecomply.consumer.outbox.Outbox outbox;
    private final TimelineNotes notes;

    public ReleaseLegalHoldHandler(ArchiveClient archive, ComplaintRepository complaints, org.livecomply.consumer.outbox.Outbox outbox,
                                   TimelineNotes notes) {
        this.archive = archive;
        this.complaints = complaints;
        this.outbox = outbox;
        this.notes = notes;
    }

    @Override
    public String eventType() {
        return Deliveries.RELEASE_LEGAL_HOLD;
    }

    @Override
    public Optional<LegalHold> deliver(OutboxEvent event) {
        String number = new String(event.payload(), StandardCharsets.UTF_8);
        ComplaintRow complaint = complaints.findByNumber(number).orElseThrow(() -> new IllegalStateException("no complaint " + number));
        if (complaint.legalHoldName() == null) {
            boolean placementPending = outbox.about(number).stream()
                    .filter(e -> Deliveries.PLACE_LEGAL_HOLD.equals(e.eventType())).map(OutboxEventRow::status)
                    .anyMatch(OutboxStatus.PENDING.name()::equals);
            if (placementPending) {
                throw new IllegalStateException("the legal hold of " + number + " is not placed yet");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(archive.releaseLegalHold(ReleaseLegalHoldRequest.newBuilder().setRequestId(event.eventId())
                    .setName(complaint.legalHoldName()).build()));
        } catch (RuntimeException e) {
            throw DeliveryFaults.classify(e);
        }
    }

    @Override
    public void delivered(OutboxEvent event, Optional<LegalHold> hold) {
        ComplaintRow complaint = complaints.lock(event.subject()).orElseThrow();
        if (hold.isPresent()) {
            complaints.updateLegalHold(complaint.seq(), LegalHoldState.RELEASED.name(), complaint.legalHoldName());
            notes.record(complaint, EventKind.LEGAL_HOLD_RELEASED, hold.get().getName());
        }
    }

    @Override
    public void failed(OutboxEvent event, String error) {
        ComplaintRow complaint = complaints.lock(event.subject()).orElseThrow();
        notes.record(complaint, EventKind.DELIVERY_FAILED, "archive legal hold release: " + error);
    }
}
