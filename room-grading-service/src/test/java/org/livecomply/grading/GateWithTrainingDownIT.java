package org.livecomply.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.livecomply.testsupport.StatusDetails.errorInfo;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.livecomply.api.grading.v1.CheckGoLiveEligibilityRequest;
import org.livecomply.api.grading.v1.GoLiveDecision;
import org.livecomply.api.grading.v1.GoLiveReason;
import org.livecomply.api.grading.v1.Room;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.RoomOperator;

/**
 * The gate fails closed when training hangs: only its deadline ends the wait, and the answer is DENIED. With one
 * check allowed at a time, a second check while the first waits is shed at once.
 */
@MicronautTest(environments = "test")
class GateWithTrainingDownIT extends GradingApiTest {

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("livecomply.clients.identity.address", RealServices.identity().grpcAddress(),
                "livecomply.clients.training.address", SilentServer.address(),
                "livecomply.grading.gate-deadline", "300ms", "livecomply.grading.gate-max-concurrent", "1");
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

    @Test
    void aCheckBeyondTheConcurrencyLimitIsShedAtOnceAndTheLimitIsFreedAfterwards() throws Exception {
        RoomOperator operator = RealServices.verifiedOperator();
        Marketer host = RealServices.marketer(LocalDate.of(1986, 6, 6), true);
        RealServices.roster(operator, "s-busy", host.getName());
        Room room = fixtures.room(GradingFixtures.roomInput().setRoomOperator(operator.getName()));
        CheckGoLiveEligibilityRequest request = CheckGoLiveEligibilityRequest.newBuilder().setRoom(room.getName()).setSessionId("s-busy")
                .addMarketers(host.getName()).build();

        ExecutorService callers = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(callers.submit(() -> {
                    start.await();
                    try {
                        return client.as(GradingFixtures.GATE).checkGoLiveEligibility(request);
                    } catch (StatusRuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> answer : answers) {
                results.add(answer.get(10, TimeUnit.SECONDS));
            }
            List<GoLiveDecision> decisions = results.stream().filter(GoLiveDecision.class::isInstance).map(GoLiveDecision.class::cast).toList();
            List<StatusRuntimeException> shed = results.stream().filter(StatusRuntimeException.class::isInstance)
                    .map(StatusRuntimeException.class::cast).toList();
            assertEquals(1, decisions.size(), "one check runs (and waits for training): " + results);
            assertEquals(GoLiveDecision.Outcome.OUTCOME_DENIED, decisions.get(0).getOutcome());
            assertEquals(1, shed.size(), "the other is shed while it runs: " + results);
            assertEquals(Status.Code.UNAVAILABLE, shed.get(0).getStatus().getCode());
            assertEquals("GATE_OVERLOADED", errorInfo(shed.get(0)).getReason());
        } finally {
            callers.shutdownNow();
        }
        assertEquals(GoLiveDecision.Outcome.OUTCOME_DENIED, client.as(GradingFixtures.GATE).checkGoLiveEligibility(request).getOutcome(),
                "the permit is back: the next check runs");
    }
}
