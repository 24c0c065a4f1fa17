package org.livecomply.commons.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.exceptions.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.livecomply.commons.TestEnvironments;

class IntegrityKeysTest {

    private static final byte[] INPUT = "payload".getBytes(StandardCharsets.UTF_8);

    @Test
    void eachPurposeGetsItsOwnKey() {
        IntegrityKeys keys = new IntegrityKeys("integrity-test-secret-0123456789abcdef", TestEnvironments.of("prod"));
        assertArrayEquals(keys.mac("page-token").doFinal(INPUT), keys.mac("page-token").doFinal(INPUT));
        assertFalse(Arrays.equals(keys.mac("page-token").doFinal(INPUT), keys.mac("request-fingerprint").doFinal(INPUT)));
        IntegrityKeys other = new IntegrityKeys("integrity-test-secret-0123456789abcdeF", TestEnvironments.of("prod"));
        assertFalse(Arrays.equals(keys.mac("page-token").doFinal(INPUT), other.mac("page-token").doFinal(INPUT)));
    }

    @Test
    void prodRequiresASecretOfAtLeast32Characters() {
        ConfigurationException missing = assertThrows(ConfigurationException.class,
                () -> new IntegrityKeys(null, TestEnvironments.of("prod")));
        assertTrue(missing.getMessage().contains(IntegrityKeys.ENV), missing.getMessage());
        assertThrows(ConfigurationException.class, () -> new IntegrityKeys("x".repeat(31), TestEnvironments.of("prod")));
        new IntegrityKeys("x".repeat(32), TestEnvironments.of("prod"));
    }

    @Test
    void devAndTestUseTheDevSecret() {
        IntegrityKeys dev = new IntegrityKeys("", TestEnvironments.of("dev"));
        IntegrityKeys test = new IntegrityKeys(null, TestEnvironments.of("test"));
        assertArrayEquals(dev.mac("p").doFinal(INPUT), test.mac("p").doFinal(INPUT));
    }
}
