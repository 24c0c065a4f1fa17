package org.livecomply.commons.client;

import io.grpc.CallCredentials;
import io.grpc.Channel;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.AbstractStub;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.livecomply.commons.auth.AuthConfiguration;
import org.livecomply.commons.grpc.ServiceName;

/**
 * gRPC stubs for the services this one calls (only along the DAG of ARCHITECTURE.md). One channel per
 * dependency, opened on first use; each stub carries the dependency's bearer token and a fresh deadline.
 * Transient UNAVAILABLE answers are retried by the channel within that deadline (every mutating RPC of the
 * suite carries a request_id, so a retry cannot apply a change twice). Configuration errors fail the start.
 */
@Singleton
public class ServiceClients implements AutoCloseable {

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Map<String, Object> RETRY_SERVICE_CONFIG = Map.of("methodConfig", List.of(Map.of(
            "name", List.of(Map.of()),
            "retryPolicy", Map.of(
                    "maxAttempts", 3.0,
                    "initialBackoff", "0.05s",
                    "maxBackoff", "0.5s",
                    "backoffMultiplier", 2.0,
                    "retryableStatusCodes", List.of("UNAVAILABLE")))));

    private final Map<String, ClientConfiguration> clients = new ConcurrentHashMap<>();
    private final Map<String, ServiceTokens> tokens = new ConcurrentHashMap<>();
    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

    public ServiceClients(List<ClientConfiguration> configured, AuthConfiguration auth, ServiceName serviceName) {
        for (ClientConfiguration client : configured) {
            if (client.getAddress() == null || client.getAddress().isBlank()) {
                throw new IllegalStateException("livecomply.clients." + client.getDependency() + ".address is not set (LIVECOMPLY_CLIENTS_"
                        + ServiceTokens.envName(client.getDependency()) + "_ADDRESS)");
            }
            clients.put(client.getDependency(), client);
            tokens.put(client.getDependency(), ServiceTokens.of(client, auth.hs256Secret(), serviceName.name() + "-service", Clock.systemUTC()));
        }
    }

    /** A stub of {@code dependency} with credentials and the configured deadline, e.g. {@code stub("identity", IdentityServiceGrpc::newBlockingStub)}. */
    public <S extends AbstractStub<S>> S stub(String dependency, Function<Channel, S> newStub) {
        ClientConfiguration client = configuration(dependency);
        return newStub.apply(channel(client))
                .withCallCredentials(new BearerCredentials(tokens.get(dependency)))
                .withDeadlineAfter(client.getDeadline().toNanos(), TimeUnit.NANOSECONDS);
    }

    public ClientConfiguration configuration(String dependency) {
        ClientConfiguration client = clients.get(dependency);
        if (client == null) {
            throw new IllegalStateException("No client configured for " + dependency + " (livecomply.clients." + dependency + ".address)");
        }
        return client;
    }

    private ManagedChannel channel(ClientConfiguration client) {
        return channels.computeIfAbsent(client.getDependency(), name -> Grpc
                .newChannelBuilder(client.getAddress(), InsecureChannelCredentials.create())
                .defaultServiceConfig(RETRY_SERVICE_CONFIG)
                .enableRetry()
                .build());
    }

    @PreDestroy
    @Override
    public void close() {
        channels.values().forEach(ManagedChannel::shutdown);
        for (ManagedChannel channel : channels.values()) {
            try {
                if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                    channel.shutdownNow();
                }
            } catch (InterruptedException e) {
                channel.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        channels.clear();
    }

    private static final class BearerCredentials extends CallCredentials {

        private final ServiceTokens tokens;

        private BearerCredentials(ServiceTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
            try {
                Metadata headers = new Metadata();
                headers.put(AUTHORIZATION, "Bearer " + tokens.current());
                applier.apply(headers);
            } catch (RuntimeException e) {
                applier.fail(Status.UNAUTHENTICATED.withDescription("could not obtain a service token").withCause(e));
            }
        }
    }
}
