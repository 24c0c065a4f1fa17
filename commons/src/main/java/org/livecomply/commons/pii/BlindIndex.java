package org.livecomply.commons.pii;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed HMAC-SHA256 of a normalised value, for exact lookup and de-duplication of encrypted fields
 * without decrypting them. The kind (e.g. "resident-id") separates domains, so equal strings of different
 * kinds never share an index value.
 */
@Singleton
public class BlindIndex {

    private final byte[] key;

    public BlindIndex(PiiConfiguration configuration) {
        this.key = configuration.blindIndexKey();
    }

    /** 64 hex characters. */
    public String of(String kind, String normalisedValue) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(kind.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
