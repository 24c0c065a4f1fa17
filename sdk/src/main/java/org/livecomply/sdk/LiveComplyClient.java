package org.livecomply.sdk;

import io.grpc.CallCredentials;
import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.AbstractStub;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.livecomply.api.archive.v1.TransactionArchiveServiceGrpc;
import org.livecomply.api.consumer.v1.ConsumerReportServiceGrpc;
import org.livecomply.api.consumer.v1.ConsumerRightsServiceGrpc;
import org.livecomply.api.grading.v1.GradingReportServiceGrpc;
import org.livecomply.api.grading.v1.RoomGradingServiceGrpc;
import org.livecomply.api.identity.v1.IdentityReportServiceGrpc;
import org.livecomply.api.identity.v1.IdentityServiceGrpc;
import org.livecomply.api.training.v1.TrainingReportServiceGrpc;
import org.livecomply.api.training.v1.TrainingServiceGrpc;

/**
 * One client for a LiveComply deployment: the services' addresses, one token provider, a default deadline,
 * the shipped retry policy ({@link ServiceConfig}) and request ids generated for mutating calls.
 * <pre>{@code
 * try (LiveComplyClient livecomply = LiveComplyClient.builder()
 *         .address(LiveComplyService.IDENTITY, "dns:///identity.livecomply:50051")
 *         .tokens(myTokenCache::current)
 *         .build()) {
 *     RoomOperator operator = livecomply.identity().getRoomOperator(request);
 * }
 * }</pre>
 * Each accessor returns a new stub whose deadline starts now: ask for a stub per call (it is cheap; the
 * channel underneath is shared), or use {@link #stub} with {@link #withDeadline} for a longer operation.
 */
public final class LiveComplyClient implements AutoCloseable {

    private final Map<LiveComplyService, ManagedChannel> channels;
    private final CallCredentials credentials;
    private final Duration deadline;

    private LiveComplyClient(Map<LiveComplyService, ManagedChannel> channels, CallCredentials credentials, Duration deadline) {
        this.channels = channels;
        this.credentials = credentials;
        this.deadline = deadline;
    }

    public static Builder builder() {
        return new Builder();
    }

    public IdentityServiceGrpc.IdentityServiceBlockingStub identity() {
        return stub(LiveComplyService.IDENTITY, IdentityServiceGrpc::newBlockingStub);
    }

    public IdentityReportServiceGrpc.IdentityReportServiceBlockingStub identityReports() {
        return stub(LiveComplyService.IDENTITY, IdentityReportServiceGrpc::newBlockingStub);
    }

    public TrainingServiceGrpc.TrainingServiceBlockingStub training() {
        return stub(LiveComplyService.TRAINING, TrainingServiceGrpc::newBlockingStub);
    }

    public TrainingReportServiceGrpc.TrainingReportServiceBlockingStub trainingReports() {
        return stub(LiveComplyService.TRAINING, TrainingReportServiceGrpc::newBlockingStub);
    }

    public RoomGradingServiceGrpc.RoomGradingServiceBlockingStub roomGrading() {
        return stub(LiveComplyService.ROOM_GRADING, RoomGradingServiceGrpc::newBlockingStub);
    }

    public GradingReportServiceGrpc.GradingReportServiceBlockingStub gradingReports() {
        return stub(LiveComplyService.ROOM_GRADING, GradingReportServiceGrpc::newBlockingStub);
    }

    public TransactionArchiveServiceGrpc.TransactionArchiveServiceBlockingStub archive() {
        return stub(LiveComplyService.ARCHIVE, TransactionArchiveServiceGrpc::newBlockingStub);
    }

    /** The asynchronous archive stub, for the client-streaming {@code AppendRecords}. */
    public TransactionArchiveServiceGrpc.TransactionArchiveServiceStub archiveAsync() {
        return stub(LiveComplyService.ARCHIVE, TransactionArchiveServiceGrpc::newStub);
    }

    public ConsumerRightsServiceGrpc.ConsumerRightsServiceBlockingStub consumerRights() {
        return stub(LiveComplyService.CONSUMER_RIGHTS, ConsumerRightsServiceGrpc::newBlockingStub);
    }

    public ConsumerReportServiceGrpc.ConsumerReportServiceBlockingStub consumerReports() {
        return stub(LiveComplyService.CONSUMER_RIGHTS, ConsumerReportServiceGrpc::newBlockingStub);
    }

