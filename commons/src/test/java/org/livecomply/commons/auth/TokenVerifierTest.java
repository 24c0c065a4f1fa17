package org.livecomply.commons.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.exceptions.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.livecomply.testsupport.MutableClock;

class TokenVerifierTest {

    static final String SECRET = "unit-test-hs256-secret-0123456789abcdef";
    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static KeyPair rsa;
    private static String rsaPublicPem;

    @BeforeAll
    static void generateRsaKeyPair() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        rsa = generator.generateKeyPair();
        rsaPublicPem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(rsa.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    static AuthConfiguration hs256(String secret) {
        return AuthConfiguration.hs256(secret);
    }

    private static AuthConfiguration rs256() {
        return AuthConfiguration.rs256(rsaPublicPem);
    }

    private static TokenVerifier verifier(AuthConfiguration config, Instant now) {
        return new TokenVerifier(config, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static String signed(JWSAlgorithm algorithm, JWSSigner signer, Consumer<JWTClaimsSet.Builder> claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .subject("svc-room-grading")
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(5))))
                .claim("scope", "identity.read");
        claims.accept(builder);
        SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), builder.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static String hs(Consumer<JWTClaimsSet.Builder> claims) {
        try {
            return signed(JWSAlgorithm.HS256, new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)), claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(TokenVerifier verifier, String token, String reason) {
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> verifier.verify(token));
        assertEquals(reason, e.reason(), e.getMessage());
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMintedHs256TokenYieldsSubjectAndScopes() throws AuthenticationException {
        String token = TokenMinter.mintHs256(SECRET, "svc-consumer-rights",
                List.of("identity.read", "identity.pii.read", "archive.append"), NOW, Duration.ofHours(1));
        Caller caller = verifier(hs256(SECRET), NOW).verify(token);
        assertEquals("svc-consumer-rights", caller.subject());
        assertEquals(Set.of("identity.read", "identity.pii.read", "archive.append"), caller.scopes());
        assertTrue(caller.hasScope("identity.pii.read"));
        assertTrue(!caller.hasScope("identity.write"));
    }

    @Test
    void scopesAreSplitOnAnyWhitespaceAndMayBeAbsent() throws AuthenticationException {
        TokenVerifier verifier = verifier(hs256(SECRET), NOW);
        assertEquals(Set.of("a.read", "b.write"), verifier.verify(hs(c -> c.claim("scope", "  a.read \t b.write "))).scopes());
        assertEquals(Set.of(), verifier.verify(hs(c -> c.claim("scope", null))).scopes());
        assertEquals(Set.of(), verifier.verify(hs(c -> c.claim("scope", " "))).scopes());
        assertRefused(verifier, hs(c -> c.claim("scope", List.of("a.read"))), TokenVerifier.TOKEN_INVALID);
    }

    @Test
    void anExpiredTokenIsRefusedAfterTheAllowedSkew() throws AuthenticationException {
        String token = TokenMinter.mintHs256(SECRET, "s", List.of("x.read"), NOW, Duration.ofMinutes(10));
        Instant expiry = NOW.plus(Duration.ofMinutes(10));
        verifier(hs256(SECRET), expiry.plusSeconds(29)).verify(token); // within the 30 s skew
        assertRefused(verifier(hs256(SECRET), expiry.plusSeconds(31)), token, TokenVerifier.TOKEN_EXPIRED);
        assertRefused(verifier(hs256(SECRET), NOW.plus(Duration.ofDays(1))), token, TokenVerifier.TOKEN_EXPIRED);

        AuthConfiguration strict = new AuthConfiguration(SECRET, null, null, null, Duration.ZERO);
        assertRefused(verifier(strict, expiry.plusSeconds(1)), token, TokenVerifier.TOKEN_EXPIRED);
    }

    @Test
    void aTokenNotYetValidIsRefused() throws AuthenticationException {
        String future = hs(c -> c.notBeforeTime(Date.from(NOW.plus(Duration.ofMinutes(2)))));
        assertRefused(verifier(hs256(SECRET), NOW), future, TokenVerifier.TOKEN_INVALID);
        verifier(hs256(SECRET), NOW.plus(Duration.ofMinutes(2))).verify(future);
    }

    @Test
    void aRememberedTokenIsStillRefusedOnceItExpiresOrBeforeItIsValid() throws AuthenticationException {
        MutableClock clock = new MutableClock(NOW);
        TokenVerifier verifier = new TokenVerifier(hs256(SECRET), clock);
        String token = TokenMinter.mintHs256(SECRET, "s", List.of("x.read"), NOW, Duration.ofMinutes(10));
        assertEquals(verifier.verify(token), verifier.verify(token));
        clock.advance(Duration.ofMinutes(11));
        assertRefused(verifier, token, TokenVerifier.TOKEN_EXPIRED);

        String later = hs(c -> c.notBeforeTime(Date.from(NOW.plus(Duration.ofMinutes(20)))).expirationTime(Date.from(NOW.plus(Duration.ofHours(1)))));
        clock.set(NOW.plus(Duration.ofMinutes(20)));
        verifier.verify(later);
        clock.set(NOW.plus(Duration.ofMinutes(15)));
        assertRefused(verifier, later, TokenVerifier.TOKEN_INVALID);
    }

    @Test
    void aRememberedTokenDoesNotLetAForgedOneThrough() throws AuthenticationException {
        TokenVerifier verifier = verifier(hs256(SECRET), NOW);
        String token = TokenMinter.mintHs256(SECRET, "s", List.of("identity.read"), NOW, Duration.ofHours(1));
        verifier.verify(token);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("identity.read", "identity.pii.read");
        assertRefused(verifier, parts[0] + "." + b64(payload) + "." + parts[2], TokenVerifier.TOKEN_INVALID);
        assertEquals(1, verifier.rememberedCount(), "the valid token only");
        String padded = hs(c -> c.claim("padding", "x".repeat(TokenVerifier.MAX_REMEMBERED_LENGTH)));
        assertEquals("svc-room-grading", verifier.verify(padded).subject());
        assertEquals(1, verifier.rememberedCount(), "a long token is verified each time, not remembered");
        for (int i = 0; i < TokenVerifier.MAX_REMEMBERED; i++) {
            verifier.verify(TokenMinter.mintHs256(SECRET, "s" + i, List.of("x.read"), NOW, Duration.ofHours(1)));
        }
        assertTrue(verifier.rememberedCount() <= TokenVerifier.MAX_REMEMBERED, "bounded: " + verifier.rememberedCount());
        assertEquals("s", verifier.verify(token).subject());
    }

    @Test
    void aWrongSecretIsRefused() {
        String token = TokenMinter.mintHs256("another-secret-of-32-bytes-or-more!!", "s", List.of("x.read"), NOW, Duration.ofHours(1));
        assertRefused(verifier(hs256(SECRET), NOW), token, TokenVerifier.TOKEN_INVALID);
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String token = TokenMinter.mintHs256(SECRET, "s", List.of("identity.read"), NOW, Duration.ofHours(1));
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("identity.read", "identity.pii.read");
        assertRefused(verifier(hs256(SECRET), NOW), parts[0] + "." + b64(payload) + "." + parts[2], TokenVerifier.TOKEN_INVALID);
    }

    @Test
    void anUnsignedAlgNoneTokenIsRefused() {
        long exp = NOW.plus(Duration.ofHours(1)).getEpochSecond();
        String claims = b64("{\"sub\":\"attacker\",\"scope\":\"identity.pii.read\",\"exp\":" + exp + "}");
        TokenVerifier verifier = verifier(hs256(SECRET), NOW);
        assertRefused(verifier, b64("{\"alg\":\"none\"}") + "." + claims + ".", TokenVerifier.TOKEN_INVALID);
        assertRefused(verifier, b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + claims + ".", TokenVerifier.TOKEN_INVALID);
        // a valid HS256 signature pasted under an alg:none header
        String genuine = hs(c -> { });
        assertRefused(verifier, b64("{\"alg\":\"none\"}") + genuine.substring(genuine.indexOf('.')), TokenVerifier.TOKEN_INVALID);
    }

    @Test
    void aTokenWithoutExpiryOrSubjectIsRefused() {
        TokenVerifier verifier = verifier(hs256(SECRET), NOW);
        assertRefused(verifier, hs(c -> c.expirationTime(null)), TokenVerifier.TOKEN_INVALID);
        assertRefused(verifier, hs(c -> c.subject(null)), TokenVerifier.TOKEN_INVALID);
        assertRefused(verifier, hs(c -> c.subject(" ")), TokenVerifier.TOKEN_INVALID);
    }

    @Test
    void malformedTokensAreRefused() {
        TokenVerifier verifier = verifier(hs256(SECRET), NOW);
        for (String garbage : new String[] {"", "abc", "a.b.c", "a.b", "...."}) {
            assertRefused(verifier, garbage, TokenVerifier.TOKEN_INVALID);
        }
    }

    @Test
    void rs256AcceptsTokensSignedWithThePrivateKeyOnly() throws Exception {
        TokenVerifier verifier = verifier(rs256(), NOW);
        Caller caller = verifier.verify(signed(JWSAlgorithm.RS256, new RSASSASigner(rsa.getPrivate()), c -> c.subject("platform")));
        assertEquals("platform", caller.subject());
        assertEquals(Set.of("identity.read"), caller.scopes());

        // HS256 tokens are refused, including one MAC'd with the public key (algorithm confusion)
        assertRefused(verifier, hs(c -> { }), TokenVerifier.TOKEN_INVALID);
        assertRefused(verifier, signed(JWSAlgorithm.HS256, new MACSigner(rsaPublicPem.getBytes(StandardCharsets.UTF_8)), c -> { }),
                TokenVerifier.TOKEN_INVALID);
        assertRefused(verifier, signed(JWSAlgorithm.HS256, new MACSigner(rsa.getPublic().getEncoded()), c -> { }),
                TokenVerifier.TOKEN_INVALID);

        // another RSA key, and RS256 presented to an HS256 verifier
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String otherKey = signed(JWSAlgorithm.RS256, new RSASSASigner(generator.generateKeyPair().getPrivate()), c -> { });
        assertRefused(verifier, otherKey, TokenVerifier.TOKEN_INVALID);
        String rsToken = signed(JWSAlgorithm.RS256, new RSASSASigner(rsa.getPrivate()), c -> { });
        assertRefused(verifier(hs256(SECRET), NOW), rsToken, TokenVerifier.TOKEN_INVALID);
        // other RSA algorithms with the right key are not what is configured
        assertRefused(verifier, signed(JWSAlgorithm.RS512, new RSASSASigner(rsa.getPrivate()), c -> { }), TokenVerifier.TOKEN_INVALID);
    }

    @Test
    void duringAnRs256RotationTokensOfTheOldAndTheNewKeyVerify() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair next = generator.generateKeyPair();
        String bothKeys = rsaPublicPem + "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(next.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        TokenVerifier verifier = verifier(AuthConfiguration.rs256(bothKeys), NOW);

        assertEquals("old", verifier.verify(signed(JWSAlgorithm.RS256, new RSASSASigner(rsa.getPrivate()), c -> c.subject("old"))).subject());
        assertEquals("new", verifier.verify(signed(JWSAlgorithm.RS256, new RSASSASigner(next.getPrivate()), c -> c.subject("new"))).subject());
        String stranger = signed(JWSAlgorithm.RS256, new RSASSASigner(generator.generateKeyPair().getPrivate()), c -> { });
        assertRefused(verifier, stranger, TokenVerifier.TOKEN_INVALID);
    }

