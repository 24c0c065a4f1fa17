package org.livecomply.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.livecomply.api.grading.v1.CheckGoLiveEligibilityRequest;
import org.livecomply.api.grading.v1.GoLiveDecision;
import org.livecomply.api.grading.v1.GoLiveReason;
import org.livecomply.api.grading.v1.Room;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.RoomOperator;

/** The gate fails closed when training hangs: only its deadline ends the wait, and the answer is DENIED. */
@MicronautTest(environments = "test")
class GateWithTrainingDownIT extends GradingApiTest {

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("livecomply.clients.identity.address", RealServices.identity().grpcAddress(),
                "livecomply.clients.training.address", SilentServer.address(),
                "livecomply.grading.gate-deadline", "300ms");
    }

    @Test
    void aHangingTrainingServiceDeniesWithDependencyUnavailableAndTheOtherChecksStillRun() {
        RoomOperator operator = RealServices.verifiedOperator();
        Marketer host = RealServices.marketer(LocalDate.of(1988, 8, 8), true);
        Marketer unverified = RealServices.marketer(LocalDate.of(1987, 7, 7), false);
        RealServices.roster(operator, "s-down", host.getName());
        Room room = fixtures.room(GradingFixtures.roomInput().setRoomOperator(operator.getName()));

        GoLiveDecision decision = client.as(GradingFixtures.GATE).checkGoLiveEligibility(CheckGoLiveEligibilityRequest.newBuilder()
                .setRoom(room.getName()).setSessionId("s-down").addMarketers(host.getName()).addMarketers(unverified.getName()).build());
        assertEquals(GoLiveDecision.Outcome.OUTCOME_DENIED, decision.getOutcome(), "never ALLOWED without training's answer");
        assertEquals(List.of("DEPENDENCY_UNAVAILABLE", "MARKETER_NOT_ON_ROSTER", "MARKETER_NOT_VERIFIED"),
                decision.getReasonsList().stream().map(GoLiveReason::getCode).toList());
        assertEquals("training", decision.getReasons(0).getSubject());
    }
}
