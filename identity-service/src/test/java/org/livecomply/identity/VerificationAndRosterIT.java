package org.livecomply.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.identity.IdentityFixtures.READ;
import static org.livecomply.identity.IdentityFixtures.VERIFY;
import static org.livecomply.identity.IdentityFixtures.WRITE;
import static org.livecomply.testsupport.StatusDetails.badFields;
import static org.livecomply.testsupport.StatusDetails.errorInfo;
import static org.livecomply.testsupport.StatusDetails.preconditionFailure;

import com.google.rpc.PreconditionFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.livecomply.api.identity.v1.GetRoomOperatorRequest;
import org.livecomply.api.identity.v1.GetSessionRosterRequest;
import org.livecomply.api.identity.v1.ListRoomOperatorsRequest;
import org.livecomply.api.identity.v1.ListVerificationsRequest;
import org.livecomply.api.identity.v1.ListVerificationsResponse;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.RecordGuardianConsentRequest;
import org.livecomply.api.identity.v1.RecordVerificationRequest;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.api.identity.v1.SessionRoster;
import org.livecomply.api.identity.v1.SubmitSessionRosterRequest;
import org.livecomply.api.identity.v1.Verification;

/** Verification states over time (Art. 8 ¶1, ¶3) and session rosters (Art. 28), with the clock moved across deadlines. */
@MicronautTest(environments = "test")
class VerificationAndRosterIT extends IdentityApiTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Duration REMINDER_LEAD = Duration.ofDays(30);

    private RoomOperator operator(String name) {
        return client.as(READ).getRoomOperator(GetRoomOperatorRequest.newBuilder().setName(name).build());
    }

    @Test
    void aPassedCheckVerifiesTheOperatorUntilSixMonthsLaterWithADueWindowBefore() {
        RoomOperator created = fixtures.entity();
        Instant verifiedAt = TestClock.NOW.minusSeconds(600);
        Verification check = fixtures.verify(created.getName(), true, verifiedAt);

        assertEquals(created.getName() + "/verifications/1", check.getName());
        assertEquals("platform-test", check.getRecordedBy());
        Instant due = verifiedAt.atZone(CHINA).plusMonths(6).toInstant();
        RoomOperator verified = operator(created.getName());
        assertEquals(RoomOperator.State.STATE_VERIFIED, verified.getState());
        assertEquals(due.getEpochSecond(), verified.getReverificationDueTime().getSeconds());

        clock.set(due.minus(REMINDER_LEAD).minusSeconds(1));
        assertEquals(RoomOperator.State.STATE_VERIFIED, operator(created.getName()).getState());
        clock.set(due.minus(REMINDER_LEAD));
        assertEquals(RoomOperator.State.STATE_REVERIFICATION_DUE, operator(created.getName()).getState());
        clock.set(due.minus(Duration.ofDays(1)));
        assertEquals(RoomOperator.State.STATE_REVERIFICATION_DUE, operator(created.getName()).getState());
        assertTrue(listed(RoomOperator.State.STATE_REVERIFICATION_DUE).contains(created.getName()));
        clock.set(due);
        assertEquals(RoomOperator.State.STATE_REVERIFICATION_DUE, operator(created.getName()).getState(), "the deadline day itself is still in time");
        clock.set(due.plus(Duration.ofDays(1)));
        assertEquals(RoomOperator.State.STATE_REVERIFICATION_OVERDUE, operator(created.getName()).getState());
        assertTrue(listed(RoomOperator.State.STATE_REVERIFICATION_OVERDUE).contains(created.getName()));
        assertTrue(!listed(RoomOperator.State.STATE_VERIFIED).contains(created.getName()));

        Instant reverifiedAt = clock.instant().minusSeconds(5);
        fixtures.verify(created.getName(), true, reverifiedAt);
        RoomOperator renewed = operator(created.getName());
        assertEquals(RoomOperator.State.STATE_VERIFIED, renewed.getState());
        assertEquals(reverifiedAt.atZone(CHINA).plusMonths(6).toInstant().getEpochSecond(), renewed.getReverificationDueTime().getSeconds());
    }

    private List<String> listed(RoomOperator.State state) {
        return client.as(READ).listRoomOperators(ListRoomOperatorsRequest.newBuilder().setState(state).setPageSize(200).build())
                .getRoomOperatorsList().stream().map(RoomOperator::getName).toList();
    }

    @Test
    void aFailedCheckRefusesTheSubjectAndALateRecordedOlderCheckChangesNothing() {
        RoomOperator created = fixtures.entity();
        fixtures.verify(created.getName(), true, TestClock.NOW.minusSeconds(3600));
        fixtures.verify(created.getName(), false, TestClock.NOW.minusSeconds(60));
        assertEquals(RoomOperator.State.STATE_VERIFICATION_FAILED, operator(created.getName()).getState());

        fixtures.verify(created.getName(), true, TestClock.NOW.minusSeconds(7200));
        assertEquals(RoomOperator.State.STATE_VERIFICATION_FAILED, operator(created.getName()).getState(),
                "a check older than the latest is history, not the current state");

        ListVerificationsResponse history = client.as(READ).listVerifications(ListVerificationsRequest.newBuilder()
                .setParent(created.getName()).setPageSize(2).build());
        assertEquals(List.of(3, 2), history.getVerificationsList().stream().map(v -> number(v.getName())).toList(), "newest first");
        ListVerificationsResponse rest = client.as(READ).listVerifications(ListVerificationsRequest.newBuilder()
                .setParent(created.getName()).setPageSize(2).setPageToken(history.getNextPageToken()).build());
        assertEquals(List.of(1), rest.getVerificationsList().stream().map(v -> number(v.getName())).toList());
        assertEquals(Verification.Result.RESULT_PASSED, rest.getVerifications(0).getResult());
    }

    private static int number(String name) {
        return Integer.parseInt(name.substring(name.lastIndexOf('/') + 1));
    }

    @Test
    void verificationInputIsCheckedAndNeedsTheVerifyScope() {
        RoomOperator created = fixtures.entity();
        Map<String, Verification.Builder> bad = Map.of(
                "verification.method", IdentityFixtures.check(true, TestClock.NOW).setMethod(Verification.Method.METHOD_UNSPECIFIED),
                "verification.provider", IdentityFixtures.check(true, TestClock.NOW).setProvider(""),
                "verification.provider_reference", IdentityFixtures.check(true, TestClock.NOW).setProviderReference("r".repeat(129)),
                "verification.result", IdentityFixtures.check(true, TestClock.NOW).setResult(Verification.Result.RESULT_UNSPECIFIED),
                "verification.verify_time", IdentityFixtures.check(true, TestClock.NOW.plus(Duration.ofHours(1))),
                "verification.note", IdentityFixtures.check(true, TestClock.NOW).setNote("n".repeat(501)));
        bad.forEach((field, check) -> {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.as(VERIFY).recordVerification(
                    RecordVerificationRequest.newBuilder().setParent(created.getName()).setVerification(check).build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), field);
            assertTrue(badFields(e).contains(field), field + " not among " + badFields(e));
        });
        StatusRuntimeException stale = assertThrows(StatusRuntimeException.class, () -> fixtures.verify(created.getName(), true,
                TestClock.NOW.minus(Duration.ofDays(31))));
        assertEquals(List.of("verification.verify_time"), badFields(stale));
        StatusRuntimeException badParent = assertThrows(StatusRuntimeException.class, () -> fixtures.verify("rooms/x", true, TestClock.NOW));
        assertEquals(List.of("parent"), badFields(badParent));
        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class,
                () -> fixtures.verify("marketers/00000000-0000-4000-8000-000000000000", true, TestClock.NOW));
        assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
        StatusRuntimeException writeOnly = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).recordVerification(
                RecordVerificationRequest.newBuilder().setParent(created.getName()).setVerification(IdentityFixtures.check(true, TestClock.NOW)).build()));
        assertEquals(Status.Code.PERMISSION_DENIED, writeOnly.getStatus().getCode());
        assertEquals(RoomOperator.State.STATE_PENDING_VERIFICATION, operator(created.getName()).getState());
    }

    @Test
    void aRosterOfVerifiedPeopleIsAcceptedKeptThreeYearsAndReadable() {
        RoomOperator operator = fixtures.entity();
        fixtures.verify(operator.getName(), true, TestClock.NOW);
        Marketer host = fixtures.marketer(LocalDate.of(1992, 2, 2));
        fixtures.verify(host.getName(), true, TestClock.NOW);

        SessionRoster roster = client.as(WRITE).submitSessionRoster(SubmitSessionRosterRequest.newBuilder()
                .setRoomOperator(operator.getName()).setSessionId("s-2026-11-29-evening").addMarketers(host.getName()).build());
        assertEquals(operator.getName() + "/sessionRosters/s-2026-11-29-evening", roster.getName());
        assertEquals(List.of(host.getName()), roster.getMarketersList());
        assertEquals(TestClock.NOW.atZone(CHINA).plusYears(3).toInstant().getEpochSecond(), roster.getRetainUntilTime().getSeconds());
        assertEquals(roster, client.as(READ).getSessionRoster(GetSessionRosterRequest.newBuilder().setName(roster.getName()).build()));

        StatusRuntimeException none = assertThrows(StatusRuntimeException.class, () -> client.as(READ).getSessionRoster(
                GetSessionRosterRequest.newBuilder().setName(operator.getName() + "/sessionRosters/other").build()));
        assertEquals(Status.Code.NOT_FOUND, none.getStatus().getCode());
        StatusRuntimeException twice = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).submitSessionRoster(
                SubmitSessionRosterRequest.newBuilder().setRoomOperator(operator.getName()).setSessionId("s-2026-11-29-evening")
                        .addMarketers(host.getName()).build()));
        assertEquals("SESSION_ROSTER_ALREADY_SUBMITTED", errorInfo(twice).getReason());
    }

    @Test
    void aRosterIsRefusedWithEveryReasonOfEveryMarketer() {
        RoomOperator operator = fixtures.entity();
        Marketer unverified = fixtures.marketer(LocalDate.of(1990, 1, 1));
        Marketer stale = fixtures.marketer(LocalDate.of(1991, 1, 1));
        fixtures.verify(stale.getName(), true, TestClock.NOW);
        Marketer minor = fixtures.marketer(LocalDate.of(2009, 1, 1));
        fixtures.verify(minor.getName(), true, TestClock.NOW);
        String unregistered = "marketers/00000000-0000-4000-8000-000000000001";

        clock.advance(Duration.ofDays(31));
        fixtures.verify(minor.getName(), true, clock.instant());
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).submitSessionRoster(
                SubmitSessionRosterRequest.newBuilder().setRoomOperator(operator.getName()).setSessionId("s1")
                        .addMarketers(unverified.getName()).addMarketers(stale.getName()).addMarketers(minor.getName())
                        .addMarketers(unregistered).build()));

        assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
        Set<String> reasons = preconditionFailure(e).getViolationsList().stream()
                .map(v -> v.getType() + "@" + v.getSubject()).collect(Collectors.toSet());
        assertEquals(Set.of(
                "ROOM_OPERATOR_NOT_VERIFIED@" + operator.getName(),
                "MARKETER_NOT_VERIFIED@" + unverified.getName(),
                "MARKETER_VERIFICATION_STALE@" + stale.getName(),
                "MARKETER_GUARDIAN_CONSENT_MISSING@" + minor.getName(),
                "MARKETER_NOT_REGISTERED@" + unregistered), reasons);
        assertTrue(preconditionFailure(e).getViolationsList().stream().map(PreconditionFailure.Violation::getDescription)
                .anyMatch(d -> d.startsWith("Art. 8 ¶3")));
        StatusRuntimeException none = assertThrows(StatusRuntimeException.class, () -> client.as(READ).getSessionRoster(
                GetSessionRosterRequest.newBuilder().setName(operator.getName() + "/sessionRosters/s1").build()));
        assertEquals(Status.Code.NOT_FOUND, none.getStatus().getCode(), "a refused roster is not stored");
    }

    @Test
    void aSeventeenYearOldNeedsConsentUntilTheEighteenthBirthdayWithoutAnyDataEdited() {
        RoomOperator operator = fixtures.entity();
        fixtures.verify(operator.getName(), true, TestClock.NOW);
        Marketer seventeen = fixtures.marketer(LocalDate.of(2008, 12, 1));
        fixtures.verify(seventeen.getName(), true, TestClock.NOW);

        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> roster(operator, "before-birthday", seventeen));
        assertEquals("MARKETER_GUARDIAN_CONSENT_MISSING", preconditionFailure(refused).getViolations(0).getType());

        clock.set(LocalDate.of(2008, 12, 1).plusYears(18).atStartOfDay(CHINA).toInstant().minusSeconds(1));
        assertThrows(StatusRuntimeException.class, () -> roster(operator, "eve-of-birthday", seventeen));
        clock.set(LocalDate.of(2008, 12, 1).plusYears(18).atStartOfDay(CHINA).toInstant());
        assertEquals(List.of(seventeen.getName()), roster(operator, "birthday", seventeen).getMarketersList());
    }

    @Test
    void aConsentLetsASixteenYearOldAppear() {
        RoomOperator operator = fixtures.entity();
        fixtures.verify(operator.getName(), true, TestClock.NOW);
        Marketer minor = fixtures.marketer(LocalDate.of(2010, 1, 15));
        fixtures.verify(minor.getName(), true, TestClock.NOW);
        client.as(WRITE).recordGuardianConsent(RecordGuardianConsentRequest.newBuilder().setMarketer(minor.getName())
                .setGuardianConsent(org.livecomply.api.identity.v1.GuardianConsent.newBuilder().setGuardianName("赵六")
                        .setGuardianIdNumber(RoomOperators.freshIdNumber(LocalDate.of(1978, 8, 8))).setRelationship("母亲")
                        .setConsentDocumentSha256("a".repeat(64)).setConsentTime(IdentityFixtures.timestamp(TestClock.NOW))).build());
        assertEquals(List.of(minor.getName()), roster(operator, "with-consent", minor).getMarketersList());
    }

    @Test
    void anOverdueOperatorMayNotSubmitARoster() {
        RoomOperator operator = fixtures.entity();
        fixtures.verify(operator.getName(), true, TestClock.NOW);
        clock.set(TestClock.NOW.atZone(CHINA).plusMonths(6).plusDays(1).toInstant());
        Marketer host = fixtures.marketer(LocalDate.of(1993, 3, 3));
        fixtures.verify(host.getName(), true, clock.instant());
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> roster(operator, "late", host));
        assertEquals("REVERIFICATION_OVERDUE", errorInfo(e).getReason());
        assertTrue(preconditionFailure(e).getViolations(0).getDescription().startsWith("Art. 8 ¶1"));
    }

    @Test
    void rosterInputIsCheckedFieldByField() {
        RoomOperator operator = fixtures.entity();
        Map<String, SubmitSessionRosterRequest.Builder> bad = Map.of(
                "room_operator", SubmitSessionRosterRequest.newBuilder().setSessionId("s").addMarketers("marketers/00000000-0000-4000-8000-000000000000"),
                "session_id", SubmitSessionRosterRequest.newBuilder().setRoomOperator(operator.getName()).setSessionId("has space")
                        .addMarketers("marketers/00000000-0000-4000-8000-000000000000"),
                "marketers", SubmitSessionRosterRequest.newBuilder().setRoomOperator(operator.getName()).setSessionId("s"),
                "marketers[1]", SubmitSessionRosterRequest.newBuilder().setRoomOperator(operator.getName()).setSessionId("s")
                        .addMarketers("marketers/00000000-0000-4000-8000-000000000000").addMarketers("marketers/00000000-0000-4000-8000-000000000000"),
                "marketers[0]", SubmitSessionRosterRequest.newBuilder().setRoomOperator(operator.getName()).setSessionId("s").addMarketers("bob"));
        bad.forEach((field, request) -> {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).submitSessionRoster(request.build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), field);
            assertTrue(badFields(e).contains(field), field + " not among " + badFields(e));
        });
        StatusRuntimeException badName = assertThrows(StatusRuntimeException.class, () -> client.as(READ).getSessionRoster(
                GetSessionRosterRequest.newBuilder().setName(operator.getName() + "/rosters/s").build()));
        assertEquals(List.of("name"), badFields(badName));
    }

    private SessionRoster roster(RoomOperator operator, String session, Marketer... marketers) {
        SubmitSessionRosterRequest.Builder request = SubmitSessionRosterRequest.newBuilder().setRoomOperator(operator.getName()).setSessionId(session);
        for (Marketer marketer : marketers) {
            request.addMarketers(marketer.getName());
        }
        return client.as(WRITE).submitSessionRoster(request.build());
    }

    @Test
    void theRulesInForceArePublished() {
        org.livecomply.api.identity.v1.IdentityRules rules = client.as(READ).getIdentityRules(
                org.livecomply.api.identity.v1.GetIdentityRulesRequest.getDefaultInstance());
        assertEquals(6, rules.getReverificationPeriodMonths());
        assertEquals(Duration.ofDays(30).getSeconds(), rules.getReverificationReminderLead().getSeconds());
        assertEquals(Duration.ofDays(30).getSeconds(), rules.getMarketerVerificationValidity().getSeconds());
        assertEquals(16, rules.getMinimumAge());
        assertEquals(18, rules.getGuardianConsentUntilAge());
        assertEquals(List.of(3, 7, 5, 3), List.of(rules.getDisclosureReportWorkingDays(), rules.getDisclosureVerifyWorkingDays(),
                rules.getUnreachableReminderWorkingDays(), rules.getRosterRetentionYears()));
    }
}
