package org.livecomply.commons.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.context.annotation.Context;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a compact JWS: the algorithm is the one configured (never "none", never the other one), the
 * signature, {@code exp} (required), {@code nbf}, and issuer/audience when configured.
 * A token that verified is remembered (at most {@value #MAX_REMEMBERED} of up to {@value #MAX_REMEMBERED_LENGTH}
 * characters): a service-to-service token is sent with every call until it expires, and parsing and checking
 * its signature each time was a measurable share of a call's CPU. Only the signature, issuer and audience checks are skipped for a remembered token; its times are
 * checked on every call.
 */
@Context
public class TokenVerifier {

    public static final String TOKEN_INVALID = "TOKEN_INVALID";
    public static final String TOKEN_EXPIRED = "TOKEN_EXPIRED";
    static final int MIN_HS256_SECRET_BYTES = 32;
    static final int MAX_REMEMBERED = 4096;
    static final int MAX_REMEMBERED_LENGTH = 2048;
    private static final Pattern PEM_BLOCK = Pattern.compile("-----BEGIN PUBLIC KEY-----(.*?)-----END PUBLIC KEY-----", Pattern.DOTALL);

    private final AuthConfiguration config;
    private final Clock clock;
    private final JWSAlgorithm algorithm;
    private final List<JWSVerifier> verifiers;
    private final Map<String, Verified> remembered = new ConcurrentHashMap<>();

    /** A token whose signature, issuer and audience checked out; its times are checked again on each use. */
    private record Verified(Caller caller, Instant expiry, Instant notBefore) {
    }

    public TokenVerifier(AuthConfiguration config, Clock clock) {
        this.config = config;
        this.clock = clock;
        boolean hasSecret = config.hs256Secret() != null && !config.hs256Secret().isBlank();
        boolean hasPublicKey = config.rs256PublicKey() != null && !config.rs256PublicKey().isBlank();
        if (hasSecret == hasPublicKey) {
            throw new ConfigurationException("Set exactly one of LIVECOMPLY_AUTH_HS256_SECRET or LIVECOMPLY_AUTH_RS256_PUBLIC_KEY");
        }
        try {
            if (hasSecret) {
                this.algorithm = JWSAlgorithm.HS256;
                List<JWSVerifier> macs = new ArrayList<>(List.of(macVerifier(config.hs256Secret(), "LIVECOMPLY_AUTH_HS256_SECRET")));
                if (config.hs256PreviousSecret() != null && !config.hs256PreviousSecret().isBlank()) {
                    macs.add(macVerifier(config.hs256PreviousSecret(), "LIVECOMPLY_AUTH_HS256_PREVIOUS_SECRET"));
                }
                this.verifiers = List.copyOf(macs);
            } else {
                this.algorithm = JWSAlgorithm.RS256;
                List<JWSVerifier> rsas = new ArrayList<>();
                for (RSAPublicKey key : parsePublicKeys(config.rs256PublicKey())) {
                    rsas.add(new RSASSAVerifier(key));
                }
                this.verifiers = List.copyOf(rsas);
            }
        } catch (JOSEException e) {
            throw new ConfigurationException("Unusable JWT verification key: " + e.getMessage(), e);
        }
    }

    public Caller verify(String token) throws AuthenticationException {
        Verified known = remembered.get(token);
        if (known != null) {
            checkTimes(known.expiry(), known.notBefore());
            return known.caller();
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AuthenticationException(TOKEN_INVALID, "Bearer token is not a well-formed JWT");
        }
        if (!algorithm.equals(jwt.getHeader().getAlgorithm())) {
            throw new AuthenticationException(TOKEN_INVALID, "Bearer token must be signed with " + algorithm);
        }
        if (!verifiesWithAnyKey(jwt)) {
            throw new AuthenticationException(TOKEN_INVALID, "Bearer token signature does not verify");
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null) {
            throw new AuthenticationException(TOKEN_INVALID, "Bearer token has no expiry (exp)");
        }
        Instant notBefore = claims.getNotBeforeTime() == null ? null : claims.getNotBeforeTime().toInstant();
        checkTimes(expiry.toInstant(), notBefore);
        checkIssuerAndAudience(claims);
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new AuthenticationException(TOKEN_INVALID, "Bearer token has no subject");
        }
        Caller caller = new Caller(subject, scopes(claims));
        remember(token, new Verified(caller, expiry.toInstant(), notBefore));
        return caller;
    }

    /** How many tokens are remembered now. */
    int rememberedCount() {
        return remembered.size();
    }

    /**
     * Bounded by forgetting everything when full (tokens are then verified again, never trusted longer than their
     * times allow) and by skipping unusually long tokens, so the memory stays under about 8 MiB.
     */
    private void remember(String token, Verified verified) {
        if (token.length() > MAX_REMEMBERED_LENGTH) {
            return;
        }
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(token, verified);
    }

    private boolean verifiesWithAnyKey(SignedJWT jwt) {
        for (JWSVerifier verifier : verifiers) {
            try {
                if (jwt.verify(verifier)) {
                    return true;
                }
            } catch (JOSEException e) {
                // not this key
            }
        }
        return false;
    }

    private static JWSVerifier macVerifier(String secret, String variable) throws JOSEException {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_HS256_SECRET_BYTES) {
            throw new ConfigurationException(variable + " must be at least 32 bytes");
        }
        return new MACVerifier(bytes);
    }

    private void checkTimes(Instant expiry, Instant notBefore) throws AuthenticationException {
        Instant now = clock.instant();
        if (now.minus(config.clockSkew()).isAfter(expiry)) {
            throw new AuthenticationException(TOKEN_EXPIRED, "Bearer token expired at " + expiry);
        }
        if (notBefore != null && now.plus(config.clockSkew()).isBefore(notBefore)) {
            throw new AuthenticationException(TOKEN_INVALID, "Bearer token is not valid before " + notBefore);
        }
    }

    private void checkIssuerAndAudience(JWTClaimsSet claims) throws AuthenticationException {
        if (config.issuer() != null && !config.issuer().isBlank() && !config.issuer().equals(claims.getIssuer())) {
            throw new AuthenticationException(TOKEN_INVALID, "Bearer token issuer is not accepted");
        }
        if (config.audience() != null && !config.audience().isBlank()
                && (claims.getAudience() == null || !claims.getAudience().contains(config.audience()))) {
            throw new AuthenticationException(TOKEN_INVALID, "Bearer token audience is not accepted");
        }
    }

    private static Set<String> scopes(JWTClaimsSet claims) throws AuthenticationException {
        Object scope = claims.getClaim("scope");
        if (scope == null) {
            return Set.of();
        }
        if (!(scope instanceof String text)) {
            throw new AuthenticationException(TOKEN_INVALID, "Bearer token scope claim must be a space-separated string");
        }
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(text.trim().split("\\s+")));
        scopes.remove("");
        return scopes;
    }

    /** Every {@code PUBLIC KEY} block of the value (one key, or old and new during a rotation). */
    private static List<RSAPublicKey> parsePublicKeys(String pem) {
        Matcher blocks = PEM_BLOCK.matcher(pem);
        List<RSAPublicKey> keys = new ArrayList<>();
        while (blocks.find()) {
            keys.add(parsePublicKey(blocks.group(1)));
        }
        if (keys.isEmpty()) {
            keys.add(parsePublicKey(pem)); // bare base64 without the PEM armour
        }
        return keys;
    }

    private static RSAPublicKey parsePublicKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (Exception e) {
            throw new ConfigurationException("LIVECOMPLY_AUTH_RS256_PUBLIC_KEY is not an RSA public key in PEM (X.509 SubjectPublicKeyInfo)", e);
        }
    }
}
