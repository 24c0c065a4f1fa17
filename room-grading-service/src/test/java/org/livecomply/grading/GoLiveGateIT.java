package org.livecomply.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.grading.GradingFixtures.DECIDE;
import static org.livecomply.grading.GradingFixtures.GATE;
import static org.livecomply.grading.GradingFixtures.READ;
import static org.livecomply.testsupport.StatusDetails.badFields;
import static org.livecomply.testsupport.StatusDetails.errorInfo;

import com.google.protobuf.util.Durations;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.livecomply.api.grading.v1.CheckGoLiveEligibilityRequest;
import org.livecomply.api.grading.v1.CreateDisposalRequest;
import org.livecomply.api.grading.v1.GoLiveDecision;
import org.livecomply.api.grading.v1.GoLiveReason;
import org.livecomply.api.grading.v1.Measure;
import org.livecomply.api.grading.v1.Room;
import org.livecomply.api.grading.v1.Severity;
import org.livecomply.api.grading.v1.Violation;
import org.livecomply.api.identity.v1.BlacklistEntry;
import org.livecomply.api.identity.v1.CreateBlacklistEntryRequest;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.RoomOperator;

/** The go-live gate against the real identity and training services (ARCHITECTURE.md flow 1; Arts. 8, 10, 12, 14, 28). */
@MicronautTest(environments = "test")
class GoLiveGateIT extends GradingApiTest {

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("livecomply.clients.identity.address", RealServices.identity().grpcAddress(),
                "livecomply.clients.training.address", RealServices.training().grpcAddress());
    }

    private GoLiveDecision check(Room room, String session, String... marketers) {
        return client.as(GATE).checkGoLiveEligibility(CheckGoLiveEligibilityRequest.newBuilder().setRoom(room.getName()).setSessionId(session)
                .addAllMarketers(List.of(marketers)).build());
    }

    private static List<String> codes(GoLiveDecision decision) {
        return decision.getReasonsList().stream().map(GoLiveReason::getCode).toList();
    }

    private Room roomOf(RoomOperator operator) {
        return fixtures.room(GradingFixtures.roomInput().setRoomOperator(operator.getName()));
    }

    @Test
    void aVerifiedOperatorWithARosterOfVerifiedTrainedAdultsMayGoLive() {
        RoomOperator operator = RealServices.verifiedOperator();
        Marketer host = RealServices.marketer(LocalDate.of(1990, 3, 3), true);
        RealServices.trained(host);
        RealServices.roster(operator, "s-ok", host.getName());
        Room room = roomOf(operator);

        GoLiveDecision decision = check(room, "s-ok", host.getName());
        assertEquals(GoLiveDecision.Outcome.OUTCOME_ALLOWED, decision.getOutcome(), decision.toString());
        assertEquals(List.of(), decision.getReasonsList());
        assertEquals(room.getName(), decision.getRoom());
        assertEquals("s-ok", decision.getSessionId());
    }

    @Test
    void everyFailingCheckIsReportedWithItsArticle() {
        RoomOperator operator = RealServices.verifiedOperator();
        Marketer trained = RealServices.marketer(LocalDate.of(1991, 4, 4), true);
        RealServices.trained(trained);
        Marketer untrained = RealServices.marketer(LocalDate.of(1992, 5, 5), true);
        Marketer unverified = RealServices.marketer(LocalDate.of(1993, 6, 6), false);
        RealServices.roster(operator, "s-all", trained.getName(), untrained.getName());
        Room room = roomOf(operator);

        GoLiveDecision decision = check(room, "s-all", trained.getName(), untrained.getName(), unverified.getName(),
                "marketers/00000000-0000-4000-8000-00000000000f");
        assertEquals(GoLiveDecision.Outcome.OUTCOME_DENIED, decision.getOutcome());
        assertEquals(List.of("PRE_SERVICE_TRAINING_MISSING", "ANNUAL_TRAINING_MISSING",
                "MARKETER_NOT_ON_ROSTER", "MARKETER_NOT_VERIFIED", "PRE_SERVICE_TRAINING_MISSING", "ANNUAL_TRAINING_MISSING",
                "MARKETER_NOT_ON_ROSTER", "MARKETER_NOT_REGISTERED", "PRE_SERVICE_TRAINING_MISSING", "ANNUAL_TRAINING_MISSING"), codes(decision));
        assertEquals(untrained.getName(), decision.getReasons(0).getSubject());
        assertEquals("Art. 10 ¶1", decision.getReasons(0).getArticle());
        assertEquals("Art. 28", decision.getReasons(2).getArticle());

        GoLiveDecision noRoster = check(room, "s-none", trained.getName());
        assertEquals(List.of("SESSION_ROSTER_NOT_FOUND"), codes(noRoster));
        Room unknownOperator = fixtures.room();
        assertEquals(List.of("ROOM_OPERATOR_NOT_REGISTERED", "SESSION_ROSTER_NOT_FOUND"), codes(check(unknownOperator, "s-all", trained.getName())));
    }

    @Test
    void aSixteenYearOldNeedsAGuardiansConsent() {
        RoomOperator operator = RealServices.verifiedOperator();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Marketer minor = RealServices.marketer(today.minusYears(16).minusDays(10), true);
        RealServices.trained(minor);
        Room room = roomOf(operator);
        // identity refuses the roster of a minor without consent, so the gate finds no roster and the missing consent.
        GoLiveDecision decision = check(room, "s-minor", minor.getName());
        assertEquals(List.of("SESSION_ROSTER_NOT_FOUND", "MARKETER_GUARDIAN_CONSENT_MISSING"), codes(decision));
        assertEquals("MPL Art. 76", decision.getReasons(1).getArticle());
    }

    @Test
    void measuresInForceKeepTheRoomSessionAndBlacklistedMarketersOffTheAir() {
        RoomOperator operator = RealServices.verifiedOperator();
        Marketer host = RealServices.marketer(LocalDate.of(1989, 2, 2), true);
        RealServices.trained(host);
        RealServices.roster(operator, "s-measures", host.getName());
        Room room = roomOf(operator);
        Violation violation = fixtures.violation(room, GradingFixtures.violationInput(Severity.SEVERITY_SERIOUS, TestClock.NOW).setSessionId("s-measures")
                .setMarketer(host.getName()));
        assertEquals(GoLiveDecision.Outcome.OUTCOME_ALLOWED, check(room, "s-measures", host.getName()).getOutcome());

        dispose(room, DisposalIT.decision(violation, Measure.MEASURE_SESSION_SUSPENSION).setSessionId("s-measures"));
        assertEquals(List.of("SESSION_SUSPENDED"), codes(check(room, "s-measures", host.getName())));

        dispose(room, DisposalIT.decision(violation, Measure.MEASURE_BLACKLIST).setMarketer(host.getName())
                .setSubjectIdentity(org.livecomply.api.grading.v1.SubjectIdentity.newBuilder()
                        .setIdentityType(org.livecomply.api.grading.v1.SubjectIdentity.IdentityType.IDENTITY_TYPE_RESIDENT_ID)
                        .setIdentity(RealServices.freshIdNumber(LocalDate.of(1989, 2, 2))))
                .setDeviationReason("repeat offender"));
        assertEquals(List.of("SESSION_SUSPENDED", "MARKETER_BLACKLISTED"), codes(check(room, "s-measures", host.getName())));

        dispose(room, DisposalIT.decision(violation, Measure.MEASURE_STREAMING_SUSPENSION).setDuration(Durations.fromDays(7))
                .setDeviationReason("repeat offender"));
        GoLiveDecision decision = check(room, "s-measures", host.getName());
        assertEquals(List.of("SESSION_SUSPENDED", "ROOM_STREAMING_SUSPENDED", "MARKETER_BLACKLISTED"), codes(decision), "in order of decision");
        assertEquals("Art. 12 ¶1", decision.getReasons(1).getArticle());
        assertEquals("Art. 14", decision.getReasons(2).getArticle());
        assertTrue(decision.getReasons(1).getSubject().startsWith(room.getName() + "/disposals/"));
    }

    @Test
    void anOperatorBannedThroughAnotherRoomIsDeniedAndAMeasureThatEndedNoLongerCounts() {
        RoomOperator operator = RealServices.verifiedOperator();
        Marketer host = RealServices.marketer(LocalDate.of(1990, 3, 3), true);
        RealServices.trained(host);
        RealServices.roster(operator, "s-other-room", host.getName());
        Room room = roomOf(operator);
        Room other = roomOf(operator);
        Room stranger = fixtures.room();
        Violation here = fixtures.violation(room, GradingFixtures.violationInput(Severity.SEVERITY_SERIOUS, TestClock.NOW));
        dispose(room, DisposalIT.decision(here, Measure.MEASURE_STREAMING_SUSPENSION).setDuration(Durations.fromDays(7))
                .setDeviationReason("repeat offender"));
        assertEquals(List.of("ROOM_STREAMING_SUSPENDED"), codes(check(room, "s-other-room", host.getName())));
        clock.advance(java.time.Duration.ofDays(7).minusNanos(1000));
        assertEquals(List.of("ROOM_STREAMING_SUSPENDED"), codes(check(room, "s-other-room", host.getName())), "a microsecond before its end");
        clock.advance(java.time.Duration.ofNanos(1000));
        assertEquals(GoLiveDecision.Outcome.OUTCOME_ALLOWED, check(room, "s-other-room", host.getName()).getOutcome(), "ended at its end time");

        blacklistOperatorOf(stranger);
        assertEquals(GoLiveDecision.Outcome.OUTCOME_ALLOWED, check(room, "s-other-room", host.getName()).getOutcome(),
                "another operator's blacklisting does not count");

        blacklistOperatorOf(other);
        GoLiveDecision denied = check(room, "s-other-room", host.getName());
        assertEquals(List.of("ROOM_OPERATOR_BLACKLISTED"), codes(denied), "blacklisted through its other room");
        assertTrue(denied.getReasons(0).getSubject().startsWith(other.getName() + "/disposals/"), denied.getReasons(0).getSubject());
    }

    @Test
    void aBlacklistEntryIdentityHoldsFromElsewhereDenies() {
        RoomOperator operator = RealServices.verifiedOperator();
        String idNumber = RealServices.freshIdNumber(LocalDate.of(1987, 7, 7));
        Marketer host = RealServices.marketer(idNumber, true);
        RealServices.trained(host);
        RealServices.roster(operator, "s-listed", host.getName());
        Room room = roomOf(operator);
        assertEquals(GoLiveDecision.Outcome.OUTCOME_ALLOWED, check(room, "s-listed", host.getName()).getOutcome());

        RealServices.identityAs("identity.blacklist.write").createBlacklistEntry(CreateBlacklistEntryRequest.newBuilder().setBlacklistEntry(
                BlacklistEntry.newBuilder().setIdentityType(BlacklistEntry.IdentityType.IDENTITY_TYPE_RESIDENT_ID).setIdentity(idNumber)
                        .setReason("Blacklisted by another room's disposal").setLegalBasis("Art. 14").setAppealChannel("appeals@platform.example")
                        .setStartTime(GradingFixtures.timestamp(java.time.Instant.now().minusSeconds(5)))).build());
        GoLiveDecision listed = check(room, "s-listed", host.getName());
        assertEquals(List.of("MARKETER_BLACKLISTED"), codes(listed));
        assertEquals(host.getName(), listed.getReasons(0).getSubject());
        assertEquals("Art. 14", listed.getReasons(0).getArticle());
    }

    /** Blacklists the room's operator (a grave violation of that room). */
    private void blacklistOperatorOf(Room room) {
        Violation violation = fixtures.violation(room, GradingFixtures.violationInput(Severity.SEVERITY_GRAVE, clock.instant()));
        dispose(room, DisposalIT.decision(violation, Measure.MEASURE_BLACKLIST).setDeviationReason("counterfeit goods")
                .setSubjectIdentity(org.livecomply.api.grading.v1.SubjectIdentity.newBuilder()
                        .setIdentityType(org.livecomply.api.grading.v1.SubjectIdentity.IdentityType.IDENTITY_TYPE_USCC).setIdentity(RealServices.freshUscc())));
    }

    private void dispose(Room room, org.livecomply.api.grading.v1.Disposal.Builder disposal) {
        client.as(DECIDE).createDisposal(CreateDisposalRequest.newBuilder().setParent(room.getName()).setDisposal(disposal.setDeviationReason(
                disposal.getDeviationReason().isEmpty() ? "test" : disposal.getDeviationReason())).build());
    }

    @Test
    void badRequestsAreRefusedFieldByFieldAndOnlyTheGateScopeMayAsk() {
        StatusRuntimeException bad = assertThrows(StatusRuntimeException.class, () -> client.as(GATE).checkGoLiveEligibility(
                CheckGoLiveEligibilityRequest.newBuilder().setRoom("room/1").setSessionId("s 1").addMarketers("marketers/x")
                        .addMarketers("marketers/00000000-0000-4000-8000-00000000000f").addMarketers("marketers/00000000-0000-4000-8000-00000000000f")
                        .build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, bad.getStatus().getCode());
        assertEquals(List.of("room", "session_id", "marketers[0]", "marketers[2]"), badFields(bad));
        StatusRuntimeException empty = assertThrows(StatusRuntimeException.class, () -> client.as(GATE).checkGoLiveEligibility(
                CheckGoLiveEligibilityRequest.newBuilder().setRoom("rooms/00000000-0000-4000-8000-00000000000f").setSessionId("s").build()));
        assertEquals(List.of("marketers"), badFields(empty));
        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> client.as(GATE).checkGoLiveEligibility(
                CheckGoLiveEligibilityRequest.newBuilder().setRoom("rooms/00000000-0000-4000-8000-00000000000f").setSessionId("s")
                        .addMarketers("marketers/00000000-0000-4000-8000-00000000000f").build()));
        assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
        assertEquals("ROOM_NOT_FOUND", errorInfo(unknown).getReason());
        StatusRuntimeException reader = assertThrows(StatusRuntimeException.class, () -> client.as(READ).checkGoLiveEligibility(
                CheckGoLiveEligibilityRequest.getDefaultInstance()));
        assertEquals(Status.Code.PERMISSION_DENIED, reader.getStatus().getCode());
        assertEquals(GATE, errorInfo(reader).getMetadataOrThrow("required_scope"));
    }
}
