package org.livecomply.commons.pii;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.exceptions.ConfigurationException;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.livecomply.commons.TestEnvironments;

class PiiConfigurationTest {

    private static String failure(Executable construction) {
        return assertThrows(ConfigurationException.class, construction).getMessage();
    }

    @Test
    void readsSeveralKeysAndThePrimary() {
        PiiConfiguration configuration = PiiKeys.aAndBWithBPrimary();
        assertEquals(List.of("a", "b"), List.copyOf(configuration.keys().keySet()));
        assertEquals("b", configuration.primaryKeyId());
        assertArrayEquals(Base64.getDecoder().decode(PiiKeys.KEY_B), configuration.keys().get("b"));
        assertArrayEquals(Base64.getDecoder().decode(PiiKeys.INDEX_1), configuration.blindIndexKey());
    }

    @Test
    void prodRefusesToStartWithoutKeys() {
        String message = failure(() -> PiiKeys.prod(null, null, null));
        assertTrue(message.contains(PiiConfiguration.KEYS_ENV), message);
        assertTrue(failure(() -> PiiKeys.prod("a:" + PiiKeys.KEY_A, "", PiiKeys.INDEX_1)).contains(PiiConfiguration.PRIMARY_ENV));
        assertTrue(failure(() -> PiiKeys.prod("a:" + PiiKeys.KEY_A, "a", " ")).contains(PiiConfiguration.INDEX_ENV));
    }

    @Test
    void devAndTestFallBackToThePublishedDevKeys() {
        for (String environment : new String[] {"dev", "test"}) {
            PiiConfiguration dev = new PiiConfiguration(null, null, null, TestEnvironments.of(environment));
            assertEquals("dev1", dev.primaryKeyId());
            assertEquals(32, dev.keys().get("dev1").length);
            assertEquals(32, dev.blindIndexKey().length);
        }
        // explicit keys still win in dev
        PiiConfiguration explicit = new PiiConfiguration("a:" + PiiKeys.KEY_A, "a", PiiKeys.INDEX_1, TestEnvironments.of("dev"));
        assertEquals("a", explicit.primaryKeyId());
    }

    @Test
    void refusesAPrimaryKeyIdThatIsNotAmongTheKeys() {
        String message = failure(() -> PiiKeys.prod("a:" + PiiKeys.KEY_A, "b", PiiKeys.INDEX_1));
        assertTrue(message.contains("'b'"), message);
    }

    @Test
    void refusesKeysThatAreNot32Bytes() {
        String sixteen = Base64.getEncoder().encodeToString(new byte[16]);
        String message = failure(() -> PiiKeys.prod("a:" + sixteen, "a", PiiKeys.INDEX_1));
        assertTrue(message.contains("32 bytes") && message.contains("16"), message);
        String indexMessage = failure(() -> PiiKeys.prod("a:" + PiiKeys.KEY_A, "a", Base64.getEncoder().encodeToString(new byte[64])));
        assertTrue(indexMessage.contains(PiiConfiguration.INDEX_ENV), indexMessage);
    }

    @Test
    void refusesBadBase64() {
        String message = failure(() -> PiiKeys.prod("a:not*base64!", "a", PiiKeys.INDEX_1));
        assertTrue(message.contains("base64"), message);
        failure(() -> PiiKeys.prod("a:" + PiiKeys.KEY_A, "a", "%%%"));
    }

    @Test
    void refusesMalformedKeyLists() {
        failure(() -> PiiKeys.prod(PiiKeys.KEY_A, "a", PiiKeys.INDEX_1));                 // no id
        failure(() -> PiiKeys.prod(":" + PiiKeys.KEY_A, "a", PiiKeys.INDEX_1));           // empty id
        failure(() -> PiiKeys.prod("a.b:" + PiiKeys.KEY_A, "a.b", PiiKeys.INDEX_1));      // '.' would break the format
        failure(() -> PiiKeys.prod("a:" + PiiKeys.KEY_A + ",,b:" + PiiKeys.KEY_B, "a", PiiKeys.INDEX_1)); // empty entry
    }

    @Test
    void refusesAKeyIdListedTwiceInsteadOfSilentlyKeepingTheLastOne() {
        String message = failure(() -> PiiKeys.prod("a:" + PiiKeys.KEY_A + ",a:" + PiiKeys.KEY_B, "a", PiiKeys.INDEX_1));
        assertTrue(message.contains("'a' is listed twice"), message);
    }
}
