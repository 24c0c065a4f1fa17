package org.livecomply.commons.pii;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.context.annotation.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.livecomply.commons.config.Secrets;

/**
 * PII keys from the environment:
 * <ul>
 *   <li>{@code LIVECOMPLY_PII_KEYS}: {@code id:base64,id:base64} AES-256 keys; old ids stay to decrypt;</li>
 *   <li>{@code LIVECOMPLY_PII_PRIMARY_KEY_ID}: the id new values are encrypted with;</li>
 *   <li>{@code LIVECOMPLY_PII_BLIND_INDEX_KEY}: base64 HMAC key for lookups (never rotated in place:
 *       rotating it means rebuilding every index column).</li>
 * </ul>
 */
@Context
public class PiiConfiguration {

    static final String KEYS_ENV = "LIVECOMPLY_PII_KEYS";
    static final String PRIMARY_ENV = "LIVECOMPLY_PII_PRIMARY_KEY_ID";
    static final String INDEX_ENV = "LIVECOMPLY_PII_BLIND_INDEX_KEY";
    private static final String DEV_KEYS = "dev1:ZGV2LW9ubHktcGlpLWtleS1ub3QtZm9yLXByb2R1Y3Q=";
    private static final String DEV_INDEX_KEY = "ZGV2LW9ubHktYmxpbmQtaW5kZXgta2V5LW5vdC1wcmQ=";

    private final Map<String, byte[]> keys;
    private final String primaryKeyId;
    private final byte[] blindIndexKey;

    public PiiConfiguration(@Nullable @Value("${livecomply.pii.keys:}") String keys,
                            @Nullable @Value("${livecomply.pii.primary-key-id:}") String primaryKeyId,
                            @Nullable @Value("${livecomply.pii.blind-index-key:}") String blindIndexKey,
                            Environment environment) {
        boolean usingDevKeys = (keys == null || keys.isBlank()) && Secrets.devDefaultsAllowed(environment);
        this.keys = parseKeys(Secrets.require(keys, KEYS_ENV, environment, DEV_KEYS));
        this.primaryKeyId = usingDevKeys ? "dev1" : Secrets.require(primaryKeyId, PRIMARY_ENV, environment, "dev1");
        if (!this.keys.containsKey(this.primaryKeyId)) {
            throw new ConfigurationException(PRIMARY_ENV + " names key '" + this.primaryKeyId + "' which is not in " + KEYS_ENV);
        }
        this.blindIndexKey = Secrets.base64Key(Secrets.require(blindIndexKey, INDEX_ENV, environment, DEV_INDEX_KEY), INDEX_ENV, 32);
    }

    private static Map<String, byte[]> parseKeys(String value) {
        Map<String, byte[]> parsed = new LinkedHashMap<>();
        for (String entry : value.split(",")) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new ConfigurationException(KEYS_ENV + " must look like 'keyId:base64Key,keyId:base64Key'");
            }
            String id = entry.substring(0, colon).trim();
            if (!id.matches("[A-Za-z0-9_-]{1,16}")) {
                throw new ConfigurationException(KEYS_ENV + ": key id '" + id + "' must be 1..16 of [A-Za-z0-9_-]");
            }
            if (parsed.put(id, Secrets.base64Key(entry.substring(colon + 1).trim(), KEYS_ENV + " (" + id + ")", 32)) != null) {
                throw new ConfigurationException(KEYS_ENV + ": key id '" + id + "' is listed twice");
            }
        }
        return parsed;
    }

    Map<String, byte[]> keys() {
        return keys;
    }

    String primaryKeyId() {
        return primaryKeyId;
    }

    byte[] blindIndexKey() {
        return blindIndexKey;
    }
}
