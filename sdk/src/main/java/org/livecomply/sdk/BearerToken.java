package org.livecomply.sdk;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.Status;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Call credentials that attach {@code authorization: Bearer <token>} to every call. The supplier is
 * asked on each call, so a platform can hand in a caching provider that refreshes tokens before expiry.
 */
public final class BearerToken extends CallCredentials {

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final Supplier<String> tokens;

    private BearerToken(Supplier<String> tokens) {
        this.tokens = tokens;
    }

    public static BearerToken of(String token) {
        Objects.requireNonNull(token, "token");
        return new BearerToken(() -> token);
    }

    public static BearerToken from(Supplier<String> tokens) {
        return new BearerToken(Objects.requireNonNull(tokens, "tokens"));
    }

    @Override
    public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
        appExecutor.execute(() -> {
            try {
                String token = tokens.get();
                if (token == null || token.isBlank()) {
                    applier.fail(Status.UNAUTHENTICATED.withDescription("the token provider returned no token"));
                    return;
                }
                Metadata headers = new Metadata();
                headers.put(AUTHORIZATION, "Bearer " + token);
                applier.apply(headers);
            } catch (RuntimeException e) {
                applier.fail(Status.UNAUTHENTICATED.withDescription("the token provider failed").withCause(e));
            }
        });
    }
}
