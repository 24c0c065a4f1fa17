package org.livecomply.consumer.service;

import com.google.protobuf.Timestamp;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.livecomply.api.archive.v1.LegalHold;
import org.livecomply.api.archive.v1.PlaceLegalHoldRequest;
import org.livecomply.api.grading.v1.RecordVerifiedComplaintRequest;
import org.livecomply.api.grading.v1.VerifiedComplaint;
import org.livecomply.consumer.domain.Delivery;
import org.livecomply.consumer.domain.LegalHoldState;
import org.livecomply.consumer.outbox.Outbox;
import org.livecomply.consumer.repository.ComplaintRepository;
import org.livecomply.consumer.repository.ComplaintRow;

/**
 * What complaints send to other services, written to the outbox in the transaction of the change: the legal
 * hold on a complained-about order's records (placed on filing, released on closing; LEGAL.md A-1) and a
 * verified complaint for room-grading (Art. 20 ¶3). Payloads are the receivers' requests, request_id = event id.
 */
@Singleton
public class Deliveries {

    public static final String PLACE_LEGAL_HOLD = "archive.PlaceLegalHold";
    public static final String RELEASE_LEGAL_HOLD = "archive.ReleaseLegalHold";
    public static final String VERIFIED_COMPLAINT = "grading.RecordVerifiedComplaint";
    static final int SUMMARY_MAX = 500;

    private final Outbox outbox;
    private final ComplaintRepository complaints;

    public Deliveries(Outbox outbox, ComplaintRepository complaints) {
        this.outbox = outbox;
        this.complaints = complaints;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void placeLegalHold(ComplaintRow complaint) {
        String eventId = UUID.randomUUID().toString();
        PlaceLegalHoldRequest request = PlaceLegalHoldRequest.newBuilder().setRequestId(eventId)
                .setLegalHold(LegalHold.newBuilder().setOrderId(complaint.orderId())
                        .setReason("consumer complaint " + complaint.number() + " is open (Art. 20; ECL Art. 62)")
                        .setCaseReference(complaint.number()))
                .build();
        outbox.append(eventId, PLACE_LEGAL_HOLD, complaint.number(), request.toByteArray());
    }

    /** On closing: releases a hold placed or being placed; the release waits for the placement to be delivered. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void releaseLegalHold(ComplaintRow complaint) {
        LegalHoldState hold = LegalHoldState.valueOf(complaint.legalHold());
        if (hold != LegalHoldState.PLACING && hold != LegalHoldState.ACTIVE) {
            return;
        }
        complaints.updateLegalHold(complaint.seq(), LegalHoldState.RELEASING.name(), complaint.legalHoldName());
        outbox.append(RELEASE_LEGAL_HOLD, complaint.number(), complaint.number().getBytes(StandardCharsets.UTF_8));
    }

    /** The verified complaint against {@code room}: the complaint's own, or the one its resolution just linked. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void signalVerifiedComplaint(ComplaintRow complaint, String room, String resolution, Instant verifyTime) {
        String summary = (complaint.category() + ": " + resolution);
        summary = summary.codePointCount(0, summary.length()) > SUMMARY_MAX
                ? summary.substring(0, summary.offsetByCodePoints(0, SUMMARY_MAX - 1)) + "…" : summary;
        RecordVerifiedComplaintRequest request = RecordVerifiedComplaintRequest.newBuilder().setParent(room)
                .setVerifiedComplaint(VerifiedComplaint.newBuilder().setComplaintId(complaint.number()).setSummary(summary)
                        .setVerifyTime(Timestamp.newBuilder().setSeconds(verifyTime.getEpochSecond()).setNanos(verifyTime.getNano())))
                .build();
        complaints.updateGradingSignal(complaint.seq(), Delivery.PENDING.name());
        outbox.append(VERIFIED_COMPLAINT, complaint.number(), request.toByteArray());
    }
}
