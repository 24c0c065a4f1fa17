package org.livecomply.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.consumer.Complaints.complaint;
import static org.livecomply.consumer.Complaints.create;
import static org.livecomply.consumer.Complaints.requestId;
import static org.livecomply.testsupport.StatusDetails.badFields;
import static org.livecomply.testsupport.StatusDetails.errorInfo;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.livecomply.api.archive.v1.GetPublicKeyRequest;
import org.livecomply.api.archive.v1.TransactionRecord;
import org.livecomply.api.consumer.v1.CheckReturnEligibilityRequest;
import org.livecomply.api.consumer.v1.Complaint;
import org.livecomply.api.consumer.v1.ComplaintEvent;
import org.livecomply.api.consumer.v1.GetComplaintRequest;
import org.livecomply.api.consumer.v1.LegalHoldState;
import org.livecomply.api.consumer.v1.ListComplaintEventsRequest;
import org.livecomply.api.consumer.v1.ListSellerInformationDisclosuresRequest;
import org.livecomply.api.consumer.v1.ReceiveRoomDisposalRequest;
import org.livecomply.api.consumer.v1.ReceiveRoomDisposalResponse;
import org.livecomply.api.consumer.v1.RequestSellerInformationRequest;
import org.livecomply.api.consumer.v1.ResolveComplaintRequest;
import org.livecomply.api.consumer.v1.ReturnEligibility;
import org.livecomply.api.consumer.v1.ReturnException;
import org.livecomply.api.consumer.v1.SellerInformationDisclosure;
import org.livecomply.api.grading.v1.ConsumerOrdersHandoff;
import org.livecomply.api.grading.v1.Measure;
import org.livecomply.api.identity.v1.DisclosureAudit;
import org.livecomply.api.identity.v1.DisclosurePurpose;
import org.livecomply.api.identity.v1.ListDisclosureAuditsRequest;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.consumer.outbox.OutboxDeliverer;
import org.livecomply.sdk.archive.EvidenceVerifier;
import org.livecomply.sdk.archive.SignedCheckpoint;

/**
 * consumer-rights against the REAL identity and transaction-archive services (separate processes): seller
 * information with proofs and its audit on both sides (Art. 18; CRPL Art. 44), the legal hold of an open
 * complaint's order (LEGAL.md A-1), return eligibility from the archive's events (CRPL Art. 25), and the
 * Art. 23 hand-off of a disposed room's open orders.
 */
@MicronautTest(environments = "test", transactional = false)
class SellerInformationAndArchiveIT extends ConsumerApiTest {

