package org.livecomply.sdk.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.ToLongFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque page tokens bound to their query and MAC'd with a key of this fake, as the services' are: a token
 * from another query, an altered one or one from elsewhere is INVALID_ARGUMENT {@code INVALID_PAGE_TOKEN}.
 */
final class PageTokens {

    static final String INVALID_PAGE_TOKEN = "INVALID_PAGE_TOKEN";
    private static final int QUERY_HASH_BYTES = 16;
    private static final int MAC_BYTES = 16;

    /** A page and the token of the next one (empty on the last). */
    record Page<T>(List<T> items, String nextPageToken) {
    }

    private final byte[] key = new byte[32];

    PageTokens() {
        new SecureRandom().nextBytes(key);
    }

    /**
     * The page of {@code ordered} (already filtered and in list order) after the token's position:
     * {@code position} is increasing along the list, or decreasing when {@code newestFirst}.
     */
    <T> Page<T> page(String domain, String query, List<T> ordered, ToLongFunction<T> position, boolean newestFirst,
                     int pageSize, String pageToken) {
        List<T> rest = ordered;
        if (!pageToken.isEmpty()) {
            long after = open(domain, pageToken, query);
            rest = ordered.stream().filter(item -> newestFirst ? position.applyAsLong(item) < after : position.applyAsLong(item) > after).toList();
        }
        boolean more = rest.size() > pageSize;
        List<T> shown = more ? List.copyOf(rest.subList(0, pageSize)) : List.copyOf(rest);
        return new Page<>(shown, more ? issue(query, position.applyAsLong(shown.get(shown.size() - 1))) : "");
    }

    String issue(String query, long cursor) {
        ByteBuffer body = ByteBuffer.allocate(QUERY_HASH_BYTES + Long.BYTES);
        body.put(queryHash(query)).putLong(cursor);
        byte[] payload = body.array();
        byte[] token = Arrays.copyOf(payload, payload.length + MAC_BYTES);
        System.arraycopy(mac(payload), 0, token, payload.length, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    long open(String domain, String token, String query) {
        byte[] raw;
        try {
            raw = token.length() > 1024 ? new byte[0] : Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw refuse(domain, "is not a page token of this service");
        }
        if (raw.length != QUERY_HASH_BYTES + Long.BYTES + MAC_BYTES) {
            throw refuse(domain, "is not a page token of this service");
        }
        byte[] payload = Arrays.copyOf(raw, raw.length - MAC_BYTES);
        if (!MessageDigest.isEqual(Arrays.copyOfRange(raw, payload.length, raw.length), mac(payload))) {
            throw refuse(domain, "is not a page token of this service (altered or forged)");
        }
        if (!MessageDigest.isEqual(Arrays.copyOf(payload, QUERY_HASH_BYTES), queryHash(query))) {
            throw refuse(domain, "was issued for a different query: keep the filter unchanged while paging");
        }
        return ByteBuffer.wrap(payload, QUERY_HASH_BYTES, Long.BYTES).getLong();
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] queryHash(String query) {
        return Arrays.copyOf(Protos.sha256(query.getBytes(StandardCharsets.UTF_8)), QUERY_HASH_BYTES);
    }

    private static RuntimeException refuse(String domain, String problem) {
        return Refusals.invalid(domain, INVALID_PAGE_TOKEN, "page_token", "page_token " + problem);
    }
}
