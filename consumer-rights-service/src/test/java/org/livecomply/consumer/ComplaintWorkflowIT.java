package org.livecomply.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.consumer.Complaints.clock;
import static org.livecomply.consumer.Complaints.complaint;
import static org.livecomply.consumer.Complaints.create;
import static org.livecomply.consumer.Complaints.deadline;
import static org.livecomply.consumer.Complaints.requestId;
import static org.livecomply.testsupport.StatusDetails.badFields;
import static org.livecomply.testsupport.StatusDetails.errorInfo;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.livecomply.api.consumer.v1.AcknowledgeComplaintRequest;
import org.livecomply.api.consumer.v1.Category;
import org.livecomply.api.consumer.v1.Channel;
import org.livecomply.api.consumer.v1.Complaint;
import org.livecomply.api.consumer.v1.ComplaintClock;
import org.livecomply.api.consumer.v1.ComplaintEvent;
import org.livecomply.api.consumer.v1.CreateComplaintRequest;
import org.livecomply.api.consumer.v1.FlagComplaintAbuseRequest;
import org.livecomply.api.consumer.v1.GetComplaintPolicyRequest;
import org.livecomply.api.consumer.v1.GetComplaintRequest;
import org.livecomply.api.consumer.v1.ListComplaintEventsRequest;
import org.livecomply.api.consumer.v1.ListComplaintsRequest;
import org.livecomply.api.consumer.v1.PauseComplaintRequest;
import org.livecomply.api.consumer.v1.RejectComplaintRequest;
import org.livecomply.api.consumer.v1.ResolveComplaintRequest;
import org.livecomply.api.consumer.v1.RespondToComplaintRequest;
import org.livecomply.api.consumer.v1.ResumeComplaintRequest;
import org.livecomply.api.consumer.v1.WaitingOn;

/**
 * The complaint process and its published clocks on the 2026 PRC calendar (Art. 20; LEGAL.md C-2): National
 * Day (rest Oct 1–7, make-up Saturday Oct 10) and the Spring Festival (make-up Saturday Feb 14, rest Feb
 * 15–23, make-up Saturday Feb 28), pauses while waiting on the consumer, the overdue list, and refusals.
 */
@MicronautTest(environments = "test")
class ComplaintWorkflowIT extends ConsumerApiTest {

    /** Wednesday 2026-09-30 10:00 China time, the day before National Day. */
    private static final Instant BEFORE_NATIONAL_DAY = Instant.parse("2026-09-30T02:00:00Z");
    /** Friday 2026-02-13 10:00 China time, the day before the make-up Saturday and the Spring Festival. */
    private static final Instant BEFORE_SPRING_FESTIVAL = Instant.parse("2026-02-13T02:00:00Z");

    private Complaint file() {
        return client.as(MANAGE).createComplaint(create(complaint()));
    }

    private Complaint get(Complaint complaint) {
        return client.as(READ).getComplaint(GetComplaintRequest.newBuilder().setName(complaint.getName()).build());
    }

    private List<String> overdue() {
        return client.as(READ).listComplaints(ListComplaintsRequest.newBuilder().setOverdueOnly(true).setPageSize(200).build())
                .getComplaintsList().stream().map(Complaint::getName).toList();
    }

