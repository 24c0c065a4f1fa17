package org.livecomply.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.identity.IdentityFixtures.READ;
import static org.livecomply.identity.IdentityFixtures.VERIFY;
import static org.livecomply.identity.IdentityFixtures.WRITE;
import static org.livecomply.testsupport.StatusDetails.badFields;
import static org.livecomply.testsupport.StatusDetails.errorInfo;
import static org.livecomply.testsupport.StatusDetails.preconditionFailure;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.livecomply.api.identity.v1.ApplyUnreachableDisposalRequest;
import org.livecomply.api.identity.v1.GetRoomOperatorRequest;
import org.livecomply.api.identity.v1.GetUnreachableNoticeRequest;
import org.livecomply.api.identity.v1.ListUnreachableNoticesRequest;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.RecordUnreachableNoticeRequest;
import org.livecomply.api.identity.v1.RemindUnreachableSubjectRequest;
import org.livecomply.api.identity.v1.ResolveUnreachableNoticeRequest;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.api.identity.v1.SubmitSessionRosterRequest;
import org.livecomply.api.identity.v1.UnreachableNotice;

/** Art. 22 notices across the 2026 National Day holiday (Oct 1–7 rest, Sat Oct 10 a make-up workday). */
@MicronautTest(environments = "test")
class UnreachableNoticeIT extends IdentityApiTest {

    /** Wednesday 2026-09-30 10:00 in China. */
    private static final Instant NOTICE = Instant.parse("2026-09-30T02:00:00Z");
    /** 5th working day: Oct 8, 9, 10 (make-up Sat), 12, 13 → midnight starting Oct 14 in China. */
    private static final Instant REMINDER_DEADLINE = Instant.parse("2026-10-13T16:00:00Z");

    private UnreachableNotice.Builder notice(String subject, Instant at) {
        return UnreachableNotice.newBuilder().setSubject(subject).setRegulator("杭州市西湖区市场监督管理局")
                .setNoticeReference("西市监通〔2026〕88号").setNoticeTime(IdentityFixtures.timestamp(at));
    }

    private UnreachableNotice record(String subject) {
        return client.as(WRITE).recordUnreachableNotice(RecordUnreachableNoticeRequest.newBuilder()
                .setUnreachableNotice(notice(subject, clock.instant())).build());
    }

    private UnreachableNotice get(UnreachableNotice notice) {
        return client.as(READ).getUnreachableNotice(GetUnreachableNoticeRequest.newBuilder().setName(notice.getName()).build());
    }

