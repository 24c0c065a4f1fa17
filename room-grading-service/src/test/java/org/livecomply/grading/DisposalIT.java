package org.livecomply.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.grading.GradingFixtures.DECIDE;
import static org.livecomply.grading.GradingFixtures.READ;
import static org.livecomply.grading.GradingFixtures.WRITE;
import static org.livecomply.testsupport.StatusDetails.badFields;
import static org.livecomply.testsupport.StatusDetails.errorInfo;
import static org.livecomply.testsupport.StatusDetails.preconditionFailure;

import com.google.protobuf.util.Durations;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.livecomply.api.grading.v1.CreateDisposalRequest;
import org.livecomply.api.grading.v1.Disposal;
import org.livecomply.api.grading.v1.DisposalProposal;
import org.livecomply.api.grading.v1.GetDisposalRequest;
import org.livecomply.api.grading.v1.GetRoomRequest;
import org.livecomply.api.grading.v1.GetViolationRequest;
import org.livecomply.api.grading.v1.ListDisposalsRequest;
import org.livecomply.api.grading.v1.ListViolationsRequest;
import org.livecomply.api.grading.v1.Measure;
import org.livecomply.api.grading.v1.ProposeDisposalRequest;
import org.livecomply.api.grading.v1.ReportLevel;
import org.livecomply.api.grading.v1.Room;
import org.livecomply.api.grading.v1.Severity;
import org.livecomply.api.grading.v1.SubjectIdentity;
import org.livecomply.api.grading.v1.Violation;

/** Proposals, decisions with their Art. 14 notice, expiry, the report queue and the outbox (Arts. 12, 14, 23). */
@MicronautTest(environments = "test")
class DisposalIT extends GradingApiTest {

    static final String ID_NUMBER = "110105199001011232";

    static Disposal.Builder decision(Violation violation, Measure measure) {
        return Disposal.newBuilder().setMeasure(measure).addViolations(violation.getName())
                .setFacts("On 2026-11-28 the host claimed the cream cures eczema (replay 00:12:31).")
                .setReasons("A curative claim for cosmetics misleads consumers about the goods' function.")
                .setLegalBasis("Art. 34; Art. 12 ¶1; platform rule 4.2")
                .setAppealChannel("appeals.platform.example, within 15 days");
    }

    private Disposal decide(Room room, Disposal.Builder disposal) {
        return client.as(DECIDE).createDisposal(CreateDisposalRequest.newBuilder().setParent(room.getName()).setDisposal(disposal).build());
    }

    private Disposal get(Disposal disposal) {
        return client.as(READ).getDisposal(GetDisposalRequest.newBuilder().setName(disposal.getName()).build());
    }

    @Test
    void theTableProposesAndTheOfficersDecisionCarriesTheWholeNotice() throws SQLException {
        Room room = fixtures.room();
        Violation violation = fixtures.violation(room, Severity.SEVERITY_GENERAL, TestClock.NOW.minus(Duration.ofHours(2)));
        DisposalProposal proposal = client.as(DECIDE).proposeDisposal(ProposeDisposalRequest.newBuilder().setViolation(violation.getName()).build());
        assertEquals(Measure.MEASURE_WARNING, proposal.getMeasure());
        assertEquals(2, proposal.getPoints());
        assertEquals("warn", proposal.getRuleId());
        assertEquals("gradingRulesets/1", proposal.getRuleset());

        Disposal warning = decide(room, decision(violation, Measure.MEASURE_WARNING));
        assertEquals(Disposal.State.STATE_ISSUED, warning.getState());
        assertEquals(proposal, warning.getProposal());
        assertEquals(List.of(violation.getName()), warning.getViolationsList());
        assertEquals("Art. 34; Art. 12 ¶1; platform rule 4.2", warning.getLegalBasis());
        assertEquals("appeals.platform.example, within 15 days", warning.getAppealChannel());
        assertEquals(GradingFixtures.instant(warning.getDecideTime()).plus(Duration.ofDays(15)), GradingFixtures.instant(warning.getAppealDeadlineTime()));
        assertEquals(List.of(ReportLevel.REPORT_LEVEL_COUNTY), warning.getReportLevelsList());
        assertEquals("officer-test", warning.getDecidedBy());
        assertEquals(Disposal.IdentityDelivery.IDENTITY_DELIVERY_NOT_NEEDED, warning.getIdentityDelivery());
        assertEquals(warning.getName(), client.as(READ).getViolation(GetViolationRequest.newBuilder().setName(violation.getName()).build()).getDisposal());
        assertEquals(0, client.as(READ).listViolations(ListViolationsRequest.newBuilder().setParent(room.getName()).setUndisposedOnly(true).build())
                .getViolationsCount());
        assertEquals("COUNTY", text("SELECT level FROM disposal_report_queue q JOIN disposals d ON d.seq = q.disposal_seq WHERE d.resource_id = '"
                + warning.getName().substring(warning.getName().lastIndexOf('/') + 1) + "'"));
        assertEquals("", text("SELECT kind FROM outbox_events WHERE source = '" + warning.getName() + "'"), "a warning hands nothing over");
    }