    /** Any stub of {@code service} (blocking, future or async) with the client's credentials and default deadline. */
    public <S extends AbstractStub<S>> S stub(LiveComplyService service, Function<Channel, S> newStub) {
        return newStub.apply(channel(service)).withCallCredentials(credentials)
                .withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** {@code stub} with another deadline, e.g. for a long report export. */
    public static <S extends AbstractStub<S>> S withDeadline(S stub, Duration deadline) {
        return stub.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The shared channel of {@code service} (request ids are filled on it; credentials are not). */
    public Channel channel(LiveComplyService service) {
        ManagedChannel channel = channels.get(service);
        if (channel == null) {
            throw new IllegalStateException("No address configured for " + service + ": call builder().address(" + service + ", ...)");
        }
        return channel;
    }

    @Override
    public void close() {
        Channels.close(channels.values());
    }

    public static final class Builder {

        private final Map<LiveComplyService, String> addresses = new EnumMap<>(LiveComplyService.class);
        private final Map<LiveComplyService, Supplier<? extends ManagedChannelBuilder<?>>> channelBuilders =
                new EnumMap<>(LiveComplyService.class);
        private Supplier<String> tokens;
        private Duration deadline = Duration.ofSeconds(10);
        private boolean plaintext;
        private Map<String, ?> serviceConfig = ServiceConfig.shipped();

        private Builder() {
        }

        /** The gRPC target of one service: {@code host:port}, {@code dns:///host:port}, ... */
        public Builder address(LiveComplyService service, String target) {
            addresses.put(Objects.requireNonNull(service, "service"), requireText(target, "target"));
            channelBuilders.remove(service);
            return this;
        }

        /**
         * The channel of {@code service} from a builder of the caller's instead of an address, e.g. an in-process
         * channel to {@link org.livecomply.sdk.testing.LiveComplyFakes}. The client still adds the service config,
         * retries and request ids; the builder's own transport security applies ({@link #usePlaintext} does not).
         */
        public Builder channel(LiveComplyService service, Supplier<? extends ManagedChannelBuilder<?>> channelBuilder) {
            channelBuilders.put(Objects.requireNonNull(service, "service"), Objects.requireNonNull(channelBuilder, "channelBuilder"));
            addresses.remove(service);
            return this;
        }

        /** Every service on {@code host} at its default port, in plaintext: the dev run ({@code ./livecomply-dev}). */
        public Builder devRun(String host, int portOffset) {
            for (LiveComplyService service : LiveComplyService.values()) {
                address(service, host + ":" + (service.defaultPort() + portOffset));
            }
            return usePlaintext();
        }

        /** Asked for a bearer token on every call: hand in a cache that refreshes before expiry. */
        public Builder tokens(Supplier<String> tokens) {
            this.tokens = Objects.requireNonNull(tokens, "tokens");
            return this;
        }

        public Builder token(String token) {
            String fixed = requireText(token, "token");
            return tokens(() -> fixed);
        }

        /** The deadline each stub gets when it is handed out; 10 s by default. */
        public Builder deadline(Duration deadline) {
            if (deadline == null || deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("deadline must be positive");
            }
            this.deadline = deadline;
            return this;
        }

        /** No TLS: only for the dev run or a mesh that encrypts for you. TLS with the system trust store otherwise. */
        public Builder usePlaintext() {
            this.plaintext = true;
            return this;
        }

        /** Replaces the shipped service config (a JSON object as maps, lists, strings and doubles). */
        public Builder serviceConfig(Map<String, ?> serviceConfig) {
            this.serviceConfig = Objects.requireNonNull(serviceConfig, "serviceConfig");
            return this;
        }

        public LiveComplyClient build() {
            if (addresses.isEmpty() && channelBuilders.isEmpty()) {
                throw new IllegalStateException("no service address configured");
            }
            if (tokens == null) {
                throw new IllegalStateException("no token provider configured: tokens(...) or token(...)");
            }
            ChannelCredentials transport = plaintext ? InsecureChannelCredentials.create() : TlsChannelCredentials.create();
            Map<LiveComplyService, ManagedChannel> channels = new EnumMap<>(LiveComplyService.class);
            addresses.forEach((service, target) -> channels.put(service, configure(Grpc.newChannelBuilder(target, transport))));
            channelBuilders.forEach((service, builder) -> channels.put(service, configure(builder.get())));
            return new LiveComplyClient(channels, BearerToken.from(tokens), deadline);
        }

        private ManagedChannel configure(ManagedChannelBuilder<?> builder) {
            return ReconnectOnUnavailable.build(builder.defaultServiceConfig(serviceConfig)
                    .enableRetry()
                    .intercept(new RequestIdInterceptor()));
        }

        private static String requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value.trim();
        }
    }
}