    @Test
    void remindWithinFiveWorkingDaysThenDisposeThenLiftAfterAVerifiedUpdate() {
        clock.set(NOTICE.minusSeconds(3600));
        RoomOperator operator = fixtures.entity();
        fixtures.verify(operator.getName(), true, clock.instant());
        clock.set(NOTICE);
        UnreachableNotice open = record(operator.getName());
        assertEquals(UnreachableNotice.State.STATE_OPEN, open.getState());
        assertEquals(REMINDER_DEADLINE.getEpochSecond(), open.getReminderDeadline().getSeconds());

        clock.set(REMINDER_DEADLINE.minusSeconds(1));
        assertFalse(get(open).getReminderOverdue());
        clock.set(REMINDER_DEADLINE);
        assertTrue(get(open).getReminderOverdue());
        assertTrue(overdue().contains(open.getName()));

        UnreachableNotice reminded = client.as(WRITE).remindUnreachableSubject(RemindUnreachableSubjectRequest.newBuilder()
                .setName(open.getName()).build());
        assertEquals(UnreachableNotice.State.STATE_REMINDED, reminded.getState());
        assertTrue(reminded.getReminderOverdue(), "reminded at the deadline: late, and the record says so");
        assertFalse(overdue().contains(open.getName()));

        StatusRuntimeException unverified = assertThrows(StatusRuntimeException.class, () -> resolve(open));
        assertEquals("UPDATE_NOT_VERIFIED", errorInfo(unverified).getReason());
        assertTrue(preconditionFailure(unverified).getViolations(0).getDescription().startsWith("Art. 22"));

        UnreachableNotice disposed = client.as(VERIFY).applyUnreachableDisposal(ApplyUnreachableDisposalRequest.newBuilder()
                .setName(open.getName()).setNote("no update 10 working days after the reminder").build());
        assertEquals(UnreachableNotice.State.STATE_DISPOSED, disposed.getState());
        assertEquals(RoomOperator.State.STATE_SUSPENDED, operator(operator).getState());
        Marketer host = fixtures.marketer(LocalDate.of(1990, 1, 1));
        fixtures.verify(host.getName(), true, clock.instant());
        StatusRuntimeException roster = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).submitSessionRoster(
                SubmitSessionRosterRequest.newBuilder().setRoomOperator(operator.getName()).setSessionId("while-suspended")
                        .addMarketers(host.getName()).build()));
        assertEquals("ROOM_OPERATOR_SUSPENDED", errorInfo(roster).getReason());

        fixtures.verify(operator.getName(), true, clock.instant());
        assertEquals(RoomOperator.State.STATE_SUSPENDED, operator(operator).getState(), "a verification alone does not lift a disposal");
        UnreachableNotice resolved = resolve(open);
        assertEquals(UnreachableNotice.State.STATE_RESOLVED, resolved.getState());
        assertEquals(RoomOperator.State.STATE_VERIFIED, operator(operator).getState());
    }

    private UnreachableNotice resolve(UnreachableNotice notice) {
        return client.as(VERIFY).resolveUnreachableNotice(ResolveUnreachableNoticeRequest.newBuilder().setName(notice.getName())
                .setNote("new contact verified by phone").build());
    }

    private RoomOperator operator(RoomOperator operator) {
        return client.as(READ).getRoomOperator(GetRoomOperatorRequest.newBuilder().setName(operator.getName()).build());
    }

    private List<String> overdue() {
        return client.as(READ).listUnreachableNotices(ListUnreachableNoticesRequest.newBuilder().setOverdueOnly(true).setPageSize(200).build())
                .getUnreachableNoticesList().stream().map(UnreachableNotice::getName).toList();
    }

    @Test
    void stepsOnlyFollowTheProcedureAndAMarketerCanBeTheSubject() {
        Marketer marketer = fixtures.marketer(LocalDate.of(1987, 7, 7));
        UnreachableNotice open = record(marketer.getName());
        assertEquals(marketer.getName(), open.getSubject());
        StatusRuntimeException early = assertThrows(StatusRuntimeException.class, () -> client.as(VERIFY).applyUnreachableDisposal(
                ApplyUnreachableDisposalRequest.newBuilder().setName(open.getName()).setNote("impatient").build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, early.getStatus().getCode());
        assertEquals("UNREACHABLE_NOTICE_STEP_NOT_ALLOWED", errorInfo(early).getReason());
        client.as(WRITE).remindUnreachableSubject(RemindUnreachableSubjectRequest.newBuilder().setName(open.getName()).build());
        StatusRuntimeException twice = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).remindUnreachableSubject(
                RemindUnreachableSubjectRequest.newBuilder().setName(open.getName()).build()));
        assertEquals("UNREACHABLE_NOTICE_STEP_NOT_ALLOWED", errorInfo(twice).getReason());
        fixtures.verify(marketer.getName(), true, clock.instant());
        assertEquals(UnreachableNotice.State.STATE_RESOLVED, resolve(open).getState());
        assertEquals(Marketer.State.STATE_VERIFIED, client.as(READ).getMarketer(org.livecomply.api.identity.v1.GetMarketerRequest.newBuilder()
                .setName(marketer.getName()).build()).getState());
    }

    @Test
    void badNoticesAreRefusedFieldByField() {
        RoomOperator operator = fixtures.entity();
        Map<String, UnreachableNotice.Builder> bad = Map.of(
                "unreachable_notice.subject", notice("rooms/1", TestClock.NOW),
                "unreachable_notice.regulator", notice(operator.getName(), TestClock.NOW).setRegulator(""),
                "unreachable_notice.notice_reference", notice(operator.getName(), TestClock.NOW).setNoticeReference("r".repeat(101)),
                "unreachable_notice.notice_time", notice(operator.getName(), TestClock.NOW.plusSeconds(86_400)));
        bad.forEach((field, notice) -> {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).recordUnreachableNotice(
                    RecordUnreachableNoticeRequest.newBuilder().setUnreachableNotice(notice).build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), field);
            assertTrue(badFields(e).contains(field), field + " not among " + badFields(e));
        });
        StatusRuntimeException noTime = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).recordUnreachableNotice(
                RecordUnreachableNoticeRequest.newBuilder().setUnreachableNotice(notice(operator.getName(), TestClock.NOW).clearNoticeTime()).build()));
        assertTrue(badFields(noTime).contains("unreachable_notice.notice_time"));
        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).recordUnreachableNotice(
                RecordUnreachableNoticeRequest.newBuilder().setUnreachableNotice(notice("marketers/00000000-0000-4000-8000-000000000000",
                        TestClock.NOW)).build()));
        assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
        StatusRuntimeException noNote = assertThrows(StatusRuntimeException.class, () -> client.as(VERIFY).applyUnreachableDisposal(
                ApplyUnreachableDisposalRequest.newBuilder().setName("unreachableNotices/00000000-0000-4000-8000-000000000000").build()));
        assertEquals(List.of("note"), badFields(noNote));
    }
}
