package org.livecomply.consumer.service;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import jakarta.inject.Singleton;
import org.livecomply.api.archive.v1.LegalHold;
import org.livecomply.api.archive.v1.PlaceLegalHoldRequest;
import org.livecomply.consumer.client.ArchiveClient;
import org.livecomply.consumer.domain.EventKind;
import org.livecomply.consumer.domain.LegalHoldState;
import org.livecomply.consumer.outbox.DeliveryRefusedException;
import org.livecomply.consumer.outbox.OutboxEvent;
import org.livecomply.consumer.outbox.OutboxHandler;
import org.livecomply.consumer.repository.ComplaintRepository;
import org.livecomply.consumer.repository.ComplaintRow;

/**
 * Places the archive legal hold for an open complaint. An order the archive has no records of yet is
 * retried (the platform may archive it later); other refusals are final.
 */
@Singleton
public class PlaceLegalHoldHandler implements OutboxHandler<LegalHold> {

    private final ArchiveClient archive;
    private final ComplaintRepository complaints;
    private final TimelineNotes notes;

    public PlaceLegalHoldHandler(ArchiveClient archive, ComplaintRepository complaints, TimelineNotes notes) {
        this.archive = archive;
        this.complaints = complaints;
        this.notes = notes;
    }

    @Override
    public String eventType() {
        return Deliveries.PLACE_LEGAL_HOLD;
    }

    @Override
    public LegalHold deliver(OutboxEvent event) {
        try {
            return archive.placeLegalHold(PlaceLegalHoldRequest.parseFrom(event.payload()));
        } catch (InvalidProtocolBufferException e) {
            throw new DeliveryRefusedException("unreadable payload", e);
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                throw e;
            }
            throw DeliveryFaults.classify(e);
        }
    }

    @Override
    public void delivered(OutboxEvent event, LegalHold hold) {
        ComplaintRow complaint = complaints.lock(event.subject()).orElseThrow();
        // Closed meanwhile: the queued release will find the name.
        LegalHoldState next = LegalHoldState.valueOf(complaint.legalHold()) == LegalHoldState.RELEASING ? LegalHoldState.RELEASING : LegalHoldState.ACTIVE;
        complaints.updateLegalHold(complaint.seq(), next.name(), hold.getName());
        notes.record(complaint, EventKind.LEGAL_HOLD_PLACED, hold.getName());
    }

    @Override
    public void failed(OutboxEvent event, String error) {
        ComplaintRow complaint = complaints.lock(event.subject()).orElseThrow();
        complaints.updateLegalHold(complaint.seq(), LegalHoldState.FAILED.name(), null);
        notes.record(complaint, EventKind.DELIVERY_FAILED, "archive legal hold: " + error);
    }
}
