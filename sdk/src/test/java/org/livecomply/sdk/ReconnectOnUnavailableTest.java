package org.livecomply.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.livecomply.api.identity.v1.GetRoomOperatorRequest;
import org.livecomply.api.identity.v1.IdentityServiceGrpc;
import org.livecomply.api.identity.v1.RoomOperator;

/**
 * A service that was down for a while is reached again at once when it is back: gRPC's reconnect backoff (1 s growing
 * to 2 min) would otherwise keep failing calls for seconds to minutes after the restart.
 */
class ReconnectOnUnavailableTest {

    private static final GetRoomOperatorRequest REQUEST = GetRoomOperatorRequest.newBuilder().setName("roomOperators/a").build();

    @Test
    void theFirstCallAfterARestartFailsAtMostOnceThenTheChannelReconnectsAtOnce() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Server server = start(port);
        ManagedChannel channel = ReconnectOnUnavailable.build(Grpc.newChannelBuilder("127.0.0.1:" + port, InsecureChannelCredentials.create())
                .defaultServiceConfig(ServiceConfig.shipped()).enableRetry());
        try {
            assertEquals("roomOperators/a", call(channel).getName());
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            // Down for 6 s: the channel's reconnect backoff has grown to several seconds by now.
            long downUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
            while (System.nanoTime() < downUntil) {
                assertEquals(Status.Code.UNAVAILABLE, assertThrows(StatusRuntimeException.class, () -> call(channel)).getStatus().getCode());
                Thread.sleep(1_500);
            }
            server = start(port);
            long back = System.nanoTime();
            int failures = 0;
            while (true) {
                try {
                    call(channel);
                    break;
                } catch (StatusRuntimeException e) {
                    assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
                    failures++;
                }
                if (failures > 1) {
                    throw new AssertionError("still unreachable " + (System.nanoTime() - back) / 1_000_000 + " ms after the restart");
                }
            }
        } finally {
            channel.shutdownNow();
            server.shutdownNow();
        }
    }

    private static RoomOperator call(ManagedChannel channel) {
        return IdentityServiceGrpc.newBlockingStub(channel).withDeadlineAfter(2, TimeUnit.SECONDS).getRoomOperator(REQUEST);
    }

    private static Server start(int port) throws IOException {
        return Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create()).addService(new IdentityServiceGrpc.IdentityServiceImplBase() {
            @Override
            public void getRoomOperator(GetRoomOperatorRequest request, StreamObserver<RoomOperator> response) {
                response.onNext(RoomOperator.newBuilder().setName(request.getName()).build());
                response.onCompleted();
            }
        }).build().start();
    }
}