    @Test
    void aFiledComplaintCarriesANumberASecretAndThePublishedClocks() {
        // Sunday 2026-11-29: counting starts on Monday the 30th.
        Complaint filed = file();
        assertTrue(filed.getNumber().matches("C20261129-[34679ACDEFGHJKMNPQRTUVWXY]{6}"), filed.getNumber());
        assertEquals("complaints/" + filed.getNumber(), filed.getName());
        assertEquals(Channel.CHANNEL_PLATFORM, filed.getChannel());
        assertEquals(Complaint.State.STATE_RECEIVED, filed.getState());
        assertEquals("138****5678", filed.getContact());
        assertEquals(43, filed.getStatusToken().length());
        assertEquals(Instant.parse("2026-11-30T16:00:00Z"), deadline(filed, ComplaintClock.Kind.KIND_ACKNOWLEDGE));
        assertEquals(Instant.parse("2026-12-02T16:00:00Z"), deadline(filed, ComplaintClock.Kind.KIND_FIRST_RESPONSE));
        assertEquals(Instant.parse("2026-12-08T16:00:00Z"), deadline(filed, ComplaintClock.Kind.KIND_RESOLVE));
        filed.getClocksList().forEach(c -> assertEquals(ComplaintClock.State.STATE_RUNNING, c.getState()));

        Complaint read = get(filed);
        assertEquals("", read.getStatusToken(), "the secret is only in the filing's answer");
        assertEquals(filed.getClocksList(), read.getClocksList());
        List<ComplaintEvent> timeline = client.as(READ).listComplaintEvents(ListComplaintEventsRequest.newBuilder().setParent(filed.getName()).build())
                .getEventsList();
        assertEquals(1, timeline.size());
        assertEquals(ComplaintEvent.Kind.KIND_FILED, timeline.get(0).getKind());
        assertEquals("platform-test", timeline.get(0).getActor());
    }

    @Test
    void aRetryWithTheSameRequestIdAnswersTheFirstFilingWithTheSameSecret() throws Exception {
        CreateComplaintRequest request = create(complaint());
        Complaint first = client.as(MANAGE).createComplaint(request);
        Complaint again = client.as(MANAGE).createComplaint(request);
        assertEquals(first.getName(), again.getName());
        assertEquals(first.getStatusToken(), again.getStatusToken());
        assertEquals("1", text("SELECT COUNT(*) FROM complaints WHERE number = '" + first.getNumber() + "'"));

        StatusRuntimeException reused = assertThrows(StatusRuntimeException.class, () -> client.as(MANAGE).createComplaint(
                request.toBuilder().setComplaint(complaint().setDescription("another complaint")).build()));
        assertEquals("REQUEST_ID_REUSED", errorInfo(reused).getReason());
    }

