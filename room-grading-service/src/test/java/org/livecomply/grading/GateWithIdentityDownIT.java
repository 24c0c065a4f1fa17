package org.livecomply.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.livecomply.api.grading.v1.CheckGoLiveEligibilityRequest;
import org.livecomply.api.grading.v1.CreateDisposalRequest;
import org.livecomply.api.grading.v1.Disposal;
import org.livecomply.api.grading.v1.GetDisposalRequest;
import org.livecomply.api.grading.v1.GoLiveDecision;
import org.livecomply.api.grading.v1.GoLiveReason;
import org.livecomply.api.grading.v1.Measure;
import org.livecomply.api.grading.v1.Room;
import org.livecomply.api.grading.v1.Severity;
import org.livecomply.api.grading.v1.SubjectIdentity;
import org.livecomply.api.grading.v1.Violation;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.grading.jobs.OutboxDeliveryJob;

/** With identity unreachable the gate denies, and blacklist entries wait in the outbox to be retried. */
@MicronautTest(environments = "test", transactional = false)
class GateWithIdentityDownIT extends GradingApiTest {

    @Inject
    OutboxDeliveryJob outbox;

    @Override
    protected Map<String, String> moreProperties() {
        // Nothing listens on port 1.
        return Map.of("livecomply.clients.identity.address", "127.0.0.1:1",
                "livecomply.clients.training.address", RealServices.training().grpcAddress());
    }

    @Test
    void anUnreachableIdentityServiceDeniesWithDependencyUnavailableWhileTrainingIsStillAsked() {
        Marketer untrained = RealServices.marketer(LocalDate.of(1986, 6, 6), true);
        Room room = fixtures.room();
        GoLiveDecision decision = client.as(GradingFixtures.GATE).checkGoLiveEligibility(CheckGoLiveEligibilityRequest.newBuilder()
                .setRoom(room.getName()).setSessionId("s-1").addMarketers(untrained.getName()).build());
        assertEquals(GoLiveDecision.Outcome.OUTCOME_DENIED, decision.getOutcome());
        assertEquals(List.of("DEPENDENCY_UNAVAILABLE", "PRE_SERVICE_TRAINING_MISSING", "ANNUAL_TRAINING_MISSING"),
                decision.getReasonsList().stream().map(GoLiveReason::getCode).toList());
        assertEquals("identity", decision.getReasons(0).getSubject());
    }

    @Test
    void aBlacklistEntryWaitsInTheOutboxAndIsRetriedLater() throws SQLException {
        Room room = fixtures.room();
        Violation violation = fixtures.violation(room, Severity.SEVERITY_GRAVE, TestClock.NOW);
        Disposal blacklist = client.as(GradingFixtures.DECIDE).createDisposal(CreateDisposalRequest.newBuilder().setParent(room.getName())
                .setDisposal(DisposalIT.decision(violation, Measure.MEASURE_BLACKLIST).setDeviationReason("counterfeit goods")
                        .setSubjectIdentity(SubjectIdentity.newBuilder().setIdentityType(SubjectIdentity.IdentityType.IDENTITY_TYPE_USCC)
                                .setIdentity(RealServices.freshUscc()))).build());

        assertEquals(0, outbox.deliverDue());
        assertEquals("PENDING:1", text("SELECT CONCAT(status, ':', attempts) FROM outbox_events WHERE source = '" + blacklist.getName() + "'"));
        assertTrue(text("SELECT last_error FROM outbox_events WHERE source = '" + blacklist.getName() + "'").contains("UNAVAILABLE"));
        assertEquals(0, outbox.deliverDue(), "not due again before its backoff");
        clock.advance(java.time.Duration.ofSeconds(5));
        assertEquals(0, outbox.deliverDue());
        assertEquals("PENDING:2", text("SELECT CONCAT(status, ':', attempts) FROM outbox_events WHERE source = '" + blacklist.getName() + "'"));
        assertEquals(Disposal.IdentityDelivery.IDENTITY_DELIVERY_PENDING, client.as(GradingFixtures.READ).getDisposal(
                GetDisposalRequest.newBuilder().setName(blacklist.getName()).build()).getIdentityDelivery());
    }
}
