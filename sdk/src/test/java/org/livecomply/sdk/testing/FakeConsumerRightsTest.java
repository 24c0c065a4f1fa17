package org.livecomply.sdk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.sdk.testing.FakeSupport.badFields;
import static org.livecomply.sdk.testing.FakeSupport.errorInfo;
import static org.livecomply.sdk.testing.FakeSupport.refused;
import static org.livecomply.sdk.testing.FakeSupport.requestId;
import static org.livecomply.sdk.testing.FakeSupport.timestamp;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.livecomply.api.archive.v1.AppendRecordRequest;
import org.livecomply.api.consumer.v1.AcknowledgeComplaintRequest;
import org.livecomply.api.consumer.v1.Category;
import org.livecomply.api.consumer.v1.Complaint;
import org.livecomply.api.consumer.v1.ComplaintClock;
import org.livecomply.api.consumer.v1.ComplaintEvent;
import org.livecomply.api.consumer.v1.CreateComplaintRequest;
import org.livecomply.api.consumer.v1.Delivery;
import org.livecomply.api.consumer.v1.GetComplaintRequest;
import org.livecomply.api.consumer.v1.LegalHoldState;
import org.livecomply.api.consumer.v1.ListComplaintEventsRequest;
import org.livecomply.api.consumer.v1.ListComplaintsRequest;
import org.livecomply.api.consumer.v1.PauseComplaintRequest;
import org.livecomply.api.consumer.v1.RejectComplaintRequest;
import org.livecomply.api.consumer.v1.Remedy;
import org.livecomply.api.consumer.v1.ResolveComplaintRequest;
import org.livecomply.api.consumer.v1.RespondToComplaintRequest;
import org.livecomply.api.consumer.v1.ResumeComplaintRequest;
import org.livecomply.api.consumer.v1.WaitingOn;
import org.livecomply.api.grading.v1.CreateRoomRequest;
import org.livecomply.api.grading.v1.GoodsCategory;
import org.livecomply.api.grading.v1.Room;
import org.livecomply.sdk.LiveComplyClient;

class FakeConsumerRightsTest {

    /** Wednesday 30 September 2026, 10:00 in China: National Day (1–7 October) is ahead. */
    private final FakeSupport.TestClock clock = new FakeSupport.TestClock(Instant.parse("2026-09-30T02:00:00Z"));
    private final LiveComplyFakes fakes = LiveComplyFakes.start(clock);
    private final LiveComplyClient client = fakes.client();

    @AfterEach
    void stop() {
        fakes.close();
    }

    private Complaint file(Complaint.Builder complaint) {
        return client.consumerRights().createComplaint(CreateComplaintRequest.newBuilder().setComplaint(complaint).build());
    }

    private static Complaint.Builder complaint() {
        return Complaint.newBuilder().setCategory(Category.CATEGORY_QUALITY).setDescription("收到的大米发霉").setRequestedRemedy(Remedy.REMEDY_REFUND)
                .setContact("13812345678").setBuyerRef("buyer:" + requestId().substring(0, 8));
    }

    private Complaint get(Complaint complaint) {
        return client.consumerRights().getComplaint(GetComplaintRequest.newBuilder().setName(complaint.getName()).build());
    }

