package org.livecomply.commons.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.UUID;

/**
 * Mints HS256 bearer tokens for the dev run, tests and people calling a service with buf curl or grpcurl:
 * <pre>java -cp livecomply-devrun-all.jar org.livecomply.commons.auth.TokenMinter \
 *     --secret "$LIVECOMPLY_AUTH_HS256_SECRET" --scopes "identity.read identity.write" [--subject dev] [--ttl PT8H]</pre>
 * Production tokens come from the platform's own issuer; this is a developer tool.
 */
public final class TokenMinter {

    private TokenMinter() {
    }

    public static String mintHs256(String secret, String subject, Collection<String> scopes, Instant now, Duration ttl) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < TokenVerifier.MIN_HS256_SECRET_BYTES) {
            throw new IllegalArgumentException("the HS256 secret must be at least 32 bytes");
        }
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim("scope", String.join(" ", scopes))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("HS256 signing failed", e);
        }
        return jwt.serialize();
    }

    public static void main(String[] args) {
        String secret = System.getenv("LIVECOMPLY_AUTH_HS256_SECRET");
        String subject = "dev";
        String scopes = null;
        Duration ttl = Duration.ofHours(8);
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--secret" -> secret = value;
                case "--subject" -> subject = value;
                case "--scopes" -> scopes = value;
                case "--ttl" -> ttl = Duration.parse(value);
                default -> usage("unknown argument " + args[i]);
            }
            i++;
        }
        if (secret == null || scopes == null) {
            usage("--scopes is required, and --secret unless LIVECOMPLY_AUTH_HS256_SECRET is set");
        }
        System.out.println(mintHs256(secret, subject, java.util.List.of(scopes.trim().split("\\s+")), Instant.now(), ttl));
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: TokenMinter --scopes \"a.read b.write\" [--secret S] [--subject NAME] [--ttl PT8H]");
        System.exit(2);
    }
}
