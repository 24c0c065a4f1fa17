package org.livecomply.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.livecomply.api.identity.v1.CreateRoomOperatorRequest;
import org.livecomply.api.identity.v1.GetRoomOperatorRequest;
import org.livecomply.api.identity.v1.IdentityServiceGrpc;
import org.livecomply.api.identity.v1.RoomOperator;

/** The client facade against a real gRPC server over TCP: retries, request ids, credentials, deadlines. */
class LiveComplyClientTest {

    private final List<String> requestIds = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToInject = new AtomicInteger();
    private volatile Status injected = Status.UNAVAILABLE;
    private volatile long delayMillis;
    private Server server;
    private LiveComplyClient client;

    @BeforeEach
    void start() throws Exception {
        IdentityServiceGrpc.IdentityServiceImplBase identity = new IdentityServiceGrpc.IdentityServiceImplBase() {
            @Override
            public void createRoomOperator(CreateRoomOperatorRequest request, StreamObserver<RoomOperator> response) {
                requestIds.add(request.getRequestId());
                if (failuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    response.onError(injected.withDescription("injected").asRuntimeException());
                    return;
                }
                response.onNext(RoomOperator.newBuilder().setName("roomOperators/created").build());
                response.onCompleted();
            }

            @Override
            public void getRoomOperator(GetRoomOperatorRequest request, StreamObserver<RoomOperator> response) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                response.onNext(RoomOperator.newBuilder().setName(request.getName()).build());
                response.onCompleted();
            }
        };
        ServerInterceptor headers = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata metadata, ServerCallHandler<Q, R> next) {
                authorizations.add(String.valueOf(metadata.get(BearerToken.AUTHORIZATION)));
                return next.startCall(call, metadata);
            }
        };
        server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                .addService(ServerInterceptors.intercept(identity, headers)).build().start();
        client = LiveComplyClient.builder()
                .address(LiveComplyService.IDENTITY, "127.0.0.1:" + server.getPort())
                .usePlaintext()
                .token("platform-token")
                .deadline(Duration.ofSeconds(5))
                .build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void aMutatingCallGetsOneRequestIdThatEveryRetryKeeps() {
        failuresToInject.set(2);

        RoomOperator created = client.identity().createRoomOperator(CreateRoomOperatorRequest.getDefaultInstance());

        assertEquals("roomOperators/created", created.getName());
        assertEquals(3, requestIds.size(), "two UNAVAILABLE answers, then success");
        assertFalse(requestIds.get(0).isEmpty());
        assertEquals(1, requestIds.stream().distinct().count(), "a retry must resend the same request_id: " + requestIds);
        assertTrue(authorizations.stream().allMatch("Bearer platform-token"::equals), authorizations.toString());
    }

    @Test
    void aRequestIdTheCallerChoseIsKept() {
        client.identity().createRoomOperator(CreateRoomOperatorRequest.newBuilder().setRequestId("platform-order-42").build());

        assertEquals(List.of("platform-order-42"), requestIds);
    }

    @Test
    void anAnswerAboutTheRequestIsNotRetried() {
        failuresToInject.set(1);
        injected = Status.INVALID_ARGUMENT;

        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> client.identity().createRoomOperator(CreateRoomOperatorRequest.getDefaultInstance()));

        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
        assertEquals(1, requestIds.size());
    }

    @Test
    void aStubCarriesTheDefaultDeadlineAndAnotherOnRequest() {
        delayMillis = 600;
        GetRoomOperatorRequest request = GetRoomOperatorRequest.newBuilder().setName("roomOperators/a").build();

        StatusRuntimeException late = assertThrows(StatusRuntimeException.class,
                () -> LiveComplyClient.withDeadline(client.identity(), Duration.ofMillis(100)).getRoomOperator(request));
        assertEquals(Status.Code.DEADLINE_EXCEEDED, late.getStatus().getCode());

        assertEquals("roomOperators/a", client.identity().getRoomOperator(request).getName());
    }

    @Test
    void aServiceWithoutAddressIsAClearError() {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> client.archive());

        assertTrue(missing.getMessage().contains("ARCHIVE"), missing.getMessage());
    }

    @Test
    void theBuilderRefusesAnIncompleteClient() {
        assertThrows(IllegalStateException.class, () -> LiveComplyClient.builder().token("t").build());
        assertThrows(IllegalStateException.class,
                () -> LiveComplyClient.builder().address(LiveComplyService.IDENTITY, "127.0.0.1:1").build());
        assertThrows(IllegalArgumentException.class, () -> LiveComplyClient.builder().deadline(Duration.ZERO));
    }

    @Test
    void theShippedServiceConfigRetriesUnavailableOnly() {
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, Object>> methods = (List<java.util.Map<String, Object>>) ServiceConfig.shipped().get("methodConfig");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> retry = (java.util.Map<String, Object>) methods.get(0).get("retryPolicy");

        assertEquals(List.of("UNAVAILABLE"), retry.get("retryableStatusCodes"));
        assertEquals(4.0, retry.get("maxAttempts"));
    }
}