    @Test
    void aFiledComplaintHasItsNumberStatusTokenAndClocksOnTheWorkingDayCalendar() {
        String id = requestId();
        CreateComplaintRequest request = CreateComplaintRequest.newBuilder().setRequestId(id).setComplaint(complaint()).build();

        Complaint filed = client.consumerRights().createComplaint(request);

        assertTrue(filed.getNumber().matches("C20260930-[34679ACDEFGHJKMNPQRTUVWXY]{6}"), filed.getNumber());
        assertEquals(Complaint.State.STATE_RECEIVED, filed.getState());
        assertEquals("138****5678", filed.getContact());
        assertFalse(filed.getStatusToken().isEmpty());
        assertEquals(LegalHoldState.LEGAL_HOLD_STATE_UNSPECIFIED, filed.getLegalHold());
        // 1 working day after 30 September is 8 October; 3 are 8, 9, 10 (make-up Saturday); 7 end on 15 October.
        assertEquals(List.of(timestamp(Instant.parse("2026-10-08T16:00:00Z")), timestamp(Instant.parse("2026-10-10T16:00:00Z")),
                timestamp(Instant.parse("2026-10-15T16:00:00Z"))), filed.getClocksList().stream().map(ComplaintClock::getDeadlineTime).toList());
        assertEquals(filed, client.consumerRights().createComplaint(request), "a retry answers the same complaint and token");
        assertEquals(filed.toBuilder().clearStatusToken().build(), get(filed));
        assertEquals("REQUEST_ID_REUSED", errorInfo(refused(Status.Code.INVALID_ARGUMENT, () -> client.consumerRights().createComplaint(
                request.toBuilder().setComplaint(complaint().setDescription("other")).build()))).getReason());
    }

    @Test
    void badInputIsRefusedFieldByField() {
        StatusRuntimeException refused = refused(Status.Code.INVALID_ARGUMENT, () -> file(Complaint.newBuilder()
                .setCategory(Category.CATEGORY_AFTER_SALES_HANDOFF).setOrderId("order 1").setRoom("rooms/1").setContact("not a contact")));

        assertEquals(List.of("complaint.category", "complaint.description", "complaint.order_id", "complaint.room", "complaint.contact"),
                badFields(refused));
        assertEquals("COMPLAINT_NOT_FOUND", errorInfo(refused(Status.Code.NOT_FOUND, () -> client.consumerRights().getComplaint(
                GetComplaintRequest.newBuilder().setName("complaints/C20260930-7KQ4XP").build()))).getReason());
        assertEquals(List.of("name"), badFields(refused(Status.Code.INVALID_ARGUMENT, () -> client.consumerRights().getComplaint(
                GetComplaintRequest.newBuilder().setName("complaints/42").build()))));
    }

    @Test
    void stepsFollowThePublishedProcessAndAWaitOnTheConsumerPausesTheClocks() {
        Complaint filed = file(complaint());
        String name = filed.getName();

        client.consumerRights().acknowledgeComplaint(AcknowledgeComplaintRequest.newBuilder().setName(name).build());
        StatusRuntimeException twice = refused(Status.Code.FAILED_PRECONDITION, () -> client.consumerRights().acknowledgeComplaint(
                AcknowledgeComplaintRequest.newBuilder().setName(name).build()));
        assertEquals("COMPLAINT_STEP_NOT_ALLOWED", errorInfo(twice).getReason());
        client.consumerRights().respondToComplaint(RespondToComplaintRequest.newBuilder().setName(name).setNote("请提供照片").build());
        clock.advance(Duration.ofHours(1));
        Complaint waiting = client.consumerRights().pauseComplaint(PauseComplaintRequest.newBuilder().setName(name)
                .setWaitingOn(WaitingOn.WAITING_ON_CONSUMER).setNote("等待消费者照片").build());
        assertEquals(Complaint.State.STATE_WAITING, waiting.getState());
        assertEquals(ComplaintClock.State.STATE_PAUSED, waiting.getClocks(2).getState());
        clock.set(Instant.parse("2026-10-09T02:00:00Z"));
        Complaint resumed = client.consumerRights().resumeComplaint(ResumeComplaintRequest.newBuilder().setName(name).build());
        assertEquals(Complaint.State.STATE_IN_PROGRESS, resumed.getState());
        // Paused from 30 Sep 11:00 (before counting starts) to 9 Oct 10:00: the 34 working hours of 8 and 9 Oct are added.
        assertEquals(Duration.ofHours(34).getSeconds(), resumed.getClocks(2).getPausedWorkingTime().getSeconds());
        Complaint resolved = client.consumerRights().resolveComplaint(ResolveComplaintRequest.newBuilder().setName(name)
                .setResolution("已全额退款").build());
        assertEquals(Complaint.State.STATE_RESOLVED, resolved.getState());
        assertEquals(ComplaintClock.State.STATE_MET, resolved.getClocks(2).getState());
        assertEquals("COMPLAINT_CLOSED", errorInfo(refused(Status.Code.FAILED_PRECONDITION, () -> client.consumerRights().rejectComplaint(
                RejectComplaintRequest.newBuilder().setName(name).setReason("x").build()))).getReason());
        assertEquals(List.of(ComplaintEvent.Kind.KIND_FILED, ComplaintEvent.Kind.KIND_ACKNOWLEDGED, ComplaintEvent.Kind.KIND_RESPONDED,
                        ComplaintEvent.Kind.KIND_PAUSED, ComplaintEvent.Kind.KIND_RESUMED, ComplaintEvent.Kind.KIND_RESOLVED),
                client.consumerRights().listComplaintEvents(ListComplaintEventsRequest.newBuilder().setParent(name).build()).getEventsList()
                        .stream().map(ComplaintEvent::getKind).toList());
        assertEquals(List.of("waiting_on", "note"), badFields(refused(Status.Code.INVALID_ARGUMENT, () -> client.consumerRights().pauseComplaint(
                PauseComplaintRequest.newBuilder().setName(name).build()))));
    }

