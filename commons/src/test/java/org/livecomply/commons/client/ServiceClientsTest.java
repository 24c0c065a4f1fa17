package org.livecomply.commons.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.services.HealthStatusManager;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.livecomply.commons.auth.AuthConfiguration;
import org.livecomply.commons.auth.Caller;
import org.livecomply.commons.auth.TokenVerifier;
import org.livecomply.commons.error.DependencyUnavailableException;
import org.livecomply.commons.grpc.ServiceName;

/** Calls a real gRPC server (the standard health service) through the client plumbing. */
class ServiceClientsTest {

    private static final String SECRET = "service-clients-test-secret-0123456789abcdef";

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToInject = new AtomicInteger();
    private volatile long delayMillis;
    private Server server;
    private ServiceClients clients;

    @BeforeEach
    void startServer() throws Exception {
        HealthStatusManager health = new HealthStatusManager();
        health.setStatus("known", HealthCheckResponse.ServingStatus.SERVING);
        server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                .addService(ServerInterceptors.intercept(health.getHealthService(), new Recorder()))
                .build().start();
    }

    @AfterEach
    void stop() throws Exception {
        if (clients != null) {
            clients.close();
        }
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void mintsAServiceTokenWithTheConfiguredScopes() throws Exception {
        clients = clients(client("identity", "127.0.0.1:" + server.getPort(), null, List.of("identity.read")));

        HealthCheckResponse answer = DependencyCalls.call("identity", () -> health().check(request("known")));

        assertEquals(HealthCheckResponse.ServingStatus.SERVING, answer.getStatus());
        Caller caller = new TokenVerifier(AuthConfiguration.hs256(SECRET), Clock.systemUTC()).verify(bearer(authorizations.get(0)));
        assertEquals("training-service", caller.subject());
        assertTrue(caller.hasScope("identity.read"));
    }

    @Test
    void aConfiguredStaticTokenIsSentAsIs() {
        clients = new ServiceClients(List.of(client("identity", "127.0.0.1:" + server.getPort(), "static-token-from-a-secret", List.of())),
                new AuthConfiguration(null, null, null, null, Duration.ofSeconds(30)), new ServiceName("training"));

        health().check(request("known"));

        assertEquals(List.of("Bearer static-token-from-a-secret"), authorizations);
    }

    @Test
    void anAnswerAboutTheRequestIsPassedOnToTheCaller() {
        clients = clients(client("identity", "127.0.0.1:" + server.getPort(), null, List.of("identity.read")));

        StatusRuntimeException notFound = assertThrows(StatusRuntimeException.class,
                () -> DependencyCalls.call("identity", () -> health().check(request("unknown"))));

        assertEquals(Status.Code.NOT_FOUND, notFound.getStatus().getCode());
    }

    @Test
    void aClosedPortIsADependencyUnavailable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        clients = clients(client("identity", "127.0.0.1:" + closed, null, List.of("identity.read")));

        DependencyUnavailableException failure = assertThrows(DependencyUnavailableException.class,
                () -> DependencyCalls.call("identity", () -> health().check(request("known"))));

        assertEquals("identity", failure.metadata().get("dependency"));
    }

    @Test
    void aSlowDependencyHitsTheDeadlineAndIsUnavailable() {
        ClientConfiguration identity = client("identity", "127.0.0.1:" + server.getPort(), null, List.of("identity.read"));
        identity.setDeadline(Duration.ofMillis(200));
        clients = clients(identity);
        delayMillis = 1_000;

        assertThrows(DependencyUnavailableException.class, () -> DependencyCalls.call("identity", () -> health().check(request("known"))));
    }

    @Test
    void aTransientUnavailableIsRetriedWithinTheDeadline() {
        clients = clients(client("identity", "127.0.0.1:" + server.getPort(), null, List.of("identity.read")));
        failuresToInject.set(2);

        HealthCheckResponse answer = DependencyCalls.call("identity", () -> health().check(request("known")));

        assertEquals(HealthCheckResponse.ServingStatus.SERVING, answer.getStatus());
        assertEquals(3, authorizations.size());
    }

    @Test
    void aClientWithoutAddressOrCredentialsFailsTheStart() {
        IllegalStateException noAddress = assertThrows(IllegalStateException.class,
                () -> clients(client("identity", " ", null, List.of("identity.read"))));
        assertTrue(noAddress.getMessage().contains("LIVECOMPLY_CLIENTS_IDENTITY_ADDRESS"), noAddress.getMessage());

        IllegalStateException noCredentials = assertThrows(IllegalStateException.class,
                () -> clients(client("room-grading", "127.0.0.1:1", null, List.of())));
        assertTrue(noCredentials.getMessage().contains("LIVECOMPLY_CLIENTS_ROOM_GRADING_TOKEN"), noCredentials.getMessage());
    }

    private HealthGrpc.HealthBlockingStub health() {
        return clients.stub("identity", HealthGrpc::newBlockingStub);
    }

    private static HealthCheckRequest request(String service) {
        return HealthCheckRequest.newBuilder().setService(service).build();
    }

    private static ServiceClients clients(ClientConfiguration client) {
        return new ServiceClients(List.of(client), AuthConfiguration.hs256(SECRET), new ServiceName("training"));
    }

    private static ClientConfiguration client(String dependency, String address, String token, List<String> scopes) {
        ClientConfiguration client = new ClientConfiguration(dependency);
        client.setAddress(address);
        client.setToken(token);
        client.setScopes(scopes);
        return client;
    }

    private static String bearer(String authorization) {
        return authorization.substring("Bearer ".length());
    }

    private final class Recorder implements ServerInterceptor {

        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            authorizations.add(headers.get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER)));
            if (failuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                call.close(Status.UNAVAILABLE.withDescription("injected"), new Metadata());
                return new ServerCall.Listener<>() { };
            }
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return next.startCall(call, headers);
        }
    }
}
