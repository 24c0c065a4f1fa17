package org.livecomply.sdk.testing;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.livecomply.api.consumer.v1.ConsumerReportServiceGrpc;
import org.livecomply.api.grading.v1.GradingReportServiceGrpc;
import org.livecomply.api.identity.v1.IdentityReportServiceGrpc;
import org.livecomply.api.training.v1.TrainingReportServiceGrpc;
import org.livecomply.sdk.LiveComplyClient;
import org.livecomply.sdk.LiveComplyService;

/**
 * The five LiveComply services in memory, for a platform's own tests: no database, no network, no process.
 * They answer over a real (in-process) gRPC channel with the services' checks, reason codes and error details
 * (INVALID_ARGUMENT with a BadRequest per field, NOT_FOUND, ALREADY_EXISTS, FAILED_PRECONDITION citing the
 * article), idempotency on request_id and page tokens, for the RPCs a platform integrates with most; the others
 * answer UNIMPLEMENTED naming the fake. Each fake's documentation lists its RPCs.
 * <pre>{@code
 * try (LiveComplyFakes fakes = LiveComplyFakes.start()) {
 *     LiveComplyClient livecomply = fakes.client();
 *     RoomOperator operator = livecomply.identity().createRoomOperator(...);
 *     fakes.identity().markVerified(operator.getName());     // what a verification provider would say
 *     ...
 * }
 * }</pre>
 * The fakes do not check tokens or scopes; they read the {@code sub} of a JWT bearer token for {@code recorded_by}
 * fields. Time comes from the clock given to {@link #start(Clock)}, so a test can move it (re-verification falls
 * due, complaint clocks run out). e2e's FakesContractIT runs the same assertions against the fakes and the real
 * services, so the fakes do not drift from them on the RPCs they fake.
 */
public final class LiveComplyFakes implements AutoCloseable {

    /** The subject of {@link #TOKEN}, and of calls without a readable JWT. */
    public static final String SUBJECT = CallGuard.DEFAULT_SUBJECT;
    /** An unsigned JWT for {@link #SUBJECT}; the fakes accept any token. */
    public static final String TOKEN = token(SUBJECT);

    private final String serverName;
    private final Server server;
    private final FakeIdentity identity;
    private final FakeTraining training;
    private final FakeRoomGrading roomGrading;
    private final FakeArchive archive;
    private final FakeConsumerRights consumerRights;
    private final List<LiveComplyClient> clients = new ArrayList<>();

    private LiveComplyFakes(Clock clock) {
        FakeContext context = new FakeContext(clock);
        this.identity = new FakeIdentity(context);
        this.training = new FakeTraining(context);
        this.roomGrading = new FakeRoomGrading(context, identity, training);
        this.archive = new FakeArchive(context);
        this.consumerRights = new FakeConsumerRights(context, archive, roomGrading);
        this.serverName = "livecomply-fakes-" + UUID.randomUUID();
        InProcessServerBuilder builder = InProcessServerBuilder.forName(serverName);
        add(builder, "the identity fake", FakeIdentity.DOMAIN, identity.service(), new IdentityReportServiceGrpc.IdentityReportServiceImplBase() {
        });
        add(builder, "the training fake", FakeTraining.DOMAIN, training.service(), new TrainingReportServiceGrpc.TrainingReportServiceImplBase() {
        });
        add(builder, "the room-grading fake", FakeRoomGrading.DOMAIN, roomGrading.service(),
                new GradingReportServiceGrpc.GradingReportServiceImplBase() {
                });
        add(builder, "the archive fake", FakeArchive.DOMAIN, archive.service());
        add(builder, "the consumer-rights fake", FakeConsumerRights.DOMAIN, consumerRights.service(),
                new ConsumerReportServiceGrpc.ConsumerReportServiceImplBase() {
                });
        try {
            this.server = builder.build().start();
        } catch (IOException e) {
            throw new UncheckedIOException("the in-process server of the fakes did not start", e);
        }
    }

    /** The fakes on the system clock. */
    public static LiveComplyFakes start() {
        return start(Clock.systemUTC());
    }

    /** The fakes on {@code clock}: every "now" of theirs (record times, deadlines, ages, re-verification) is its instant. */
    public static LiveComplyFakes start(Clock clock) {
        return new LiveComplyFakes(clock);
    }

    private static void add(InProcessServerBuilder builder, String fake, String domain, BindableService... services) {
        for (BindableService service : services) {
            builder.addService(ServerInterceptors.intercept(service, new CallGuard(fake, domain)));
        }
    }

    /**
     * A client of all five fakes, as a platform builds one for a deployment (the shipped service config, deadlines,
     * request ids filled on mutating calls), with {@link #TOKEN}. Closed with the fakes.
     */
    public LiveComplyClient client() {
        LiveComplyClient client = clientBuilder().token(TOKEN).build();
        synchronized (clients) {
            clients.add(client);
        }
        return client;
    }

    /** A client builder with the five services on the fakes' in-process channel: add a token provider (and a deadline), then build. */
    public LiveComplyClient.Builder clientBuilder() {
        LiveComplyClient.Builder builder = LiveComplyClient.builder();
        for (LiveComplyService service : LiveComplyService.values()) {
            builder.channel(service, () -> InProcessChannelBuilder.forName(serverName));
        }
        return builder;
    }

    /** The in-process server's name, for a channel of one's own ({@code InProcessChannelBuilder.forName(name)}). */
    public String serverName() {
        return serverName;
    }

    /** Test controls of the identity fake: verification outcomes, suspensions. */
    public FakeIdentity identity() {
        return identity;
    }

    /** Test controls of the training fake: courses, passed courses. */
    public FakeTraining training() {
        return training;
    }

    /** What the room-grading fake recorded beyond its RPCs. */
    public FakeRoomGrading roomGrading() {
        return roomGrading;
    }

    /** The archive fake's verifier key. */
    public FakeArchive archive() {
        return archive;
    }

    /** The consumer-rights fake. */
    public FakeConsumerRights consumerRights() {
        return consumerRights;
    }

    @Override
    public void close() {
        synchronized (clients) {
            clients.forEach(LiveComplyClient::close);
            clients.clear();
        }
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String token(String subject) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(("{\"sub\":\"" + subject + "\"}").getBytes(StandardCharsets.UTF_8)) + ".";
    }
}
