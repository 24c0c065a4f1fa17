package org.livecomply.consumer.service;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.livecomply.commons.config.IntegrityKeys;

/**
 * The secret a consumer reads a complaint's status with: HMAC(service key, number ‖ salt), 43 base64url
 * characters. Only the salt and the token's SHA-256 are stored, so the database alone gives no token; the
 * service can give the same token again to an idempotent retry of the filing. Checked in constant time.
 */
@Singleton
public class StatusTokens {

    private final IntegrityKeys keys;
    private final SecureRandom random = new SecureRandom();

    public StatusTokens(IntegrityKeys keys) {
        this.keys = keys;
    }

    public String newSalt() {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }

    public String token(String number, String salt) {
        byte[] mac = keys.mac("complaint-status-token").doFinal((number + ":" + salt).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of the presented token's hash with the stored one. */
    public static boolean matches(String presented, String storedHash) {
        if (presented == null || presented.isEmpty() || presented.length() > 100) {
            return false;
        }
        return MessageDigest.isEqual(hash(presented).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
