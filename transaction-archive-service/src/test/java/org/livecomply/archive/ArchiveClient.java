package org.livecomply.archive;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.livecomply.api.archive.v1.AppendRecordResponse;
import org.livecomply.api.archive.v1.AppendRecordsRequest;
import org.livecomply.api.archive.v1.AppendRecordsResponse;
import org.livecomply.api.archive.v1.TransactionArchiveServiceGrpc;
import org.livecomply.api.archive.v1.TransactionRecord;
import org.livecomply.commons.auth.TokenMinter;
import org.livecomply.sdk.BearerToken;

/** A real network channel to the service under test, with tokens minted like a platform's issuer would. */
final class ArchiveClient implements AutoCloseable {

    static final String SECRET = "test-secret-for-archive-service-tests-only-0123456789";
    static final String APPEND = "archive.append";
    static final String READ = "archive.read";

    private final ManagedChannel channel;

    ArchiveClient(GrpcEmbeddedServer server) {
        this.channel = ManagedChannelBuilder.forAddress("localhost", server.getPort()).usePlaintext().build();
    }

    ManagedChannel channel() {
        return channel;
    }

    static String token(String... scopes) {
        return TokenMinter.mintHs256(SECRET, "platform-test", List.of(scopes), TestClock.NOW, Duration.ofHours(1));
    }

    TransactionArchiveServiceGrpc.TransactionArchiveServiceBlockingStub as(String... scopes) {
        return TransactionArchiveServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(token(scopes)));
    }

    TransactionArchiveServiceGrpc.TransactionArchiveServiceBlockingStub anonymous() {
        return TransactionArchiveServiceGrpc.newBlockingStub(channel);
    }

    AppendRecordResponse append(TransactionRecord record) {
        return as(APPEND).appendRecord(org.livecomply.api.archive.v1.AppendRecordRequest.newBuilder().setRecord(record).build());
    }

    /** Streams {@code batches} through AppendRecords and waits for the one response (or the error). */
    AppendRecordsResponse appendStream(List<List<TransactionRecord>> batches, String... scopes) throws Exception {
        CompletableFuture<AppendRecordsResponse> done = new CompletableFuture<>();
        StreamObserver<AppendRecordsRequest> requests = TransactionArchiveServiceGrpc.newStub(channel)
                .withCallCredentials(BearerToken.of(token(scopes.length == 0 ? new String[] {APPEND} : scopes)))
                .appendRecords(new StreamObserver<>() {
                    @Override
                    public void onNext(AppendRecordsResponse value) {
                        done.complete(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                        done.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                        done.complete(null);
                    }
                });
        for (List<TransactionRecord> batch : batches) {
            requests.onNext(AppendRecordsRequest.newBuilder().addAllRecords(batch).build());
        }
        requests.onCompleted();
        try {
            return done.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}