    @Test
    void theClocksRunAcrossNationalDayAndPauseWhileWaitingOnTheConsumer() {
        clock.set(BEFORE_NATIONAL_DAY);
        Complaint filed = file();
        // Oct 1–7 rest; Thu Oct 8 is the first working day, Sat Oct 10 a make-up working day.
        assertEquals(Instant.parse("2026-10-08T16:00:00Z"), deadline(filed, ComplaintClock.Kind.KIND_ACKNOWLEDGE));
        assertEquals(Instant.parse("2026-10-10T16:00:00Z"), deadline(filed, ComplaintClock.Kind.KIND_FIRST_RESPONSE));
        assertEquals(Instant.parse("2026-10-15T16:00:00Z"), deadline(filed, ComplaintClock.Kind.KIND_RESOLVE));

        clock.set(Instant.parse("2026-10-08T02:00:00Z"));
        Complaint acknowledged = client.as(MANAGE).acknowledgeComplaint(AcknowledgeComplaintRequest.newBuilder().setRequestId(requestId())
                .setName(filed.getName()).setNote("已收到").build());
        assertEquals(Complaint.State.STATE_ACKNOWLEDGED, acknowledged.getState());
        assertEquals(ComplaintClock.State.STATE_MET, clock(acknowledged, ComplaintClock.Kind.KIND_ACKNOWLEDGE).getState());

        clock.set(Instant.parse("2026-10-09T02:00:00Z"));
        client.as(MANAGE).respondToComplaint(RespondToComplaintRequest.newBuilder().setRequestId(requestId()).setName(filed.getName())
                .setNote("请提供漏水处的照片。").build());
        // Waiting on the consumer from Fri Oct 9 12:00 to Mon Oct 12 12:00 China time: 12 h + the make-up Saturday + 12 h = 2 working days.
        clock.set(Instant.parse("2026-10-09T04:00:00Z"));
        Complaint waiting = client.as(MANAGE).pauseComplaint(PauseComplaintRequest.newBuilder().setRequestId(requestId()).setName(filed.getName())
                .setWaitingOn(WaitingOn.WAITING_ON_CONSUMER).setNote("等待消费者提供照片").build());
        assertEquals(Complaint.State.STATE_WAITING, waiting.getState());
        assertEquals(WaitingOn.WAITING_ON_CONSUMER, waiting.getWaitingOn());
        assertEquals(ComplaintClock.State.STATE_MET, clock(waiting, ComplaintClock.Kind.KIND_FIRST_RESPONSE).getState());

        clock.set(Instant.parse("2026-10-11T04:00:00Z"));
        Complaint paused = get(filed);
        assertEquals(ComplaintClock.State.STATE_PAUSED, clock(paused, ComplaintClock.Kind.KIND_RESOLVE).getState());
        assertEquals(Duration.ofHours(36).getSeconds(), clock(paused, ComplaintClock.Kind.KIND_RESOLVE).getPausedWorkingTime().getSeconds());

        clock.set(Instant.parse("2026-10-12T04:00:00Z"));
        Complaint resumed = client.as(MANAGE).resumeComplaint(ResumeComplaintRequest.newBuilder().setRequestId(requestId())
                .setName(filed.getName()).build());
        assertEquals(Complaint.State.STATE_IN_PROGRESS, resumed.getState(), "back to the step the wait paused");
        assertEquals(Instant.parse("2026-10-19T16:00:00Z"), deadline(resumed, ComplaintClock.Kind.KIND_RESOLVE));
        assertEquals(Duration.ofHours(48).getSeconds(), clock(resumed, ComplaintClock.Kind.KIND_RESOLVE).getPausedWorkingTime().getSeconds());

        // A wait on the merchant does not pause the clocks under the default policy.
        clock.set(Instant.parse("2026-10-13T02:00:00Z"));
        client.as(MANAGE).pauseComplaint(PauseComplaintRequest.newBuilder().setRequestId(requestId()).setName(filed.getName())
                .setWaitingOn(WaitingOn.WAITING_ON_MERCHANT).setNote("等待商家核实").build());
        clock.set(Instant.parse("2026-10-14T02:00:00Z"));
        Complaint merchant = client.as(MANAGE).resumeComplaint(ResumeComplaintRequest.newBuilder().setRequestId(requestId())
                .setName(filed.getName()).build());
        assertEquals(Instant.parse("2026-10-19T16:00:00Z"), deadline(merchant, ComplaintClock.Kind.KIND_RESOLVE));

        clock.set(Instant.parse("2026-10-19T15:59:59Z"));
        assertFalse(overdue().contains(filed.getName()));
        clock.set(Instant.parse("2026-10-19T16:00:00Z"));
        assertTrue(overdue().contains(filed.getName()));
        assertEquals(ComplaintClock.State.STATE_OVERDUE, clock(get(filed), ComplaintClock.Kind.KIND_RESOLVE).getState());

        Complaint resolved = client.as(MANAGE).resolveComplaint(ResolveComplaintRequest.newBuilder().setRequestId(requestId())
                .setName(filed.getName()).setResolution("全额退款").build());
        assertEquals(Complaint.State.STATE_RESOLVED, resolved.getState());
        assertEquals(ComplaintClock.State.STATE_MISSED, clock(resolved, ComplaintClock.Kind.KIND_RESOLVE).getState());
        assertFalse(overdue().contains(filed.getName()), "a closed complaint is off the overdue list");
    }

