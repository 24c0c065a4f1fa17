package org.livecomply.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.grading.GradingFixtures.DECIDE;
import static org.livecomply.grading.GradingFixtures.READ;
import static org.livecomply.grading.GradingFixtures.WRITE;
import static org.livecomply.testsupport.StatusDetails.badFields;
import static org.livecomply.testsupport.StatusDetails.preconditionFailure;

import com.google.protobuf.util.Durations;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.livecomply.api.grading.v1.Appeal;
import org.livecomply.api.grading.v1.CreateDisposalRequest;
import org.livecomply.api.grading.v1.DecideAppealRequest;
import org.livecomply.api.grading.v1.Disposal;
import org.livecomply.api.grading.v1.Evidence;
import org.livecomply.api.grading.v1.FileAppealRequest;
import org.livecomply.api.grading.v1.GetAppealRequest;
import org.livecomply.api.grading.v1.GetDisposalRequest;
import org.livecomply.api.grading.v1.ListAppealsRequest;
import org.livecomply.api.grading.v1.Measure;
import org.livecomply.api.grading.v1.Room;
import org.livecomply.api.grading.v1.Severity;
import org.livecomply.api.grading.v1.Violation;

/** Appeals (Art. 14): filed within the window, one pending at a time, reviewed with recorded reasons, result notified. */
@MicronautTest(environments = "test")
class AppealIT extends GradingApiTest {

    private Disposal suspension(Room room) {
        Violation violation = fixtures.violation(room, Severity.SEVERITY_GRAVE, TestClock.NOW);
        return client.as(DECIDE).createDisposal(CreateDisposalRequest.newBuilder().setParent(room.getName())
                .setDisposal(DisposalIT.decision(violation, Measure.MEASURE_STREAMING_SUSPENSION).setDuration(Durations.fromDays(30))
                        .setDeviationReason("first offence")).build());
    }

    private Appeal file(Disposal disposal, String statement) {
        return client.as(WRITE).fileAppeal(FileAppealRequest.newBuilder().setParent(disposal.getName())
                .setAppeal(Appeal.newBuilder().setStatement(statement).addEvidence(Evidence.newBuilder().setArchiveLeafIndex(7))).build());
    }

    private Appeal decide(Appeal appeal, Appeal.State outcome, String reason) {
        return client.as(DECIDE).decideAppeal(DecideAppealRequest.newBuilder().setName(appeal.getName()).setOutcome(outcome)
                .setDecisionReason(reason).build());
    }

    @Test
    void anOverturnedAppealRevokesTheMeasureAndTheResultIsNotified() {
        Room room = fixtures.room();
        Disposal disposal = suspension(room);
        Appeal appeal = file(disposal, "The replay shows the host said 'soothes', not 'cures'.");
        assertEquals(Appeal.State.STATE_PENDING, appeal.getState());
        assertEquals(disposal.getName() + "/appeals/" + appeal.getName().substring(appeal.getName().lastIndexOf('/') + 1), appeal.getName());
        assertEquals(7, appeal.getEvidence(0).getArchiveLeafIndex());
        assertTrue(client.as(READ).listAppeals(ListAppealsRequest.newBuilder().setPendingOnly(true).setPageSize(200).build())
                .getAppealsList().stream().anyMatch(a -> a.getName().equals(appeal.getName())));

        StatusRuntimeException second = assertThrows(StatusRuntimeException.class, () -> file(disposal, "again"));
        assertEquals("APPEAL_ALREADY_PENDING", preconditionFailure(second).getViolations(0).getType());

        clock.advance(Duration.ofDays(2));
        Appeal decided = decide(appeal, Appeal.State.STATE_OVERTURNED, "The replay confirms the wording; no curative claim was made.");
        assertEquals(Appeal.State.STATE_OVERTURNED, decided.getState());
        assertEquals("officer-test", decided.getDecidedBy());
        assertTrue(decided.getResultNotice().contains("revoked"), decided.getResultNotice());
        assertTrue(decided.getResultNotice().contains("no curative claim was made"), decided.getResultNotice());
        assertEquals(decided, client.as(READ).getAppeal(GetAppealRequest.newBuilder().setName(appeal.getName()).build()));

        Disposal revoked = client.as(READ).getDisposal(GetDisposalRequest.newBuilder().setName(disposal.getName()).build());
        assertEquals(Disposal.State.STATE_REVOKED, revoked.getState());
        assertEquals(decided.getDecideTime(), revoked.getRevokeTime());

        StatusRuntimeException twice = assertThrows(StatusRuntimeException.class, () -> decide(appeal, Appeal.State.STATE_UPHELD, "no"));
        assertEquals("APPEAL_ALREADY_DECIDED", preconditionFailure(twice).getViolations(0).getType());
        StatusRuntimeException afterRevoke = assertThrows(StatusRuntimeException.class, () -> file(disposal, "more"));
        assertEquals("DISPOSAL_REVOKED", preconditionFailure(afterRevoke).getViolations(0).getType());
    }