    @Test
    void anOverdueComplaintIsListedAsOverdue() {
        Complaint filed = file(complaint());
        ListComplaintsRequest overdue = ListComplaintsRequest.newBuilder().setOverdueOnly(true).build();
        assertEquals(0, client.consumerRights().listComplaints(overdue).getComplaintsCount());

        clock.set(Instant.parse("2026-10-09T00:00:00Z"));

        assertEquals(List.of(filed.getName()), client.consumerRights().listComplaints(overdue).getComplaintsList().stream().map(Complaint::getName).toList());
        assertEquals(ComplaintClock.State.STATE_OVERDUE, get(filed).getClocks(0).getState());
    }

    @Test
    void theOrdersLegalHoldAndTheVerifiedComplaintAreDeliveredToTheOtherFakes() {
        client.archive().appendRecord(AppendRecordRequest.newBuilder().setRecord(FakeArchiveTest.placed("order-9").toBuilder()
                .setOccurTime(timestamp(clock.instant().minusSeconds(60)))).build());
        Room room = client.roomGrading().createRoom(CreateRoomRequest.newBuilder().setRoom(Room.newBuilder()
                .setRoomOperator("roomOperators/11111111-2222-3333-4444-555555555555").setLiveAccountId("acct-9")
                .addGoodsCategories(GoodsCategory.GOODS_CATEGORY_FOOD)).build());

        Complaint filed = file(complaint().setOrderId("order-9").setRoom(room.getName()));
        assertEquals(LegalHoldState.LEGAL_HOLD_STATE_PLACING, filed.getLegalHold(), "the filing answer comes before the delivery");
        assertEquals(LegalHoldState.LEGAL_HOLD_STATE_ACTIVE, get(filed).getLegalHold());

        Complaint resolved = client.consumerRights().resolveComplaint(ResolveComplaintRequest.newBuilder().setName(filed.getName())
                .setResolution("已退款").setSubstantiated(true).build());
        assertEquals(Delivery.DELIVERY_PENDING, resolved.getGradingSignal());
        Complaint delivered = get(filed);
        assertEquals(Delivery.DELIVERY_DONE, delivered.getGradingSignal());
        assertEquals(LegalHoldState.LEGAL_HOLD_STATE_RELEASED, delivered.getLegalHold());
        assertEquals("QUALITY: 已退款", fakes.roomGrading().verifiedComplaints(room.getName()).get(0).getSummary());
        assertEquals(filed.getNumber(), fakes.roomGrading().verifiedComplaints(room.getName()).get(0).getComplaintId());

        Complaint duplicate = file(complaint().setOrderId("order-9"));
        assertTrue(duplicate.getAbuseFlagged(), "another complaint about the order within 7 days is flagged for a person to review");
        assertTrue(duplicate.getAbuseReason().contains(filed.getNumber()), duplicate.getAbuseReason());
        assertEquals(Complaint.State.STATE_RECEIVED, duplicate.getState());
        assertEquals(2, client.consumerRights().listComplaints(
                ListComplaintsRequest.newBuilder().setOrderId("order-9").build()).getComplaintsCount());
    }

