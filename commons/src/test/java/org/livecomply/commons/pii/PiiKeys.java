package org.livecomply.commons.pii;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.livecomply.commons.TestEnvironments;

/** Test keys (base64 of 32 ASCII bytes) and configurations built from them in the prod environment. */
final class PiiKeys {

    static final String KEY_A = b64("key-A-0123456789abcdef0123456789");
    static final String KEY_B = b64("key-B-0123456789abcdef0123456789");
    static final String INDEX_1 = b64("index-1-0123456789abcdef01234567");
    static final String INDEX_2 = b64("index-2-0123456789abcdef01234567");

    private PiiKeys() {
    }

    static String b64(String thirtyTwoBytes) {
        byte[] bytes = thirtyTwoBytes.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length != 32) {
            throw new IllegalArgumentException("test key must be 32 bytes, is " + bytes.length);
        }
        return Base64.getEncoder().encodeToString(bytes);
    }

    static PiiConfiguration prod(String keys, String primary, String index) {
        return new PiiConfiguration(keys, primary, index, TestEnvironments.of("prod"));
    }

    static PiiConfiguration onlyA() {
        return prod("a:" + KEY_A, "a", INDEX_1);
    }

    static PiiConfiguration aAndBWithBPrimary() {
        return prod("a:" + KEY_A + ", b:" + KEY_B, "b", INDEX_1);
    }
}