    @Test
    void theSpringFestivalRestDaysDoNotCountButItsMakeUpSaturdaysDo() {
        clock.set(BEFORE_SPRING_FESTIVAL);
        Complaint filed = file();
        assertEquals(Instant.parse("2026-02-14T16:00:00Z"), deadline(filed, ComplaintClock.Kind.KIND_ACKNOWLEDGE), "Sat Feb 14 is a make-up working day");
        assertEquals(Instant.parse("2026-02-25T16:00:00Z"), deadline(filed, ComplaintClock.Kind.KIND_FIRST_RESPONSE), "Feb 14, 24, 25");
        assertEquals(Instant.parse("2026-03-02T16:00:00Z"), deadline(filed, ComplaintClock.Kind.KIND_RESOLVE), "Feb 14, 24–28, Mar 2");

        clock.set(Instant.parse("2026-02-14T16:00:00Z"));
        assertTrue(overdue().contains(filed.getName()), "not acknowledged by the end of the make-up Saturday");
        clock.set(Instant.parse("2026-02-26T02:00:00Z"));
        Complaint responded = client.as(MANAGE).respondToComplaint(RespondToComplaintRequest.newBuilder().setRequestId(requestId())
                .setName(filed.getName()).setNote("已联系商家").build());
        assertEquals(ComplaintClock.State.STATE_MISSED, clock(responded, ComplaintClock.Kind.KIND_ACKNOWLEDGE).getState());
        assertEquals(ComplaintClock.State.STATE_MISSED, clock(responded, ComplaintClock.Kind.KIND_FIRST_RESPONSE).getState());
        assertEquals(ComplaintClock.State.STATE_RUNNING, clock(responded, ComplaintClock.Kind.KIND_RESOLVE).getState());
        assertFalse(overdue().contains(filed.getName()), "the running resolve clock is within its deadline");
    }

