package org.livecomply.consumer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.livecomply.api.archive.v1.TransactionArchiveServiceGrpc;
import org.livecomply.api.grading.v1.Condition;
import org.livecomply.api.grading.v1.CreateGradingRulesetRequest;
import org.livecomply.api.grading.v1.CreateRoomRequest;
import org.livecomply.api.grading.v1.DryRunGradingRulesetRequest;
import org.livecomply.api.grading.v1.DryRunGradingRulesetResponse;
import org.livecomply.api.grading.v1.DryRunResult;
import org.livecomply.api.grading.v1.GetGradingRulesetRequest;
import org.livecomply.api.grading.v1.GoodsCategory;
import org.livecomply.api.grading.v1.GradeLevel;
import org.livecomply.api.grading.v1.GradeRule;
import org.livecomply.api.grading.v1.GradingRules;
import org.livecomply.api.grading.v1.GradingRuleset;
import org.livecomply.api.grading.v1.Metric;
import org.livecomply.api.grading.v1.Room;
import org.livecomply.api.grading.v1.RoomGradingServiceGrpc;
import org.livecomply.api.identity.v1.IdentityServiceGrpc;
import org.livecomply.commons.auth.TokenMinter;
import org.livecomply.sdk.BearerToken;
import org.livecomply.testsupport.ServiceProcess;
import org.livecomply.testsupport.TestDatabase;

/**
 * The real identity, transaction-archive and room-grading services, each its own JVM from its shaded jar with a
 * fresh database, started once per test JVM and sharing the consumer tests' HS256 secret (so consumer-rights mints
 * its client tokens as in production). Build the jars first:
 * {@code ./mvnw -pl identity-service,transaction-archive-service,room-grading-service -am install -DskipTests}.
 */
final class RealServices {

    /** Nothing listens there. */
    private static final String NOWHERE = "127.0.0.1:1";

    private static ServiceProcess identity;
    private static ServiceProcess archive;
    private static io.grpc.ManagedChannel identityChannel;
    private static io.grpc.ManagedChannel archiveChannel;
    private static ServiceProcess grading;
    private static io.grpc.ManagedChannel gradingChannel;
    private static String complaintCounter;

    private RealServices() {
    }

    static synchronized ServiceProcess identity() {
        if (identity == null) {
            identity = start("identity", "identity-service");
            identityChannel = io.grpc.ManagedChannelBuilder.forTarget(identity.grpcAddress()).usePlaintext().build();
        }
        return identity;
    }

    static synchronized ServiceProcess archive() {
        if (archive == null) {
            archive = start("archive", "transaction-archive-service");
            archiveChannel = io.grpc.ManagedChannelBuilder.forTarget(archive.grpcAddress()).usePlaintext().build();
        }
        return archive;
    }

    /** room-grading on its own: what it would call (identity, training, consumer-rights) points at a closed port. */
    static synchronized ServiceProcess grading() {
        if (grading == null) {
            grading = builder("grading", "room-grading-service")
                    .env("LIVECOMPLY_CLIENTS_IDENTITY_ADDRESS", NOWHERE)
                    .env("LIVECOMPLY_CLIENTS_TRAINING_ADDRESS", NOWHERE)
                    .env("LIVECOMPLY_CLIENTS_CONSUMER_ADDRESS", NOWHERE)
                    .build().start();
            gradingChannel = io.grpc.ManagedChannelBuilder.forTarget(grading.grpcAddress()).usePlaintext().build();
        }
        return grading;
    }

