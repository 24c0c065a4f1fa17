package org.livecomply.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.livecomply.api.identity.v1.CreateRoomOperatorRequest;
import org.livecomply.api.identity.v1.GetRoomOperatorRequest;
import org.livecomply.api.identity.v1.IdentityServiceGrpc;
import org.livecomply.api.identity.v1.RoomOperator;

/** The SDK's credentials and request ids over a real gRPC transport (in-process server). */
class SdkCallTest {

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> receivedRequestId = new AtomicReference<>();
    private Server server;
    private ManagedChannel channel;

    @BeforeEach
    void start() throws Exception {
        String name = InProcessServerBuilder.generateName();
        ServerInterceptor recordHeaders = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                authorizations.add(String.valueOf(headers.get(BearerToken.AUTHORIZATION)));
                return next.startCall(call, headers);
            }
        };
        IdentityServiceGrpc.IdentityServiceImplBase service = new IdentityServiceGrpc.IdentityServiceImplBase() {
            @Override
            public void createRoomOperator(CreateRoomOperatorRequest request, StreamObserver<RoomOperator> response) {
                receivedRequestId.set(request.getRequestId());
                response.onNext(RoomOperator.newBuilder().setName("roomOperators/x").build());
                response.onCompleted();
            }

            @Override
            public void getRoomOperator(GetRoomOperatorRequest request, StreamObserver<RoomOperator> response) {
                response.onNext(RoomOperator.newBuilder().setName(request.getName()).build());
                response.onCompleted();
            }
        };
        server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(ServerInterceptors.intercept(service, recordHeaders)).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().intercept(new RequestIdInterceptor()).build();
    }

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    @Test
    void bearerTokenIsSentOnEveryCallAndAskedAnewEachTime() {
        int[] calls = {0};
        IdentityServiceGrpc.IdentityServiceBlockingStub stub = IdentityServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(BearerToken.from(() -> "token-" + (++calls[0])));
        stub.getRoomOperator(GetRoomOperatorRequest.newBuilder().setName("roomOperators/a").build());
        stub.getRoomOperator(GetRoomOperatorRequest.newBuilder().setName("roomOperators/b").build());
        assertEquals(List.of("Bearer token-1", "Bearer token-2"), authorizations);
    }

    @Test
    void aProviderWithoutTokenFailsTheCallBeforeItLeaves() {
        IdentityServiceGrpc.IdentityServiceBlockingStub stub = IdentityServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(BearerToken.from(() -> ""));
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> stub.getRoomOperator(GetRoomOperatorRequest.newBuilder().setName("roomOperators/a").build()));
        assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
        assertTrue(authorizations.isEmpty(), "the call must not reach the server");
    }

    @Test
    void anEmptyRequestIdIsFilledAndAGivenOneKept() {
        IdentityServiceGrpc.IdentityServiceBlockingStub stub = IdentityServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(BearerToken.of("t"));
        stub.createRoomOperator(CreateRoomOperatorRequest.getDefaultInstance());
        String generated = receivedRequestId.get();
        assertTrue(generated.matches("[0-9a-f-]{36}"), generated);

        stub.createRoomOperator(CreateRoomOperatorRequest.getDefaultInstance());
        assertNotEquals(generated, receivedRequestId.get(), "each new call gets a new id");

        stub.createRoomOperator(CreateRoomOperatorRequest.newBuilder().setRequestId("mine-1").build());
        assertEquals("mine-1", receivedRequestId.get());
    }

    @Test
    void messagesWithoutRequestIdPassUnchanged() {
        GetRoomOperatorRequest request = GetRoomOperatorRequest.newBuilder().setName("roomOperators/a").build();
        assertEquals(request, RequestIds.fill(request));
    }
}