    @Test
    void duringAnHs256RotationThePreviousSecretStillVerifies() throws Exception {
        String next = "the-next-hs256-secret-for-rotation-tests-0123456789";
        AuthConfiguration rotating = new AuthConfiguration(next, null, null, null, Duration.ofSeconds(30), SECRET);
        TokenVerifier verifier = verifier(rotating, NOW);

        assertEquals("svc-room-grading", verifier.verify(hs(c -> { })).subject());
        assertEquals("svc-room-grading", verifier.verify(signed(JWSAlgorithm.HS256, new MACSigner(next.getBytes(StandardCharsets.UTF_8)), c -> { })).subject());
        assertRefused(verifier(hs256(next), NOW), hs(c -> { }), TokenVerifier.TOKEN_INVALID);
        assertThrows(ConfigurationException.class,
                () -> new TokenVerifier(new AuthConfiguration(next, null, null, null, Duration.ofSeconds(30), "too-short"), CLOCK));
    }

    @Test
    void rs256StillChecksExpiry() {
        String token = signed(JWSAlgorithm.RS256, new RSASSASigner(rsa.getPrivate()), c -> { });
        assertRefused(verifier(rs256(), NOW.plus(Duration.ofHours(1))), token, TokenVerifier.TOKEN_EXPIRED);
    }