    @Test
    void deviatingFromTheProposalNeedsARecordedReason() {
        Room room = fixtures.room();
        Violation violation = fixtures.violation(room, Severity.SEVERITY_MINOR, TestClock.NOW);
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> decide(room, decision(violation,
                Measure.MEASURE_TRAFFIC_RESTRICTION).setDuration(Durations.fromDays(3))));
        assertEquals(Status.Code.FAILED_PRECONDITION, refused.getStatus().getCode());
        assertEquals("DEVIATION_REASON_REQUIRED", preconditionFailure(refused).getViolations(0).getType());
        assertTrue(preconditionFailure(refused).getViolations(0).getDescription().startsWith("Art. 12 ¶1: the rule table proposes WARNING"));

        Disposal decided = decide(room, decision(violation, Measure.MEASURE_TRAFFIC_RESTRICTION).setDuration(Durations.fromDays(3))
                .setDeviationReason("the claim reached 2 million viewers"));
        assertEquals("the claim reached 2 million viewers", decided.getDeviationReason());
        assertEquals(Measure.MEASURE_WARNING, decided.getProposal().getMeasure());
    }

    @Test
    void aTimedMeasureIsInForceFromItsStartAndEndsByItself() {
        Room room = fixtures.room();
        Violation violation = fixtures.violation(room, Severity.SEVERITY_GRAVE, TestClock.NOW);
        Instant start = TestClock.NOW.plus(Duration.ofHours(1));
        Disposal suspension = decide(room, decision(violation, Measure.MEASURE_STREAMING_SUSPENSION).setDuration(Durations.fromDays(30))
                .setStartTime(GradingFixtures.timestamp(start)).setDeviationReason("first offence: suspension rather than closure"));
        assertEquals(Disposal.State.STATE_SCHEDULED, suspension.getState());
        assertEquals(start.plus(Duration.ofDays(30)), GradingFixtures.instant(suspension.getEndTime()));
        assertEquals(0, client.as(READ).getRoom(GetRoomRequest.newBuilder().setName(room.getName()).build()).getActiveDisposalsCount());

        clock.set(start);
        assertEquals(Disposal.State.STATE_ACTIVE, get(suspension).getState());
        assertEquals(List.of(suspension.getName()), client.as(READ).getRoom(GetRoomRequest.newBuilder().setName(room.getName()).build())
                .getActiveDisposalsList().stream().map(Disposal::getName).toList());
        assertEquals(List.of(suspension.getName()), names(room, Disposal.State.STATE_ACTIVE));

        clock.set(start.plus(Duration.ofDays(30)).minusNanos(1000));
        assertEquals(Disposal.State.STATE_ACTIVE, get(suspension).getState());
        clock.set(start.plus(Duration.ofDays(30)));
        assertEquals(Disposal.State.STATE_EXPIRED, get(suspension).getState(), "measures end by themselves");
        assertEquals(List.of(suspension.getName()), names(room, Disposal.State.STATE_EXPIRED));
        assertEquals(List.of(), names(room, Disposal.State.STATE_ACTIVE));
    }

    private List<String> names(Room room, Disposal.State state) {
        return client.as(READ).listDisposals(ListDisposalsRequest.newBuilder().setParent(room.getName()).setState(state).build())
                .getDisposalsList().stream().map(Disposal::getName).toList();
    }

    @Test
    void aBlacklistGoesToBothLevelsAndToIdentityThroughTheOutboxWithTheIdentityMasked() throws SQLException {
        Room room = fixtures.room();
        Violation violation = fixtures.violation(room, Severity.SEVERITY_GRAVE, TestClock.NOW);
        Disposal blacklist = decide(room, decision(violation, Measure.MEASURE_BLACKLIST).setDuration(Durations.fromDays(365))
                .setSubjectIdentity(SubjectIdentity.newBuilder().setIdentityType(SubjectIdentity.IdentityType.IDENTITY_TYPE_RESIDENT_ID)
                        .setIdentity(ID_NUMBER))
                .setDeviationReason("counterfeit goods sold knowingly"));
        assertEquals(List.of(ReportLevel.REPORT_LEVEL_COUNTY, ReportLevel.REPORT_LEVEL_PROVINCIAL), blacklist.getReportLevelsList());
        assertEquals("1101**********1232", blacklist.getSubjectIdentity().getIdentity());
        assertEquals(Disposal.IdentityDelivery.IDENTITY_DELIVERY_PENDING, blacklist.getIdentityDelivery());
        assertEquals("IDENTITY_BLACKLIST_ENTRY:PENDING", text("SELECT CONCAT(kind, ':', status) FROM outbox_events WHERE source = '"
                + blacklist.getName() + "'"));
        String stored = text("SELECT payload_cipher FROM outbox_events") + text("SELECT CONCAT(identity_cipher, identity_masked) FROM disposals");
        assertFalse(stored.contains(ID_NUMBER), "the ID number is stored encrypted only (PIPL Art. 51)");
    }

    @Test
    void closingTheRoomQueuesTheHandoffOfItsOpenOrdersToConsumerRights() throws SQLException {
        Room room = fixtures.room();
        Violation violation = fixtures.violation(room, GradingFixtures.violationInput(Severity.SEVERITY_GRAVE, TestClock.NOW).setSessionId("s-77"));
        Disposal closure = decide(room, decision(violation, Measure.MEASURE_ACCOUNT_CLOSURE));
        assertEquals("CONSUMER_ORDERS_HANDOFF:PENDING", text("SELECT CONCAT(kind, ':', status) FROM outbox_events WHERE source = '"
                + closure.getName() + "'"), "Art. 23: written with the disposal, in its transaction");
        assertEquals(Disposal.State.STATE_ACTIVE, closure.getState());
        assertFalse(closure.hasEndTime(), "closure has no end");
    }

    @Test
    void badDecisionsAreRefusedFieldByFieldAndStoreNothing() throws SQLException {
        Room room = fixtures.room();
        Room other = fixtures.room();
        Violation violation = fixtures.violation(room, Severity.SEVERITY_MINOR, TestClock.NOW);
        Violation foreign = fixtures.violation(other, Severity.SEVERITY_MINOR, TestClock.NOW);
        Map<String, Disposal.Builder> bad = Map.of(
                "disposal.measure", decision(violation, Measure.MEASURE_UNSPECIFIED),
                "disposal.violations", decision(violation, Measure.MEASURE_WARNING).clearViolations(),
                "disposal.violations[0]", decision(foreign, Measure.MEASURE_WARNING),
                "disposal.facts", decision(violation, Measure.MEASURE_WARNING).setFacts(""),
                "disposal.appeal_channel", decision(violation, Measure.MEASURE_WARNING).setAppealChannel(" x"),
                "disposal.duration", decision(violation, Measure.MEASURE_STREAMING_SUSPENSION),
                "disposal.session_id", decision(violation, Measure.MEASURE_SESSION_SUSPENSION),
                "disposal.subject_identity", decision(violation, Measure.MEASURE_REREGISTRATION_BAN),
                "disposal.subject_identity.identity", decision(violation, Measure.MEASURE_BLACKLIST).setSubjectIdentity(SubjectIdentity.newBuilder()
                        .setIdentityType(SubjectIdentity.IdentityType.IDENTITY_TYPE_USCC).setIdentity("91330106MA2XXXXXXI")),
                "disposal.start_time", decision(violation, Measure.MEASURE_WARNING).setStartTime(GradingFixtures.timestamp(TestClock.NOW.minus(Duration.ofDays(2)))));
        bad.forEach((field, input) -> {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> decide(room, input));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), field);
            assertEquals(List.of(field), badFields(e), field);
        });
        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> decide(room, decision(violation, Measure.MEASURE_WARNING)
                .setViolations(0, room.getName() + "/violations/00000000-0000-4000-8000-000000000000")));
        assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
        assertEquals("VIOLATION_NOT_FOUND", errorInfo(unknown).getReason());
        assertEquals("0", text("SELECT COUNT(*) FROM disposals d JOIN rooms r ON r.seq = d.room_seq WHERE r.resource_id = '"
                + room.getName().substring("rooms/".length()) + "'"));
        StatusRuntimeException writeScope = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).createDisposal(
                CreateDisposalRequest.newBuilder().setParent(room.getName()).setDisposal(decision(violation, Measure.MEASURE_WARNING)).build()));
        assertEquals(Status.Code.PERMISSION_DENIED, writeScope.getStatus().getCode(), "disposals are the compliance officer's own scope");
        assertEquals(DECIDE, errorInfo(writeScope).getMetadataOrThrow("required_scope"));
    }
}
