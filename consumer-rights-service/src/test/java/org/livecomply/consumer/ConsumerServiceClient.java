package org.livecomply.consumer;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.livecomply.api.consumer.v1.ConsumerReportServiceGrpc;
import org.livecomply.api.consumer.v1.ConsumerRightsServiceGrpc;
import org.livecomply.commons.auth.TokenMinter;
import org.livecomply.sdk.BearerToken;
import org.livecomply.sdk.RequestIdInterceptor;

/** A real network channel to the service under test, with tokens minted like a platform's issuer would. */
final class ConsumerServiceClient implements AutoCloseable {

    static final String SECRET = "test-secret-for-consumer-rights-tests-only-0123456789";

    private final ManagedChannel channel;
    private final Clock clock;

    /** Tokens are minted at the service's (test) clock time, so they stay valid while a test moves it. */
    ConsumerServiceClient(int port, Clock clock) {
        this.channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().intercept(new RequestIdInterceptor()).build();
        this.clock = clock;
    }

    String token(String... scopes) {
        return TokenMinter.mintHs256(SECRET, "platform-test", List.of(scopes), clock.instant(), Duration.ofHours(1));
    }

    ConsumerRightsServiceGrpc.ConsumerRightsServiceBlockingStub as(String... scopes) {
        return ConsumerRightsServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(token(scopes)));
    }

    ConsumerReportServiceGrpc.ConsumerReportServiceBlockingStub reportsAs(String... scopes) {
        return ConsumerReportServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(token(scopes)));
    }

    ConsumerRightsServiceGrpc.ConsumerRightsServiceBlockingStub anonymous() {
        return ConsumerRightsServiceGrpc.newBlockingStub(channel);
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}
