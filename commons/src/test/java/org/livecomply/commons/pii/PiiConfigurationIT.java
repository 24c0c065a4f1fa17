package org.livecomply.commons.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The PII beans in a real Micronaut context: prod refuses to run without keys, dev runs on the published dev
 * keys. Every other secret is supplied, so the PII keys are the only thing missing.
 */
class PiiConfigurationIT {

    private static Map<String, Object> properties(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "livecomply.service-name", "x",
                "livecomply.service-secret", "pii-it-service-secret-0123456789abcdef",
                "livecomply.auth.hs256-secret", "pii-it-hs256-secret-0123456789abcdef!"));
        properties.putAll(extra);
        return properties;
    }

    private static ApplicationContext context(Map<String, Object> properties, String environment) {
        return ApplicationContext.builder()
                .deduceEnvironment(false) // otherwise JUnit on the stack adds "test", which allows the dev keys
                .environments(environment)
                .properties(properties)
                .start();
    }

    @Test
    void prodWithoutKeysRefusesToRun() {
        // whether the keys are checked at start (eager bean) or on first use, nothing gets a cipher
        RuntimeException e = assertThrows(RuntimeException.class, () -> {
            try (ApplicationContext context = context(properties(Map.of()), "prod")) {
                context.getBean(PiiCipher.class);
            }
        });
        Throwable cause = e;
        while (!(cause instanceof ConfigurationException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof ConfigurationException, e.toString());
        assertTrue(cause.getMessage().contains("LIVECOMPLY_PII_KEYS"), cause.getMessage());
    }

    @Test
    void prodWithKeysFromConfigurationWorks() {
        Map<String, Object> keys = Map.of(
                "livecomply.pii.keys", "k1:" + PiiKeys.KEY_A,
                "livecomply.pii.primary-key-id", "k1",
                "livecomply.pii.blind-index-key", PiiKeys.INDEX_1);
        try (ApplicationContext context = context(properties(keys), "prod")) {
            PiiCipher cipher = context.getBean(PiiCipher.class);
            String sealed = cipher.encrypt("13812345678", "phone");
            assertTrue(sealed.startsWith("k1."), sealed);
            assertEquals("13812345678", cipher.decrypt(sealed, "phone"));
            // the bean uses the configured index key, not the dev one
            assertEquals(new BlindIndex(PiiKeys.onlyA()).of("phone", "13812345678"),
                    context.getBean(BlindIndex.class).of("phone", "13812345678"));
        }
    }

    @Test
    void devRunsOnTheDevKeys() {
        try (ApplicationContext context = context(properties(Map.of()), "dev")) {
            PiiCipher cipher = context.getBean(PiiCipher.class);
            String sealed = cipher.encrypt("13812345678", "phone");
            assertTrue(sealed.startsWith("dev1."), sealed);
            assertEquals("13812345678", cipher.decrypt(sealed, "phone"));
            assertEquals(64, context.getBean(BlindIndex.class).of("phone", "13812345678").length());
        }
    }
}
