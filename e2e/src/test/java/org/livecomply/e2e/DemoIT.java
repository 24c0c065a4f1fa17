package org.livecomply.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.livecomply.api.archive.v1.GetPublicKeyRequest;
import org.livecomply.api.consumer.v1.Channel;
import org.livecomply.api.consumer.v1.Complaint;
import org.livecomply.api.consumer.v1.Delivery;
import org.livecomply.api.consumer.v1.GetComplaintRequest;
import org.livecomply.api.grading.v1.Appeal;
import org.livecomply.api.grading.v1.Disposal;
import org.livecomply.api.grading.v1.GetDisposalRequest;
import org.livecomply.api.grading.v1.GetRoomRequest;
import org.livecomply.api.grading.v1.GoLiveDecision;
import org.livecomply.api.grading.v1.GoLiveReason;
import org.livecomply.api.grading.v1.GradeLevel;
import org.livecomply.api.grading.v1.Measure;
import org.livecomply.api.grading.v1.Room;
import org.livecomply.api.identity.v1.DisclosureAudit;
import org.livecomply.api.identity.v1.DisclosurePurpose;
import org.livecomply.api.identity.v1.ListDisclosureAuditsRequest;
import org.livecomply.devrun.demo.DemoFailure;
import org.livecomply.devrun.demo.DemoResult;
import org.livecomply.devrun.demo.DemoScenario;
import org.livecomply.sdk.LiveComplyClient;
import org.livecomply.sdk.LiveComplyService;
import org.livecomply.sdk.archive.EvidenceVerifier;
import org.livecomply.testsupport.ServiceProcess;

/**
 * The demo (./livecomply-demo) as a test: its scenario played through the SDK against the five services as
 * processes from their shaded jars, wired to each other as in the dev run, each on its own fresh database. The
 * scenario checks every outcome itself; this test also looks again at a few of them from the outside.
 */
class DemoIT {

    private static final Map<LiveComplyService, ServiceProcess> SUITE = new EnumMap<>(LiveComplyService.class);

    @BeforeAll
    static void startTheSuite() throws Exception {
        ServiceProcess identity = Suite.builder("demo-identity", "identity-service", Suite.database("demo-identity")).build();
        ServiceProcess archive = Suite.builder("demo-archive", "transaction-archive-service", Suite.database("demo-archive")).build();
        ServiceProcess training = Suite.builder("demo-training", "training-service", Suite.database("demo-training"))
                .env("LIVECOMPLY_CLIENTS_IDENTITY_ADDRESS", identity.grpcAddress()).build();
        // room-grading and consumer-rights call each other (Art. 23 hand-off; verified complaints): ports first.
        int consumerPort = Suite.freePort();
        ServiceProcess grading = Suite.builder("demo-grading", "room-grading-service", Suite.database("demo-grading"))
                .env("LIVECOMPLY_CLIENTS_IDENTITY_ADDRESS", identity.grpcAddress())
                .env("LIVECOMPLY_CLIENTS_TRAINING_ADDRESS", training.grpcAddress())
                .env("LIVECOMPLY_CLIENTS_CONSUMER_ADDRESS", Suite.address(consumerPort)).build();
        ServiceProcess consumer = Suite.builder("demo-consumer", "consumer-rights-service", Suite.database("demo-consumer"))
                .ports(consumerPort, Suite.freePort())
                .env("LIVECOMPLY_CLIENTS_IDENTITY_ADDRESS", identity.grpcAddress())
                .env("LIVECOMPLY_CLIENTS_ARCHIVE_ADDRESS", archive.grpcAddress())
                .env("LIVECOMPLY_CLIENTS_GRADING_ADDRESS", grading.grpcAddress())
                // the dev run's outbox looks every 5 s; once a second keeps this test short
                .env("LIVECOMPLY_CONSUMER_OUTBOX_INTERVAL", "1s").build();
        SUITE.put(LiveComplyService.IDENTITY, identity);
        SUITE.put(LiveComplyService.ARCHIVE, archive);
        SUITE.put(LiveComplyService.TRAINING, training);
        SUITE.put(LiveComplyService.ROOM_GRADING, grading);
        SUITE.put(LiveComplyService.CONSUMER_RIGHTS, consumer);
        ExecutorService starting = Executors.newFixedThreadPool(SUITE.size());
        try {
            List<Future<ServiceProcess>> started = new ArrayList<>();
            SUITE.values().forEach(process -> started.add(starting.submit(() -> process.start(Duration.ofSeconds(180)))));
            for (Future<ServiceProcess> process : started) {
                process.get();
            }
        } finally {
            starting.shutdownNow();
        }
    }

    @AfterAll
    static void stopTheSuite() {
        SUITE.values().forEach(ServiceProcess::stop);
    }

