package org.livecomply.commons.auth;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * How bearer tokens are checked: an HS256 shared secret ({@code LIVECOMPLY_AUTH_HS256_SECRET}, at least
 * 32 bytes) or RS256 public keys in PEM ({@code LIVECOMPLY_AUTH_RS256_PUBLIC_KEY}); optional issuer
 * ({@code LIVECOMPLY_AUTH_ISSUER}) and audience ({@code LIVECOMPLY_AUTH_AUDIENCE}); the allowed clock skew.
 * Rotation without downtime: the PEM value may hold several public keys (a token verifies against any),
 * and {@code LIVECOMPLY_AUTH_HS256_PREVIOUS_SECRET} is still accepted for verification while tokens
 * signed with it expire (new tokens, including service tokens, are signed with the current secret).
 */
@Singleton
public record AuthConfiguration(
        @Nullable @Value("${livecomply.auth.hs256-secret:}") String hs256Secret,
        @Nullable @Value("${livecomply.auth.rs256-public-key:}") String rs256PublicKey,
        @Nullable @Value("${livecomply.auth.issuer:}") String issuer,
        @Nullable @Value("${livecomply.auth.audience:}") String audience,
        @Value("${livecomply.auth.clock-skew:30s}") Duration clockSkew,
        @Nullable @Value("${livecomply.auth.hs256-previous-secret:}") String hs256PreviousSecret) {

    @Creator
    public AuthConfiguration {
    }

    public AuthConfiguration(String hs256Secret, String rs256PublicKey, String issuer, String audience, Duration clockSkew) {
        this(hs256Secret, rs256PublicKey, issuer, audience, clockSkew, null);
    }

    /** HS256 with a secret, nothing else set. */
    public static AuthConfiguration hs256(String secret) {
        return new AuthConfiguration(secret, null, null, null, Duration.ofSeconds(30));
    }

    /** RS256 with PEM public keys, nothing else set. */
    public static AuthConfiguration rs256(String publicKeyPem) {
        return new AuthConfiguration(null, publicKeyPem, null, null, Duration.ofSeconds(30));
    }
}