    /** A stub of room-grading that waits (up to 30 s) for the connection: a test may have just restarted it. */
    static RoomGradingServiceGrpc.RoomGradingServiceBlockingStub gradingAs(String... scopes) {
        grading();
        return RoomGradingServiceGrpc.newBlockingStub(gradingChannel).withCallCredentials(BearerToken.of(token(scopes)))
                .withWaitForReady().withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    /** A new room in room-grading: a verified complaint must name a room it knows. */
    static String gradingRoom() {
        return gradingAs("grading.write").createRoom(CreateRoomRequest.newBuilder().setRequestId("room-" + UUID.randomUUID())
                .setRoom(Room.newBuilder().setRoomOperator("roomOperators/" + UUID.randomUUID())
                        .setLiveAccountId("acct-" + UUID.randomUUID().toString().substring(0, 12)).setDisplayName("示例直播间")
                        .addGoodsCategories(GoodsCategory.GOODS_CATEGORY_HOME)).build()).getName();
    }

    /**
     * How many verified complaints room-grading counts for {@code room} now (Art. 20 ¶3), read through its API: a
     * draft ruleset (never published) whose rule "complaints-k" fires at k or more verified complaints in 90 days is
     * dry-run over the rooms, so the rules that fire for the room are its count.
     */
    static synchronized int verifiedComplaintsIn(String room) {
        int most = 60;
        if (complaintCounter == null) {
            GradingRules.Builder counting = gradingAs("grading.read").getGradingRuleset(GetGradingRulesetRequest.newBuilder()
                    .setName("gradingRulesets/current").build()).getRules().toBuilder().clearGradeRules();
            for (int k = 1; k <= most; k++) {
                counting.addGradeRules(GradeRule.newBuilder().setId("complaints-" + k).setLevel(GradeLevel.GRADE_LEVEL_LOW_RISK)
                        .setDescription("at least " + k + " verified complaints in 90 days")
                        .addAllOf(Condition.newBuilder().setMetric(Metric.METRIC_VERIFIED_COMPLAINTS_90D).setAtLeast(k)));
            }
            complaintCounter = gradingAs("grading.admin").createGradingRuleset(CreateGradingRulesetRequest.newBuilder()
                    .setRequestId("counter-" + UUID.randomUUID()).setGradingRuleset(GradingRuleset.newBuilder()
                            .setDescription("consumer tests: counts verified complaints (dry runs only)").setRules(counting)).build()).getName();
        }
        String token = "";
        do {
            DryRunGradingRulesetResponse page = gradingAs("grading.admin").dryRunGradingRuleset(DryRunGradingRulesetRequest.newBuilder()
                    .setRuleset(complaintCounter).setPageSize(200).setPageToken(token).build());
            for (DryRunResult result : page.getResultsList()) {
                if (result.getRoom().equals(room)) {
                    if (result.getFiredRuleIdsCount() == most) {
                        throw new IllegalStateException(room + " has " + most + " or more verified complaints: beyond this count");
                    }
                    return result.getFiredRuleIdsCount();
                }
            }
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        throw new IllegalStateException("room-grading has no " + room);
    }

    /** A platform's stub of identity (tokens at the real time: the processes run on the wall clock). */
    static IdentityServiceGrpc.IdentityServiceBlockingStub identityAs(String... scopes) {
        identity();
        return IdentityServiceGrpc.newBlockingStub(identityChannel).withCallCredentials(BearerToken.of(token(scopes)));
    }

    static TransactionArchiveServiceGrpc.TransactionArchiveServiceBlockingStub archiveAs(String... scopes) {
        archive();
        return TransactionArchiveServiceGrpc.newBlockingStub(archiveChannel).withCallCredentials(BearerToken.of(token(scopes)));
    }

    private static String token(String... scopes) {
        return TokenMinter.mintHs256(ConsumerServiceClient.SECRET, "platform-test", List.of(scopes), Instant.now(), Duration.ofHours(1));
    }

    private static ServiceProcess start(String name, String module) {
        return builder(name, module).build().start();
    }

    private static ServiceProcess.Builder builder(String name, String module) {
        return ServiceProcess.builder(name, ServiceProcess.jarOf(ServiceProcess.repoRoot(), module))
                .database(TestDatabase.shared().newDatabase("consumer_it_" + name))
                .hs256Secret(ConsumerServiceClient.SECRET)
                .logDirectory(Path.of("target", "service-logs"));
    }
}
