package org.livecomply.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.livecomply.api.grading.v1.CheckGoLiveEligibilityRequest;
import org.livecomply.api.grading.v1.CreateRoomRequest;
import org.livecomply.api.grading.v1.GoLiveDecision;
import org.livecomply.api.grading.v1.GoLiveReason;
import org.livecomply.api.grading.v1.GoodsCategory;
import org.livecomply.api.grading.v1.Room;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.sdk.LiveComplyClient;
import org.livecomply.sdk.LiveComplyService;
import org.livecomply.testsupport.ServiceProcess;

/**
 * The go-live gate with identity-service gone (ARCHITECTURE.md flow 1; Arts. 8, 10, 28): identity, training and
 * room-grading run as processes; a room whose operator, roster and marketers all pass is ALLOWED; with identity
 * killed, or frozen, the gate answers DENIED with DEPENDENCY_UNAVAILABLE within its deadline — never ALLOWED —
 * and once identity is back on the same database the same room is ALLOWED again.
 */
class GateDependencyIT {

    /** The deadline of each identity / training question of the gate (LIVECOMPLY_GRADING_GATE_DEADLINE). */
    private static final Duration GATE_DEADLINE = Duration.ofMillis(500);
    /** Room for the rest of the request (the room's own measures, the rules, the hop from the test) on a busy CI machine. */
    private static final Duration MARGIN = Duration.ofMillis(1000);

    private static ServiceProcess identity;
    private static ServiceProcess training;
    private static ServiceProcess grading;
    private static LiveComplyClient platform;
    private static GoLiveSubjects subjects;

    @BeforeAll
    static void start() {
        identity = Suite.start("gate-identity", "identity-service");
        training = Suite.start("gate-training", "training-service", "LIVECOMPLY_CLIENTS_IDENTITY_ADDRESS", identity.grpcAddress());
        grading = Suite.start("gate-grading", "room-grading-service",
                "LIVECOMPLY_CLIENTS_IDENTITY_ADDRESS", identity.grpcAddress(),
                "LIVECOMPLY_CLIENTS_TRAINING_ADDRESS", training.grpcAddress(),
                "LIVECOMPLY_CLIENTS_CONSUMER_ADDRESS", Suite.NOWHERE,
                "LIVECOMPLY_GRADING_GATE_DEADLINE", GATE_DEADLINE.toMillis() + "ms");
        platform = Suite.client(Map.of(LiveComplyService.IDENTITY, identity, LiveComplyService.TRAINING, training,
                        LiveComplyService.ROOM_GRADING, grading),
                "identity.write", "identity.verify", "training.admin", "training.write", "grading.write", "grading.gate");
        subjects = new GoLiveSubjects(platform);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
        for (ServiceProcess process : new ServiceProcess[] {grading, training, identity}) {
            if (process != null) {
                process.stop();
            }
        }
    }

    /** A room whose operator is verified, with a roster of verified, trained adults for {@code session}. */
    private static CheckGoLiveEligibilityRequest eligibleRoom(String session) {
        RoomOperator operator = subjects.verifiedOperator();
        Marketer host = subjects.trainedMarketer();
        Marketer guest = subjects.trainedMarketer();
        subjects.roster(operator, session, host.getName(), guest.getName());
        Room room = platform.roomGrading().createRoom(CreateRoomRequest.newBuilder().setRoom(Room.newBuilder()
                .setRoomOperator(operator.getName()).setLiveAccountId(operator.getLiveAccounts(0).getAccountId())
                .setDisplayName("示例直播间").addGoodsCategories(GoodsCategory.GOODS_CATEGORY_APPAREL)).build());
        CheckGoLiveEligibilityRequest check = CheckGoLiveEligibilityRequest.newBuilder().setRoom(room.getName()).setSessionId(session)
                .addMarketers(host.getName()).addMarketers(guest.getName()).build();
        GoLiveDecision decision = platform.roomGrading().checkGoLiveEligibility(check);
        assertEquals(GoLiveDecision.Outcome.OUTCOME_ALLOWED, decision.getOutcome(), "with every service up: " + decision);
        return check;
    }

    /** The gate's answer and how long the caller waited for it. */
    private record Timed(GoLiveDecision decision, Duration took) {
    }

    private static Timed check(CheckGoLiveEligibilityRequest request) {
        long start = System.nanoTime();
        GoLiveDecision decision = platform.roomGrading().checkGoLiveEligibility(request);
        return new Timed(decision, Duration.ofNanos(System.nanoTime() - start));
    }

    /** DENIED for identity alone: training still answered (the marketers are trained), and no other reason is invented. */
    private static void assertDeniedForIdentity(Timed answer) {
        GoLiveDecision decision = answer.decision();
        assertEquals(GoLiveDecision.Outcome.OUTCOME_DENIED, decision.getOutcome(), "never ALLOWED without identity's answers: " + decision);
        assertEquals(List.of("DEPENDENCY_UNAVAILABLE"), decision.getReasonsList().stream().map(GoLiveReason::getCode).toList());
        assertEquals("identity", decision.getReasons(0).getSubject());
        assertTrue(answer.took().compareTo(GATE_DEADLINE.plus(MARGIN)) <= 0,
                "answered in " + answer.took().toMillis() + " ms; the gate's deadline is " + GATE_DEADLINE.toMillis() + " ms");
    }

    @Test
    void withIdentityKilledTheGateDeniesWithinItsDeadlineAndAllowsAgainOnceIdentityIsBack() throws InterruptedException {
        CheckGoLiveEligibilityRequest request = eligibleRoom("s-kill");

        identity.kill();
        for (int i = 0; i < 5; i++) {
            assertDeniedForIdentity(check(request));
        }

        identity.start();
        // Same database and port: the subjects, roster and verifications are still there.
        awaitAllowedAgain(request, Duration.ofSeconds(60));
    }

    @Test
    void withIdentityFrozenTheGateStopsWaitingAtItsDeadlineAndDenies() throws InterruptedException {
        CheckGoLiveEligibilityRequest request = eligibleRoom("s-freeze");

        // SIGSTOP: connections stay open and nothing answers, as with a dependency stuck in a pause or a black-holed network.
        Suite.signal(identity, "STOP");
        try {
            for (int i = 0; i < 3; i++) {
                Timed answer = check(request);
                assertDeniedForIdentity(answer);
                assertTrue(answer.took().compareTo(GATE_DEADLINE.minusMillis(50)) >= 0,
                        "answered in " + answer.took().toMillis() + " ms: only the deadline can have ended the wait");
            }
        } finally {
            Suite.signal(identity, "CONT");
        }
        awaitAllowedAgain(request, Duration.ofSeconds(30));
    }

    /**
     * Asks until the gate allows the room again: room-grading's channel to identity reconnects on its own backoff,
     * and until it has, every answer must still be the quick DENIED for identity (never an error, never another reason).
     */
    private static void awaitAllowedAgain(CheckGoLiveEligibilityRequest request, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Timed answer = check(request); answer.decision().getOutcome() != GoLiveDecision.Outcome.OUTCOME_ALLOWED; answer = check(request)) {
            assertDeniedForIdentity(answer);
            assertTrue(System.nanoTime() < deadline, "the gate still denies " + timeout + " after identity came back");
            Thread.sleep(200);
        }
        assertEquals(List.of(), check(request).decision().getReasonsList());
    }
}
