package org.livecomply.consumer.http;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.livecomply.commons.config.IntegrityKeys;

/**
 * CSRF protection of the web form without server sessions: the form page sets a random cookie and carries
 * a hidden field {@code issuedAt.MAC(cookie ‖ issuedAt)}; a submission counts only with both, matching, and
 * not older than {@link #VALIDITY}. Another site can neither read the cookie nor forge the field.
 */
@Singleton
public class CsrfTokens {

    public static final String COOKIE = "lc_csrf";
    public static final String FIELD = "csrf";
    static final Duration VALIDITY = Duration.ofHours(2);
    private static final int COOKIE_BYTES = 18;

    private final IntegrityKeys keys;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CsrfTokens(IntegrityKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public String newCookieValue() {
        byte[] bytes = new byte[COOKIE_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean isCookieValue(String value) {
        return value != null && value.matches("[A-Za-z0-9_-]{24}");
    }

    /** The hidden field for a form served now to the holder of {@code cookie}. */
    public String field(String cookie) {
        long issuedAt = clock.instant().getEpochSecond();
        return issuedAt + "." + mac(cookie, issuedAt);
    }

    public boolean valid(String cookie, String field) {
        if (!isCookieValue(cookie) || field == null || field.length() > 100) {
            return false;
        }
        int dot = field.indexOf('.');
        if (dot <= 0 || !field.substring(0, dot).matches("[0-9]{1,12}")) {
            return false;
        }
        long issuedAt = Long.parseLong(field.substring(0, dot));
        long age = clock.instant().getEpochSecond() - issuedAt;
        if (age < -60 || age > VALIDITY.getSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(mac(cookie, issuedAt).getBytes(StandardCharsets.US_ASCII),
                field.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String cookie, long issuedAt) {
        byte[] mac = keys.mac("complaint-form-csrf").doFinal((cookie + ":" + issuedAt).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }
}
