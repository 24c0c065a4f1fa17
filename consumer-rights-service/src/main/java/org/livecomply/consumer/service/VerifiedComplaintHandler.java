package org.livecomply.consumer.service;

import com.google.protobuf.InvalidProtocolBufferException;
import jakarta.inject.Singleton;
import org.livecomply.api.grading.v1.RecordVerifiedComplaintRequest;
import org.livecomply.api.grading.v1.VerifiedComplaint;
import org.livecomply.consumer.client.GradingClient;
import org.livecomply.consumer.domain.Delivery;
import org.livecomply.consumer.domain.EventKind;
import org.livecomply.consumer.outbox.DeliveryRefusedException;
import org.livecomply.consumer.outbox.OutboxEvent;
import org.livecomply.consumer.outbox.OutboxHandler;
import org.livecomply.consumer.repository.ComplaintRepository;
import org.livecomply.consumer.repository.ComplaintRow;

/** Sends a verified complaint to room-grading (Art. 20 ¶3); room-grading records it once per complaint id. */
@Singleton
public class VerifiedComplaintHandler implements OutboxHandler<VerifiedComplaint> {

    private final GradingClient grading;
    private final ComplaintRepository complaints;
    private final TimelineNotes notes;

    public VerifiedComplaintHandler(GradingClient grading, ComplaintRepository complaints, TimelineNotes notes) {
        this.grading = grading;
        this.complaints = complaints;
        this.notes = notes;
    }

    @Override
    public String eventType() {
        return Deliveries.VERIFIED_COMPLAINT;
    }

    @Override
    public VerifiedComplaint deliver(OutboxEvent event) {
        try {
            return grading.recordVerifiedComplaint(RecordVerifiedComplaintRequest.parseFrom(event.payload()));
        } catch (InvalidProtocolBufferException e) {
            throw new DeliveryRefusedException("unreadable payload", e);
        } catch (RuntimeException e) {
            throw DeliveryFaults.classify(e);
        }
    }

    @Override
    public void delivered(OutboxEvent event, VerifiedComplaint recorded) {
        ComplaintRow complaint = complaints.lock(event.subject()).orElseThrow();
        complaints.updateGradingSignal(complaint.seq(), Delivery.DONE.name());
        notes.record(complaint, EventKind.GRADING_SIGNAL_DELIVERED, recorded.getName());
    }

    @Override
    public void failed(OutboxEvent event, String error) {
        ComplaintRow complaint = complaints.lock(event.subject()).orElseThrow();
        complaints.updateGradingSignal(complaint.seq(), Delivery.FAILED.name());
        notes.record(complaint, EventKind.DELIVERY_FAILED, "room-grading verified complaint: " + error);
    }
}