    @Test
    void aVerifiedComplaintNeedsItsRoomWhichTheResolutionMayNameButNeverReplace() {
        Room room = client.roomGrading().createRoom(CreateRoomRequest.newBuilder().setRoom(Room.newBuilder()
                .setRoomOperator("roomOperators/11111111-2222-3333-4444-555555555555").setLiveAccountId("acct-10")
                .addGoodsCategories(GoodsCategory.GOODS_CATEGORY_FOOD)).build());
        Complaint filed = file(complaint());
        ResolveComplaintRequest withoutRoom = ResolveComplaintRequest.newBuilder().setRequestId(requestId()).setName(filed.getName())
                .setResolution("已核实，已退款").setSubstantiated(true).build();

        StatusRuntimeException notNamed = refused(Status.Code.FAILED_PRECONDITION, () -> client.consumerRights().resolveComplaint(withoutRoom));
        assertEquals("ROOM_NOT_NAMED", errorInfo(notNamed).getReason());
        assertEquals("Art. 20 ¶3", errorInfo(notNamed).getMetadataMap().get("article"));
        assertEquals(filed.toBuilder().clearStatusToken().build(), get(filed), "the refusal changed nothing");
        assertEquals(List.of("room"), badFields(refused(Status.Code.INVALID_ARGUMENT, () -> client.consumerRights().resolveComplaint(
                withoutRoom.toBuilder().setRoom("rooms/1").build()))));

        Complaint resolved = client.consumerRights().resolveComplaint(withoutRoom.toBuilder().setRoom(room.getName()).build());
        assertEquals(room.getName(), resolved.getRoom(), "the same request_id, now naming the room: the refusal left no key");
        List<ComplaintEvent> timeline = client.consumerRights().listComplaintEvents(ListComplaintEventsRequest.newBuilder()
                .setParent(filed.getName()).build()).getEventsList();
        assertEquals(List.of(ComplaintEvent.Kind.KIND_FILED, ComplaintEvent.Kind.KIND_ROOM_LINKED, ComplaintEvent.Kind.KIND_RESOLVED,
                ComplaintEvent.Kind.KIND_GRADING_SIGNAL_DELIVERED), timeline.stream().map(ComplaintEvent::getKind).toList());
        assertEquals(LiveComplyFakes.SUBJECT, timeline.get(1).getActor());
        assertEquals(room.getName(), timeline.get(1).getNote());
        assertEquals(Delivery.DELIVERY_DONE, get(filed).getGradingSignal());
        assertEquals(filed.getNumber(), fakes.roomGrading().verifiedComplaints(room.getName()).get(0).getComplaintId());

        Complaint named = file(complaint().setRoom(room.getName()));
        StatusRuntimeException alreadyNamed = refused(Status.Code.FAILED_PRECONDITION, () -> client.consumerRights().resolveComplaint(
                ResolveComplaintRequest.newBuilder().setName(named.getName()).setResolution("已退款")
                        .setRoom("rooms/0c6f2a1e-5d3b-4e7a-9f10-3b2c1d4e5f60").build()));
        assertEquals("ROOM_ALREADY_NAMED", errorInfo(alreadyNamed).getReason());
        assertEquals(Complaint.State.STATE_RECEIVED, get(named).getState());
        Complaint withdrawn = client.consumerRights().resolveComplaint(ResolveComplaintRequest.newBuilder().setName(file(complaint()).getName())
                .setResolution("消费者撤回").build());
        assertEquals(Delivery.DELIVERY_UNSPECIFIED, withdrawn.getGradingSignal(), "an unsubstantiated resolution needs no room");
    }
}