    @Test
    void anUpheldAppealLeavesTheMeasureAndAnotherAppealMayFollowWithinTheWindow() {
        Disposal disposal = suspension(fixtures.room());
        Appeal appeal = file(disposal, "too harsh");
        Appeal upheld = decide(appeal, Appeal.State.STATE_UPHELD, "Counterfeit goods were sold knowingly.");
        assertTrue(upheld.getResultNotice().contains("stands"), upheld.getResultNotice());
        assertEquals(Disposal.State.STATE_ACTIVE, client.as(READ).getDisposal(GetDisposalRequest.newBuilder().setName(disposal.getName()).build())
                .getState());
        assertEquals(Appeal.State.STATE_PENDING, file(disposal, "new evidence: supplier invoices").getState());
    }

    @Test
    void theAppealWindowClosesAtTheDeadlineTheNoticeGave() {
        Disposal disposal = suspension(fixtures.room());
        clock.set(GradingFixtures.instant(disposal.getAppealDeadlineTime()).plusNanos(1000));
        StatusRuntimeException late = assertThrows(StatusRuntimeException.class, () -> file(disposal, "late"));
        assertEquals(Status.Code.FAILED_PRECONDITION, late.getStatus().getCode());
        assertEquals("APPEAL_WINDOW_CLOSED", preconditionFailure(late).getViolations(0).getType());
        assertTrue(preconditionFailure(late).getViolations(0).getDescription().startsWith("Art. 14"));
        clock.set(GradingFixtures.instant(disposal.getAppealDeadlineTime()));
        assertEquals(Appeal.State.STATE_PENDING, file(disposal, "on the last instant").getState());
    }

    @Test
    void badAppealsAndDecisionsAreRefusedFieldByField() {
        Disposal disposal = suspension(fixtures.room());
        StatusRuntimeException empty = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).fileAppeal(FileAppealRequest.newBuilder()
                .setParent("rooms/x").setAppeal(Appeal.newBuilder().setStatement("").addEvidence(Evidence.getDefaultInstance())).build()));
        assertEquals(List.of("parent", "appeal.statement", "appeal.evidence[0]"), badFields(empty));
        Appeal appeal = file(disposal, "statement");
        StatusRuntimeException decision = assertThrows(StatusRuntimeException.class, () -> client.as(DECIDE).decideAppeal(
                DecideAppealRequest.newBuilder().setName(appeal.getName()).setOutcome(Appeal.State.STATE_PENDING).build()));
        assertEquals(List.of("outcome", "decision_reason"), badFields(decision));
        StatusRuntimeException writer = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).decideAppeal(
                DecideAppealRequest.newBuilder().setName(appeal.getName()).setOutcome(Appeal.State.STATE_UPHELD).setDecisionReason("x").build()));
        assertEquals(Status.Code.PERMISSION_DENIED, writer.getStatus().getCode(), "reviews are the compliance officer's own scope");
    }
}
