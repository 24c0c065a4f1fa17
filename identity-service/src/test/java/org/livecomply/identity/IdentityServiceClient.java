package org.livecomply.identity;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.livecomply.api.identity.v1.IdentityServiceGrpc;
import org.livecomply.commons.auth.TokenMinter;
import org.livecomply.sdk.BearerToken;
import org.livecomply.sdk.RequestIdInterceptor;

/** A real network channel to the service under test, with tokens minted like a platform's issuer would. */
final class IdentityServiceClient implements AutoCloseable {

    static final String SECRET = "test-secret-for-identity-service-tests-only-0123456789";

    private final ManagedChannel channel;
    private final Clock clock;

    /** Tokens are minted at the service's (test) clock time, so they stay valid while a test moves it. */
    IdentityServiceClient(GrpcEmbeddedServer server, Clock clock) {
        this.channel = ManagedChannelBuilder.forAddress("localhost", server.getPort()).usePlaintext()
                .intercept(new RequestIdInterceptor()).build();
        this.clock = clock;
    }

    ManagedChannel channel() {
        return channel;
    }

    String token(String... scopes) {
        return TokenMinter.mintHs256(SECRET, "platform-test", List.of(scopes), clock.instant(), Duration.ofHours(1));
    }

    IdentityServiceGrpc.IdentityServiceBlockingStub as(String... scopes) {
        return IdentityServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(token(scopes)));
    }

    IdentityServiceGrpc.IdentityServiceBlockingStub anonymous() {
        return IdentityServiceGrpc.newBlockingStub(channel);
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}
