package org.livecomply.commons.config;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.context.annotation.Context;
import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys that protect integrity, not secrecy (page-token MACs, request fingerprints), each derived by
 * HMAC-SHA256 from the one service secret {@code LIVECOMPLY_SERVICE_SECRET} and a purpose label.
 */
@Context
public class IntegrityKeys {

    static final String ENV = "LIVECOMPLY_SERVICE_SECRET";
    private static final String DEV_SECRET = "livecomply-dev-service-secret-not-for-production-use";

    private final byte[] secret;

    public IntegrityKeys(@Nullable @Value("${livecomply.service-secret:}") String configured, Environment environment) {
        String value = Secrets.require(configured, ENV, environment, DEV_SECRET);
        if (value.length() < 32) {
            throw new io.micronaut.context.exceptions.ConfigurationException(ENV + " must be at least 32 characters");
        }
        this.secret = value.getBytes(StandardCharsets.UTF_8);
    }

    /** A fresh HMAC-SHA256 keyed for one purpose; Mac instances are not thread-safe, so one per use. */
    public Mac mac(String purpose) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] purposeKey = derive.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(purposeKey, "HmacSHA256"));
            return mac;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
