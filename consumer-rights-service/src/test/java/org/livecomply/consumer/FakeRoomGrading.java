package org.livecomply.consumer;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.livecomply.api.grading.v1.RecordVerifiedComplaintRequest;
import org.livecomply.api.grading.v1.RoomGradingServiceGrpc;
import org.livecomply.api.grading.v1.VerifiedComplaint;

/**
 * A real gRPC server implementing room-grading's RecordVerifiedComplaint as its contract says (idempotent on
 * complaint_id, ALREADY_EXISTS for the same id with other content), on a fixed port that can be down and up.
 * Stands in for room-grading-service only until that module builds; then the outbox test should start it
 * as a ServiceProcess instead.
 */
final class FakeRoomGrading implements AutoCloseable {

    final int port = freePort();
    final Map<String, VerifiedComplaint> recorded = new ConcurrentHashMap<>();
    final AtomicInteger calls = new AtomicInteger();
    final Map<String, AtomicInteger> callsPerComplaint = new ConcurrentHashMap<>();
    private Server server;

    synchronized void start() {
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port)).addService(new RoomGradingServiceGrpc.RoomGradingServiceImplBase() {
                @Override
                public void recordVerifiedComplaint(RecordVerifiedComplaintRequest request, StreamObserver<VerifiedComplaint> response) {
                    calls.incrementAndGet();
                    callsPerComplaint.computeIfAbsent(request.getVerifiedComplaint().getComplaintId(), id -> new AtomicInteger()).incrementAndGet();
                    VerifiedComplaint stored = request.getVerifiedComplaint().toBuilder()
                            .setName(request.getParent() + "/verifiedComplaints/" + request.getVerifiedComplaint().getComplaintId()).build();
                    VerifiedComplaint first = recorded.putIfAbsent(request.getVerifiedComplaint().getComplaintId(), stored);
                    if (first != null && !first.equals(stored)) {
                        response.onError(Status.ALREADY_EXISTS.withDescription("other content").asRuntimeException());
                        return;
                    }
                    response.onNext(first == null ? stored : first);
                    response.onCompleted();
                }
            }).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void stop() throws InterruptedException {
        if (server != null) {
            server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
            server = null;
        }
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
