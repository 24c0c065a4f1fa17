package org.livecomply.commons.client;

import io.grpc.Channel;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.stub.AbstractStub;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.livecomply.commons.auth.AuthConfiguration;
import org.livecomply.commons.grpc.ServiceName;
import org.livecomply.sdk.BearerToken;
import org.livecomply.sdk.Channels;
import org.livecomply.sdk.ReconnectOnUnavailable;
import org.livecomply.sdk.ServiceConfig;

/**
 * gRPC stubs for the services this one calls (only along the DAG of ARCHITECTURE.md). One channel per
 * dependency, opened on first use; each stub carries the dependency's bearer token and a fresh deadline.
 * Transient UNAVAILABLE answers are retried by the channel within that deadline, with the SDK's shipped service
 * config (every mutating RPC of the suite carries a request_id, so a retry cannot apply a change twice).
 * Configuration errors fail the start.
 */
@Singleton
public class ServiceClients implements AutoCloseable {

    private static final Map<String, ?> SERVICE_CONFIG = ServiceConfig.shipped();

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
                .withCallCredentials(BearerToken.from(tokens.get(dependency)::current))
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
        return channels.computeIfAbsent(client.getDependency(), name -> ReconnectOnUnavailable.build(Grpc
                .newChannelBuilder(client.getAddress(), InsecureChannelCredentials.create())
                .defaultServiceConfig(SERVICE_CONFIG)
                .enableRetry()));
    }

    @PreDestroy
    @Override
    public void close() {
        Channels.close(channels.values());
        channels.clear();
    }

}
