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

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.livecomply.api.identity.v1.CompleteDisclosureChangeRequest;
import org.livecomply.api.identity.v1.DisclosureChange;
import org.livecomply.api.identity.v1.GetDisclosureChangeRequest;
import org.livecomply.api.identity.v1.ListDisclosureChangesRequest;
import org.livecomply.api.identity.v1.ReportDisclosureChangeRequest;
import org.livecomply.api.identity.v1.RoomOperator;

/**
 * Disclosure changes on the 2026 working-day calendar (Arts. 15, 25). Friday 2026-02-13 is followed by the
 * make-up Saturday 02-14, the Spring Festival rest 02-15..23, and the make-up Saturday 02-28.
 */
@MicronautTest(environments = "test")
class DisclosureChangeIT extends IdentityApiTest {

    /** Friday 2026-02-13 10:00 in China. */
    private static final Instant FRIDAY_BEFORE_SPRING_FESTIVAL = Instant.parse("2026-02-13T02:00:00Z");
    /** End of the 3rd working day after it: 02-14 (make-up Sat), 02-24, 02-25 → midnight starting 02-26 in China. */
    private static final Instant REPORT_DEADLINE = Instant.parse("2026-02-25T16:00:00Z");
    /** End of the 7th working day: 02-14, 24, 25, 26, 27, 28 (make-up Sat), 03-02 → midnight starting 03-03. */
    private static final Instant VERIFICATION_DEADLINE = Instant.parse("2026-03-02T16:00:00Z");

    private static DisclosureChange.Builder change(Instant at) {
        return DisclosureChange.newBuilder().addChangedFields(DisclosureChange.Field.FIELD_BUSINESS_ADDRESS)
                .addChangedFields(DisclosureChange.Field.FIELD_CONTACT)
                .setDescription("Moved from 文三路100号 to 文一西路969号; new phone 0571-88886666").setChangeTime(IdentityFixtures.timestamp(at));
    }

    private DisclosureChange report(RoomOperator operator, Instant changedAt) {
        return client.as(WRITE).reportDisclosureChange(ReportDisclosureChangeRequest.newBuilder().setParent(operator.getName())
                .setDisclosureChange(change(changedAt)).build());
    }

    private DisclosureChange get(DisclosureChange change) {
        return client.as(READ).getDisclosureChange(GetDisclosureChangeRequest.newBuilder().setName(change.getName()).build());
    }

    @Test
    void theOperatorsThreeWorkingDaysRunAcrossTheSpringFestivalAndItsMakeUpSaturday() {
        clock.set(FRIDAY_BEFORE_SPRING_FESTIVAL);
        RoomOperator operator = fixtures.entity();

        clock.set(REPORT_DEADLINE.minusSeconds(1));
        DisclosureChange inTime = report(operator, FRIDAY_BEFORE_SPRING_FESTIVAL);
        assertEquals(operator.getName() + "/disclosureChanges/1", inTime.getName());
        assertEquals(REPORT_DEADLINE.getEpochSecond(), inTime.getReportDeadline().getSeconds());
        assertFalse(inTime.getReportedLate());

        clock.set(REPORT_DEADLINE);
        DisclosureChange late = report(operator, FRIDAY_BEFORE_SPRING_FESTIVAL);
        assertTrue(late.getReportedLate(), "reported at the deadline instant is late");
        assertEquals(operator.getName() + "/disclosureChanges/2", late.getName());
    }

