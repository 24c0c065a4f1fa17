package org.livecomply.training;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.livecomply.api.training.v1.TrainingReportServiceGrpc;
import org.livecomply.api.training.v1.TrainingServiceGrpc;
import org.livecomply.commons.auth.TokenMinter;
import org.livecomply.sdk.BearerToken;
import org.livecomply.sdk.RequestIdInterceptor;

/** A real network channel to the training service under test, with tokens minted like a platform's issuer would. */
final class TrainingServiceClient implements AutoCloseable {

    static final String SECRET = "test-secret-for-training-service-tests-only-0123456789";
    static final String READ = "training.read";
    static final String WRITE = "training.write";
    static final String ADMIN = "training.admin";
    static final String REPORTS = "reports.export";

    private final ManagedChannel channel;
    private final Clock clock;

    /** Tokens are minted at the service's (test) clock time, so they stay valid while a test moves it. */
    TrainingServiceClient(GrpcEmbeddedServer server, Clock clock) {
        this.channel = ManagedChannelBuilder.forAddress("localhost", server.getPort()).usePlaintext()
                .intercept(new RequestIdInterceptor()).build();
        this.clock = clock;
    }

    String token(String... scopes) {
        return TokenMinter.mintHs256(SECRET, "platform-test", List.of(scopes), clock.instant(), Duration.ofHours(1));
    }

    TrainingServiceGrpc.TrainingServiceBlockingStub as(String... scopes) {
        return TrainingServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(token(scopes)));
    }

    TrainingServiceGrpc.TrainingServiceBlockingStub anonymous() {
        return TrainingServiceGrpc.newBlockingStub(channel);
    }

    TrainingReportServiceGrpc.TrainingReportServiceBlockingStub reports(String... scopes) {
        return TrainingReportServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(token(scopes)));
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}