    @Inject
    OutboxDeliverer outbox;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("livecomply.clients.identity.address", RealServices.identity().grpcAddress(),
                "livecomply.clients.archive.address", RealServices.archive().grpcAddress());
    }

    private Complaint get(String name) {
        return client.as(READ).getComplaint(GetComplaintRequest.newBuilder().setName(name).build());
    }

    private List<ComplaintEvent.Kind> timeline(String name) {
        return client.as(READ).listComplaintEvents(ListComplaintEventsRequest.newBuilder().setParent(name).build()).getEventsList().stream()
                .map(ComplaintEvent::getKind).toList();
    }

    @Test
    void sellerInformationComesFromIdentityAndTheArchiveWithProofsAndIsAuditedOnBothSides() throws Exception {
        String liveAccount = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        RoomOperator operator = IdentitySubjects.roomOperator(liveAccount);
        Marketer marketer = IdentitySubjects.marketer();
        String order = ArchiveRecords.newOrderId();
        ArchiveRecords.append(order, liveAccount, TransactionRecord.Event.EVENT_ORDER_PLACED, Instant.parse("2026-11-20T04:00:00Z"));
        ArchiveRecords.append(order, liveAccount, TransactionRecord.Event.EVENT_DELIVERED, Instant.parse("2026-11-22T04:00:00Z"));
        Complaint filed = client.as(MANAGE).createComplaint(create(complaint().setOrderId(order).setRoomOperator(operator.getName())
                .setMarketer(marketer.getName())));

        SellerInformationDisclosure disclosure = client.as(DISCLOSE).requestSellerInformation(RequestSellerInformationRequest.newBuilder()
                .setComplaint(filed.getName()).build());
        assertEquals(operator.getName(), disclosure.getSeller().getRoomOperator().getName());
        assertTrue(disclosure.getSeller().getRoomOperator().getIdNumber().matches("330106[0-9]{11}[0-9X]"), "unmasked for the dispute");
        assertEquals(marketer.getName(), disclosure.getSeller().getMarketer().getName());
        assertEquals(2, disclosure.getOrderEvidence().getEntriesCount());
        String verifierKey = RealServices.archiveAs("archive.read").getPublicKey(GetPublicKeyRequest.getDefaultInstance()).getVerifierKey();
        SignedCheckpoint checkpoint = EvidenceVerifier.verify(disclosure.getOrderEvidence(), verifierKey);
        assertEquals(disclosure.getCheckpointTreeSize(), checkpoint.treeSize());
        assertTrue(disclosure.getWithinTarget());
        assertEquals("platform-test", disclosure.getRequestedBy());

        SellerInformationDisclosure audit = client.as(DISCLOSE).listSellerInformationDisclosures(ListSellerInformationDisclosuresRequest.newBuilder()
                .setParent(filed.getName()).build()).getDisclosures(0);
        assertEquals(disclosure.getName(), audit.getName());
        assertFalse(audit.hasSeller(), "the audit keeps what was disclosed, not the data");
        assertEquals(disclosure.getSeller().getDisclosureAudit(), audit.getIdentityDisclosureAudit());
        assertEquals(2, audit.getRecordsCount());
        assertFalse(text("SELECT CONCAT_WS('|', room_operator, marketer, records) FROM seller_information_audits").contains("330106"));

        DisclosureAudit identityAudit = RealServices.identityAs("identity.audit.read").listDisclosureAudits(ListDisclosureAuditsRequest.newBuilder()
                .setRoomOperator(operator.getName()).build()).getDisclosureAudits(0);
        assertEquals(filed.getNumber(), identityAudit.getCaseReference());
        assertEquals(DisclosurePurpose.DISCLOSURE_PURPOSE_CONSUMER_DISPUTE, identityAudit.getPurpose());
        assertEquals("consumer-service", identityAudit.getDisclosedTo());
        assertTrue(timeline(filed.getName()).contains(ComplaintEvent.Kind.KIND_SELLER_INFORMATION_DISCLOSED));

        StatusRuntimeException reader = assertThrows(StatusRuntimeException.class, () -> client.as(READ).requestSellerInformation(
                RequestSellerInformationRequest.newBuilder().setComplaint(filed.getName()).build()));
        assertEquals(Status.Code.PERMISSION_DENIED, reader.getStatus().getCode());
        Complaint anonymousSeller = client.as(MANAGE).createComplaint(create(complaint()));
        StatusRuntimeException unnamed = assertThrows(StatusRuntimeException.class, () -> client.as(DISCLOSE).requestSellerInformation(
                RequestSellerInformationRequest.newBuilder().setComplaint(anonymousSeller.getName()).build()));
        assertEquals("SELLER_NOT_NAMED", errorInfo(unnamed).getReason());
        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> client.as(DISCLOSE).requestSellerInformation(
                RequestSellerInformationRequest.newBuilder().setComplaint(anonymousSeller.getName())
                        .setRoomOperator("roomOperators/00000000-0000-4000-8000-000000000000").build()));
        assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode(), "identity's answer about the request is passed on");
    }

    @Test
    void anOpenComplaintKeepsItsOrderUnderALegalHoldUntilItCloses() {
        String order = ArchiveRecords.newOrderId();
        ArchiveRecords.append(order, "acct-hold", TransactionRecord.Event.EVENT_ORDER_PLACED, Instant.parse("2026-11-20T04:00:00Z"));
        Complaint filed = client.as(MANAGE).createComplaint(create(complaint().setOrderId(order)));
        assertEquals(LegalHoldState.LEGAL_HOLD_STATE_PLACING, filed.getLegalHold());
        drain();
        Complaint held = get(filed.getName());
        assertEquals(LegalHoldState.LEGAL_HOLD_STATE_ACTIVE, held.getLegalHold());
        assertTrue(held.getLegalHoldName().startsWith("legalHolds/"), held.getLegalHoldName());

        client.as(MANAGE).resolveComplaint(ResolveComplaintRequest.newBuilder().setRequestId(requestId()).setName(filed.getName())
                .setResolution("已退款").build());
        assertEquals(LegalHoldState.LEGAL_HOLD_STATE_RELEASING, get(filed.getName()).getLegalHold());
        drain();
        Complaint released = get(filed.getName());
        assertEquals(LegalHoldState.LEGAL_HOLD_STATE_RELEASED, released.getLegalHold());
        assertEquals(held.getLegalHoldName(), released.getLegalHoldName());
        List<ComplaintEvent.Kind> kinds = timeline(filed.getName());
        assertTrue(kinds.containsAll(List.of(ComplaintEvent.Kind.KIND_LEGAL_HOLD_PLACED, ComplaintEvent.Kind.KIND_LEGAL_HOLD_RELEASED)), kinds.toString());
    }

    @Test
    void aHoldOnAnOrderTheArchiveDoesNotKnowYetIsRetriedAndTheReleaseWaitsForIt() throws Exception {
        String order = ArchiveRecords.newOrderId();
        Complaint filed = client.as(MANAGE).createComplaint(create(complaint().setOrderId(order)));
        drain();
        assertEquals(LegalHoldState.LEGAL_HOLD_STATE_PLACING, get(filed.getName()).getLegalHold());
        assertEquals("1", text("SELECT attempts FROM outbox_events WHERE subject = '" + filed.getNumber() + "'"));
        assertTrue(text("SELECT last_error FROM outbox_events WHERE subject = '" + filed.getNumber() + "'").contains("NOT_FOUND"));

        client.as(MANAGE).resolveComplaint(ResolveComplaintRequest.newBuilder().setRequestId(requestId()).setName(filed.getName())
                .setResolution("协商解决").build());
        ArchiveRecords.append(order, "acct-hold", TransactionRecord.Event.EVENT_ORDER_PLACED, Instant.parse("2026-11-20T04:00:00Z"));
        clock.advance(java.time.Duration.ofMinutes(1));
        drain();
        clock.advance(java.time.Duration.ofMinutes(1));
        drain();
        assertEquals(LegalHoldState.LEGAL_HOLD_STATE_RELEASED, get(filed.getName()).getLegalHold());
        assertEquals("DELIVEREDDELIVERED", text("SELECT status FROM outbox_events WHERE subject = '" + filed.getNumber() + "' ORDER BY seq"));
    }

    @Test
    void returnEligibilityFollowsTheArchivedDeliveryAndReturn() {
        String order = ArchiveRecords.newOrderId();
        ArchiveRecords.append(order, "acct-r", TransactionRecord.Event.EVENT_ORDER_PLACED, Instant.parse("2026-11-10T04:00:00Z"));
        long delivered = ArchiveRecords.append(order, "acct-r", TransactionRecord.Event.EVENT_DELIVERED, Instant.parse("2026-11-12T12:00:00Z"));
        // Received Thu Nov 12 20:00 China time: days 13..19, so the window ends at 00:00 China on Nov 20.
        Instant windowEnd = Instant.parse("2026-11-19T16:00:00Z");
        ReturnEligibility inWindow = check(order, windowEnd.minusSeconds(1));
        assertEquals(ReturnEligibility.Verdict.VERDICT_ELIGIBLE, inWindow.getVerdict());
        assertEquals(windowEnd.getEpochSecond(), inWindow.getWindowEndTime().getSeconds());
        assertEquals(List.of("records/" + delivered), inWindow.getRecordsList());
        assertEquals(ReturnEligibility.Verdict.VERDICT_WINDOW_ENDED, check(order, windowEnd).getVerdict());
        ReturnEligibility perishable = client.as(READ).checkReturnEligibility(CheckReturnEligibilityRequest.newBuilder().setOrderId(order)
                .addExceptions(ReturnException.RETURN_EXCEPTION_PERISHABLE).setCheckTime(ts(windowEnd.minusSeconds(86_400))).build());
        assertEquals(ReturnEligibility.Verdict.VERDICT_EXCLUDED, perishable.getVerdict());
        assertEquals(ReturnEligibility.Verdict.VERDICT_NOT_DELIVERED, check(order, Instant.parse("2026-11-11T00:00:00Z")).getVerdict());

        ArchiveRecords.append(order, "acct-r", TransactionRecord.Event.EVENT_RETURNED, Instant.parse("2026-11-16T03:00:00Z"));
        ReturnEligibility returned = check(order, Instant.parse("2026-11-17T00:00:00Z"));
        assertEquals(ReturnEligibility.Verdict.VERDICT_RETURNED, returned.getVerdict());
        // The seller received the goods on Mon Nov 16 (China): the refund is due by the end of Nov 23.
        assertEquals(Instant.parse("2026-11-23T16:00:00Z").getEpochSecond(), returned.getRefundDueTime().getSeconds());
        assertFalse(returned.getRefunded());

        StatusRuntimeException bad = assertThrows(StatusRuntimeException.class, () -> client.as(READ).checkReturnEligibility(
                CheckReturnEligibilityRequest.newBuilder().setOrderId("bad order")
                        .addExceptions(ReturnException.RETURN_EXCEPTION_PERISHABLE).addExceptions(ReturnException.RETURN_EXCEPTION_PERISHABLE)
                        .addExceptions(ReturnException.RETURN_EXCEPTION_UNSPECIFIED)
                        .setCheckTime(ts(TestClock.NOW.plusSeconds(3600))).build()));
        assertEquals(List.of("order_id", "exceptions[1]", "exceptions[2]", "check_time"), badFields(bad));
    }

    @Test
    void aDisposedRoomsOpenOrdersBecomeTrackedCasesOncePerDisposal() {
        String liveAccount = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        String open = ArchiveRecords.newOrderId();
        String completed = ArchiveRecords.newOrderId();
        String refunded = ArchiveRecords.newOrderId();
        Instant placed = Instant.parse("2026-11-20T04:00:00Z");
        for (String order : List.of(open, completed, refunded)) {
            ArchiveRecords.append(order, liveAccount, TransactionRecord.Event.EVENT_ORDER_PLACED, placed);
        }
        ArchiveRecords.append(completed, liveAccount, TransactionRecord.Event.EVENT_COMPLETED, placed.plusSeconds(86_400));
        ArchiveRecords.append(refunded, liveAccount, TransactionRecord.Event.EVENT_REFUNDED, placed.plusSeconds(86_400));
        String room = "rooms/" + UUID.randomUUID();
        ConsumerOrdersHandoff handoff = ConsumerOrdersHandoff.newBuilder().setEventId(UUID.randomUUID().toString())
                .setDisposal(room + "/disposals/" + UUID.randomUUID()).setRoom(room)
                .setRoomOperator("roomOperators/" + UUID.randomUUID()).setLiveAccountId(liveAccount)
                .setMeasure(Measure.MEASURE_STREAMING_SUSPENSION).build();
        ReceiveRoomDisposalRequest request = ReceiveRoomDisposalRequest.newBuilder().setRequestId(handoff.getEventId()).setHandoff(handoff).build();

        ReceiveRoomDisposalResponse received = client.as(HANDOVER).receiveRoomDisposal(request);
        assertEquals(3, received.getOrdersFound());
        assertEquals(1, received.getComplaintsCount());
        Complaint handoffCase = get(received.getComplaints(0));
        assertEquals(open, handoffCase.getOrderId());
        assertEquals(org.livecomply.api.consumer.v1.Channel.CHANNEL_ROOM_DISPOSAL, handoffCase.getChannel());
        assertEquals(org.livecomply.api.consumer.v1.Category.CATEGORY_AFTER_SALES_HANDOFF, handoffCase.getCategory());
        assertEquals(handoff.getDisposal(), handoffCase.getDisposal());
        assertEquals(3, handoffCase.getClocksCount());
        assertEquals(LegalHoldState.LEGAL_HOLD_STATE_PLACING, handoffCase.getLegalHold());

        assertEquals(received, client.as(HANDOVER).receiveRoomDisposal(request), "a retry answers the first result");
        ReceiveRoomDisposalResponse redelivered = client.as(HANDOVER).receiveRoomDisposal(request.toBuilder().setRequestId("other-event").build());
        assertEquals(received.getComplaintsList(), redelivered.getComplaintsList(), "the same disposal opens no second case");

        StatusRuntimeException warning = assertThrows(StatusRuntimeException.class, () -> client.as(HANDOVER).receiveRoomDisposal(
                request.toBuilder().setRequestId(requestId()).setHandoff(handoff.toBuilder().setMeasure(Measure.MEASURE_WARNING)).build()));
        assertEquals(List.of("handoff.measure"), badFields(warning));
        StatusRuntimeException manager = assertThrows(StatusRuntimeException.class, () -> client.as(MANAGE).receiveRoomDisposal(request));
        assertEquals(Status.Code.PERMISSION_DENIED, manager.getStatus().getCode());
    }

    private ReturnEligibility check(String order, Instant at) {
        return client.as(READ).checkReturnEligibility(CheckReturnEligibilityRequest.newBuilder().setOrderId(order).setCheckTime(ts(at)).build());
    }

    private static com.google.protobuf.Timestamp ts(Instant at) {
        return com.google.protobuf.Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
    }

    /** Delivers everything due now, batch after batch. */
    private void drain() {
        while (outbox.deliverDue() > 0) {
            // until nothing is due
        }
    }
}