    @Test
    void thePlatformsSevenWorkingDaysMakeTheChangeOverdueAtTheirEnd() {
        clock.set(FRIDAY_BEFORE_SPRING_FESTIVAL);
        RoomOperator operator = fixtures.entity();
        DisclosureChange pending = report(operator, FRIDAY_BEFORE_SPRING_FESTIVAL);
        assertEquals(VERIFICATION_DEADLINE.getEpochSecond(), pending.getVerificationDeadline().getSeconds());
        assertEquals(DisclosureChange.State.STATE_PENDING_VERIFICATION, pending.getState());

        clock.set(VERIFICATION_DEADLINE.minusSeconds(1));
        assertFalse(get(pending).getVerificationOverdue());
        assertFalse(overdueNames().contains(pending.getName()));
        clock.set(VERIFICATION_DEADLINE);
        assertTrue(get(pending).getVerificationOverdue());
        assertTrue(overdueNames().contains(pending.getName()));

        DisclosureChange verified = client.as(VERIFY).completeDisclosureChange(CompleteDisclosureChangeRequest.newBuilder()
                .setName(pending.getName()).setOutcome(DisclosureChange.State.STATE_VERIFIED).build());
        assertEquals(DisclosureChange.State.STATE_VERIFIED, verified.getState());
        assertEquals("platform-test", verified.getCompletedBy());
        assertTrue(verified.getVerificationOverdue(), "completed after the deadline stays recorded as overdue");
        assertFalse(overdueNames().contains(pending.getName()), "no longer on the to-do list");

        StatusRuntimeException again = assertThrows(StatusRuntimeException.class, () -> client.as(VERIFY).completeDisclosureChange(
                CompleteDisclosureChangeRequest.newBuilder().setName(pending.getName()).setOutcome(DisclosureChange.State.STATE_REJECTED)
                        .setNote("too late").build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, again.getStatus().getCode());
        assertEquals("DISCLOSURE_CHANGE_ALREADY_COMPLETED", errorInfo(again).getReason());
        assertEquals(DisclosureChange.State.STATE_VERIFIED, get(pending).getState());
    }

    @Test
    void aRejectionNeedsAReasonAndCompletionNeedsTheVerifyScope() {
        RoomOperator operator = fixtures.entity();
        DisclosureChange pending = report(operator, TestClock.NOW.minusSeconds(3600));
        StatusRuntimeException noNote = assertThrows(StatusRuntimeException.class, () -> client.as(VERIFY).completeDisclosureChange(
                CompleteDisclosureChangeRequest.newBuilder().setName(pending.getName()).setOutcome(DisclosureChange.State.STATE_REJECTED).build()));
        assertEquals(List.of("note"), badFields(noNote));
        StatusRuntimeException pendingOutcome = assertThrows(StatusRuntimeException.class, () -> client.as(VERIFY).completeDisclosureChange(
                CompleteDisclosureChangeRequest.newBuilder().setName(pending.getName()).setOutcome(DisclosureChange.State.STATE_PENDING_VERIFICATION).build()));
        assertEquals(List.of("outcome"), badFields(pendingOutcome));
        StatusRuntimeException writer = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).completeDisclosureChange(
                CompleteDisclosureChangeRequest.newBuilder().setName(pending.getName()).setOutcome(DisclosureChange.State.STATE_VERIFIED).build()));
        assertEquals(Status.Code.PERMISSION_DENIED, writer.getStatus().getCode());

        DisclosureChange rejected = client.as(VERIFY).completeDisclosureChange(CompleteDisclosureChangeRequest.newBuilder()
                .setName(pending.getName()).setOutcome(DisclosureChange.State.STATE_REJECTED).setNote("lease contract does not match").build());
        assertEquals(DisclosureChange.State.STATE_REJECTED, rejected.getState());
        assertEquals("lease contract does not match", rejected.getCompletionNote());
        assertFalse(rejected.getVerificationOverdue());
    }

    @Test
    void badReportsAreRefusedFieldByFieldAndUnknownNamesAreNotFound() {
        RoomOperator operator = fixtures.entity();
        Map<String, ReportDisclosureChangeRequest.Builder> bad = Map.of(
                "parent", ReportDisclosureChangeRequest.newBuilder().setParent("roomOperators/x").setDisclosureChange(change(TestClock.NOW)),
                "disclosure_change", ReportDisclosureChangeRequest.newBuilder().setParent(operator.getName()),
                "disclosure_change.changed_fields", ReportDisclosureChangeRequest.newBuilder().setParent(operator.getName())
                        .setDisclosureChange(change(TestClock.NOW).clearChangedFields()),
                "disclosure_change.description", ReportDisclosureChangeRequest.newBuilder().setParent(operator.getName())
                        .setDisclosureChange(change(TestClock.NOW).setDescription("")),
                "disclosure_change.change_time", ReportDisclosureChangeRequest.newBuilder().setParent(operator.getName())
                        .setDisclosureChange(change(TestClock.NOW.plusSeconds(86_400))));
        bad.forEach((field, request) -> {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).reportDisclosureChange(request.build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), field);
            assertTrue(badFields(e).contains(field), field + " not among " + badFields(e));
        });
        StatusRuntimeException twice = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).reportDisclosureChange(
                ReportDisclosureChangeRequest.newBuilder().setParent(operator.getName()).setDisclosureChange(change(TestClock.NOW)
                        .addChangedFields(DisclosureChange.Field.FIELD_CONTACT)).build()));
        assertEquals(List.of("disclosure_change.changed_fields"), badFields(twice));
        StatusRuntimeException missing = assertThrows(StatusRuntimeException.class, () -> client.as(READ).getDisclosureChange(
                GetDisclosureChangeRequest.newBuilder().setName(operator.getName() + "/disclosureChanges/99").build()));
        assertEquals(Status.Code.NOT_FOUND, missing.getStatus().getCode());
        StatusRuntimeException malformed = assertThrows(StatusRuntimeException.class, () -> client.as(READ).getDisclosureChange(
                GetDisclosureChangeRequest.newBuilder().setName(operator.getName() + "/disclosureChanges/0").build()));
        assertEquals(List.of("name"), badFields(malformed));
    }

    private List<String> overdueNames() {
        return client.as(READ).listDisclosureChanges(ListDisclosureChangesRequest.newBuilder().setOverdueOnly(true).setPageSize(200).build())
                .getDisclosureChangesList().stream().map(DisclosureChange::getName).toList();
    }
}
