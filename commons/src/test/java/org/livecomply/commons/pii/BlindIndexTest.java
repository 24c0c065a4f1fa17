package org.livecomply.commons.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class BlindIndexTest {

    private final BlindIndex index = new BlindIndex(PiiKeys.onlyA());

    @Test
    void isDeterministicAcrossInstancesAndKeyRotation() {
        String value = index.of("resident-id", "110105199001011234");
        assertTrue(value.matches("[0-9a-f]{64}"), value);
        assertEquals(value, index.of("resident-id", "110105199001011234"));
        // rotating the encryption keys does not touch the index key
        assertEquals(value, new BlindIndex(PiiKeys.aAndBWithBPrimary()).of("resident-id", "110105199001011234"));
    }

    @Test
    void isAnHmacOfKindZeroByteValue() {
        byte[] key = Base64.getDecoder().decode(PiiKeys.INDEX_1);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = mac.doFinal("phone\u000013812345678".getBytes(StandardCharsets.UTF_8));
            assertEquals(HexFormat.of().formatHex(expected), index.of("phone", "13812345678"),
                    "the format stored in index columns must not change silently");
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void differsPerKindValueAndKey() {
        String base = index.of("resident-id", "110105199001011234");
        assertNotEquals(base, index.of("phone", "110105199001011234"));
        assertNotEquals(base, index.of("resident-id", "110105199001011235"));
        assertNotEquals(base, new BlindIndex(PiiKeys.prod("a:" + PiiKeys.KEY_A, "a", PiiKeys.INDEX_2))
                .of("resident-id", "110105199001011234"));
        // the separator keeps kind and value apart
        assertNotEquals(index.of("ab", "c"), index.of("a", "bc"));
    }
}