    @Test
    void issuerAndAudienceAreCheckedWhenConfigured() throws AuthenticationException {
        AuthConfiguration config = new AuthConfiguration(SECRET, null, "https://idp.platform.example", "livecomply",
                Duration.ofSeconds(30));
        TokenVerifier verifier = verifier(config, NOW);

        verifier.verify(hs(c -> c.issuer("https://idp.platform.example").audience(List.of("other", "livecomply"))));
        assertRefused(verifier, hs(c -> c.issuer("https://evil.example").audience("livecomply")), TokenVerifier.TOKEN_INVALID);
        assertRefused(verifier, hs(c -> c.audience("livecomply")), TokenVerifier.TOKEN_INVALID);
        assertRefused(verifier, hs(c -> c.issuer("https://idp.platform.example").audience("other")), TokenVerifier.TOKEN_INVALID);
        assertRefused(verifier, hs(c -> c.issuer("https://idp.platform.example")), TokenVerifier.TOKEN_INVALID);

        // not configured: not checked
        verifier(hs256(SECRET), NOW).verify(hs(c -> c.issuer("anyone").audience("anything")));
    }

    @Test
    void configurationMistakesStopTheServiceAtStart() {
        assertThrows(ConfigurationException.class, () -> new TokenVerifier(hs256("x".repeat(31)), CLOCK));
        new TokenVerifier(hs256("x".repeat(32)), CLOCK);
        // 11 three-byte characters are 33 bytes: the limit is in bytes
        new TokenVerifier(hs256("密".repeat(11)), CLOCK);

        assertThrows(ConfigurationException.class,
                () -> new TokenVerifier(new AuthConfiguration(null, null, null, null, Duration.ofSeconds(30)), CLOCK));
        assertThrows(ConfigurationException.class,
                () -> new TokenVerifier(new AuthConfiguration("", " ", null, null, Duration.ofSeconds(30)), CLOCK));
        assertThrows(ConfigurationException.class, () -> new TokenVerifier(hs256("  "), CLOCK));
        AuthConfiguration both = new AuthConfiguration(SECRET, rsaPublicPem, null, null, Duration.ofSeconds(30));
        assertThrows(ConfigurationException.class, () -> new TokenVerifier(both, CLOCK));

        AuthConfiguration badPem = AuthConfiguration.rs256("-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----");
        assertThrows(ConfigurationException.class, () -> new TokenVerifier(badPem, CLOCK));
        assertThrows(ConfigurationException.class, () -> new TokenVerifier(AuthConfiguration.rs256("%%% not base64"), CLOCK));
    }

    @Test
    void theMinterRefusesAShortSecret() {
        assertThrows(IllegalArgumentException.class,
                () -> TokenMinter.mintHs256("short", "s", List.of("x.read"), NOW, Duration.ofHours(1)));
    }
}