    @Test
    void theDemoScenarioPlaysFromRegistrationToTheRegulatorReport() throws Exception {
        List<String> scopes = new ArrayList<>(DemoScenario.SCOPES);
        scopes.add("identity.audit.read");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Path reports = Path.of("target", "demo-reports");
        DemoResult result;
        try (LiveComplyClient client = Suite.client(SUITE, scopes.toArray(String[]::new));
             PrintStream out = new PrintStream(new Tee(System.out, printed), true, StandardCharsets.UTF_8)) {
            result = new DemoScenario(client, "http://127.0.0.1:" + SUITE.get(LiveComplyService.CONSUMER_RIGHTS).httpPort(), reports, out).run();

            String newcomer = result.marketers().get(2);
            assertEquals(GoLiveDecision.Outcome.OUTCOME_ALLOWED, result.allowed().getOutcome(), result.allowed().toString());
            assertEquals(GoLiveDecision.Outcome.OUTCOME_DENIED, result.denied().getOutcome());
            assertEquals(List.of("PRE_SERVICE_TRAINING_MISSING", "ANNUAL_TRAINING_MISSING"),
                    result.denied().getReasonsList().stream().map(GoLiveReason::getCode).distinct().toList());
            assertTrue(result.denied().getReasonsList().stream().allMatch(r -> r.getSubject().equals(newcomer)), result.denied().toString());

            // a fresh archive (the other test stops before step 8) holds exactly what the demo streamed; the disclosed
            // proofs verify with a key fetched here
            assertEquals(3_675, result.eventsStreamed());
            assertEquals(result.eventsStreamed(), result.treeSize());
            String key = client.archive().getPublicKey(GetPublicKeyRequest.getDefaultInstance()).getVerifierKey();
            assertEquals(result.provenTreeSize(), EvidenceVerifier.verify(result.disclosure().getOrderEvidence(), key).treeSize());
            Complaint complaint = client.consumerRights().getComplaint(GetComplaintRequest.newBuilder().setName(result.complaint()).build());
            assertEquals(Channel.CHANNEL_HTTP_API, complaint.getChannel());
            assertEquals(Complaint.State.STATE_RESOLVED, complaint.getState());
            assertEquals(result.room(), complaint.getRoom(), "customer service named the room when it resolved the consumer's complaint");
            assertEquals(Delivery.DELIVERY_DONE, complaint.getGradingSignal(), "consumer-rights sent the verified complaint to room-grading");
            DisclosureAudit audit = client.identity().listDisclosureAudits(ListDisclosureAuditsRequest.newBuilder()
                    .setRoomOperator(result.roomOperator()).build()).getDisclosureAudits(0);
            assertEquals(DisclosurePurpose.DISCLOSURE_PURPOSE_CONSUMER_DISPUTE, audit.getPurpose());
            assertEquals(complaint.getNumber(), audit.getCaseReference());

            // shipped ruleset: three verified complaints in 90 days make a low-risk room medium-risk
            Room room = client.roomGrading().getRoom(GetRoomRequest.newBuilder().setName(result.room()).build());
            assertEquals(GradeLevel.GRADE_LEVEL_LOW_RISK, result.gradeBefore());
            assertEquals(GradeLevel.GRADE_LEVEL_MEDIUM_RISK, room.getGrade().getLevel());
            assertEquals(3, room.getGrade().getInputs().getVerifiedComplaints90D());

            Disposal disposal = client.roomGrading().getDisposal(GetDisposalRequest.newBuilder().setName(result.disposal().getName()).build());
            assertEquals(Measure.MEASURE_WARNING, disposal.getMeasure());
            assertEquals(Disposal.State.STATE_ISSUED, disposal.getState());
            assertEquals(Appeal.State.STATE_UPHELD, result.appeal().getState());
        }

        // the July report of 2026 lists subjects registered by 30 June: none in these fresh databases
        assertEquals(Map.of("registered_room_operators.csv", 0L, "unregistered_room_operators.csv", 0L, "marketers.csv", 0L),
                result.reportCounts());
        for (String file : List.of("registered_room_operators.csv", "unregistered_room_operators.csv", "marketers.csv", "manifest.json")) {
            assertTrue(Files.isRegularFile(result.reportFolder().resolve(file)), file + " in " + result.reportFolder());
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("[15] Identity's Art. 9 report") && text.contains("Demo complete: 15 steps"), text);
    }

    @Test
    void aStepThatDoesNotTurnOutAsExpectedStopsTheDemoNamingTheStep() {
        List<String> withoutGate = DemoScenario.SCOPES.stream().filter(scope -> !scope.equals("grading.gate")).toList();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DemoFailure failure;
        try (LiveComplyClient client = Suite.client(SUITE, withoutGate.toArray(String[]::new));
             PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            DemoScenario scenario = new DemoScenario(client, "http://127.0.0.1:" + SUITE.get(LiveComplyService.CONSUMER_RIGHTS).httpPort(),
                    Path.of("target", "demo-reports"), out);
            failure = assertThrows(DemoFailure.class, scenario::run);
        }
        assertTrue(failure.getMessage().startsWith("step 6 (Go-live gate for tonight's session"), failure.getMessage());
        assertTrue(failure.getMessage().contains("PERMISSION_DENIED"), failure.getMessage());
        assertFalse(printed.toString(StandardCharsets.UTF_8).contains("[7]"), "nothing after the failing step");
    }

    /** Writes to two streams: the test's output shows the demo as it runs, and the test reads it afterwards. */
    private static final class Tee extends OutputStream {

        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            first.flush();
            second.flush();
        }

        @Override
        public void close() throws java.io.IOException {
            flush();
        }
    }
}
