package org.livecomply.grading;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.livecomply.api.grading.v1.GradingReportServiceGrpc;
import org.livecomply.api.grading.v1.RoomGradingServiceGrpc;
import org.livecomply.commons.auth.TokenMinter;
import org.livecomply.sdk.BearerToken;
import org.livecomply.sdk.RequestIdInterceptor;

/** A real network channel to the service under test, with tokens minted like a platform's issuer would. */
final class GradingServiceClient implements AutoCloseable {

    static final String SECRET = "test-secret-for-grading-service-tests-only-0123456789";

    private final ManagedChannel channel;
    private final Clock clock;

    GradingServiceClient(int port, Clock clock) {
        this.channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().intercept(new RequestIdInterceptor()).build();
        this.clock = clock;
    }

    String token(String... scopes) {
        return TokenMinter.mintHs256(SECRET, "officer-test", List.of(scopes), clock.instant(), Duration.ofHours(1));
    }

    RoomGradingServiceGrpc.RoomGradingServiceBlockingStub as(String... scopes) {
        return RoomGradingServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(token(scopes)));
    }

    GradingReportServiceGrpc.GradingReportServiceBlockingStub reports(String... scopes) {
        return GradingReportServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(token(scopes)));
    }

    RoomGradingServiceGrpc.RoomGradingServiceBlockingStub anonymous() {
        return RoomGradingServiceGrpc.newBlockingStub(channel);
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}