    @Test
    void stepsFollowThePublishedProcessAndEveryStepIsInTheTimeline() {
        Complaint filed = file();
        StatusRuntimeException notWaiting = assertThrows(StatusRuntimeException.class, () -> client.as(MANAGE).resumeComplaint(
                ResumeComplaintRequest.newBuilder().setRequestId(requestId()).setName(filed.getName()).build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, notWaiting.getStatus().getCode());
        assertEquals("COMPLAINT_STEP_NOT_ALLOWED", errorInfo(notWaiting).getReason());

        Complaint flagged = client.as(MANAGE).flagComplaintAbuse(FlagComplaintAbuseRequest.newBuilder().setRequestId(requestId())
                .setName(filed.getName()).setReason("同一账号一小时内重复投诉 30 次").build());
        assertTrue(flagged.getAbuseFlagged());
        assertEquals(Complaint.State.STATE_RECEIVED, flagged.getState(), "flagging does not move the complaint");

        Complaint rejected = client.as(MANAGE).rejectComplaint(RejectComplaintRequest.newBuilder().setRequestId(requestId())
                .setName(filed.getName()).setReason("重复投诉").build());
        assertEquals(Complaint.State.STATE_REJECTED, rejected.getState());
        assertEquals("重复投诉", rejected.getRejectionReason());
        assertTrue(rejected.hasCloseTime());

        StatusRuntimeException closed = assertThrows(StatusRuntimeException.class, () -> client.as(MANAGE).acknowledgeComplaint(
                AcknowledgeComplaintRequest.newBuilder().setRequestId(requestId()).setName(filed.getName()).build()));
        assertEquals("COMPLAINT_CLOSED", errorInfo(closed).getReason());

        List<ComplaintEvent.Kind> kinds = client.as(READ).listComplaintEvents(ListComplaintEventsRequest.newBuilder().setParent(filed.getName())
                .build()).getEventsList().stream().map(ComplaintEvent::getKind).toList();
        assertEquals(List.of(ComplaintEvent.Kind.KIND_FILED, ComplaintEvent.Kind.KIND_ABUSE_FLAGGED, ComplaintEvent.Kind.KIND_REJECTED), kinds);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStored() throws Exception {
        String before = text("SELECT COUNT(*) FROM complaints");
        Map<String, CreateComplaintRequest.Builder> bad = Map.of(
                "request_id", create(complaint()).toBuilder().setRequestId("bad id!"),
                "complaint", CreateComplaintRequest.newBuilder().setRequestId(requestId()),
                "complaint.category", create(complaint().clearCategory()).toBuilder(),
                "complaint.description", create(complaint().setDescription(" ")).toBuilder(),
                "complaint.order_id", create(complaint().setOrderId("order/1")).toBuilder(),
                "complaint.room", create(complaint().setRoom("rooms/abc")).toBuilder(),
                "complaint.room_operator", create(complaint().setRoomOperator("marketers/1")).toBuilder(),
                "complaint.contact", create(complaint().setContact("12345")).toBuilder());
        bad.forEach((field, request) -> {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.as(MANAGE).createComplaint(request.build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), field);
            assertTrue(badFields(e).contains(field), field + " not among " + badFields(e));
        });
        StatusRuntimeException handoff = assertThrows(StatusRuntimeException.class, () -> client.as(MANAGE).createComplaint(
                create(complaint().setCategory(Category.CATEGORY_AFTER_SALES_HANDOFF))));
        assertEquals(List.of("complaint.category"), badFields(handoff));
        StatusRuntimeException tooLong = assertThrows(StatusRuntimeException.class, () -> client.as(MANAGE).createComplaint(
                create(complaint().setDescription("投".repeat(2001)))));
        assertEquals(List.of("complaint.description"), badFields(tooLong));
        assertEquals(before, text("SELECT COUNT(*) FROM complaints"));

        StatusRuntimeException name = assertThrows(StatusRuntimeException.class, () -> client.as(READ).getComplaint(
                GetComplaintRequest.newBuilder().setName("complaints/123").build()));
        assertEquals(List.of("name"), badFields(name));
        StatusRuntimeException missing = assertThrows(StatusRuntimeException.class, () -> client.as(READ).getComplaint(
                GetComplaintRequest.newBuilder().setName("complaints/C20261129-AAAAAA").build()));
        assertEquals(Status.Code.NOT_FOUND, missing.getStatus().getCode());
        assertEquals("COMPLAINT_NOT_FOUND", errorInfo(missing).getReason());
        StatusRuntimeException pause = assertThrows(StatusRuntimeException.class, () -> client.as(MANAGE).pauseComplaint(
                PauseComplaintRequest.newBuilder().setRequestId(requestId()).setName("complaints/C20261129-AAAAAA").setNote("").build()));
        assertEquals(List.of("waiting_on", "note"), badFields(pause));
        StatusRuntimeException page = assertThrows(StatusRuntimeException.class, () -> client.as(READ).listComplaints(
                ListComplaintsRequest.newBuilder().setPageSize(-1).setPageToken("forged").build()));
        assertEquals(List.of("page_size"), badFields(page));
        StatusRuntimeException token = assertThrows(StatusRuntimeException.class, () -> client.as(READ).listComplaints(
                ListComplaintsRequest.newBuilder().setPageToken("forged").build()));
        assertEquals("INVALID_PAGE_TOKEN", errorInfo(token).getReason());
    }

    @Test
    void callersWithoutAValidTokenOrTheScopeAreRefused() {
        StatusRuntimeException anonymous = assertThrows(StatusRuntimeException.class,
                () -> client.anonymous().getComplaintPolicy(GetComplaintPolicyRequest.getDefaultInstance()));
        assertEquals(Status.Code.UNAUTHENTICATED, anonymous.getStatus().getCode());
        StatusRuntimeException reader = assertThrows(StatusRuntimeException.class, () -> client.as(READ).createComplaint(create(complaint())));
        assertEquals(Status.Code.PERMISSION_DENIED, reader.getStatus().getCode());
        assertEquals("consumer.manage", errorInfo(reader).getMetadataOrThrow("required_scope"));
    }

    @Test
    void thePolicyInForceIsPublished() {
        var policy = client.as(READ).getComplaintPolicy(GetComplaintPolicyRequest.getDefaultInstance());
        assertEquals(1, policy.getAcknowledgeWorkingDays());
        assertEquals(3, policy.getFirstResponseWorkingDays());
        assertEquals(7, policy.getResolveWorkingDays());
        assertTrue(policy.getConsumerWaitPausesClocks());
        assertFalse(policy.getMerchantWaitPausesClocks());
        assertEquals(7, policy.getReturnWindowDays());
        assertEquals(7, policy.getRefundDays());
        assertEquals(Duration.ofHours(24).getSeconds(), policy.getSellerInformationTarget().getSeconds());
        assertNotEquals(0, policy.getProcessZhCount());
    }
}
