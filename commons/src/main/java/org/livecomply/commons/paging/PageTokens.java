package org.livecomply.commons.paging;

import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.livecomply.commons.config.IntegrityKeys;
import org.livecomply.commons.error.InvalidArgumentException;

/**
 * Opaque, tamper-proof page tokens: {@code version ‖ SHA-256(query)[0..16) ‖ cursor}, MAC'd with a key
 * derived from the service secret. A token only opens for the query (method + filter) it was issued for.
 */
@Singleton
public class PageTokens {

    public static final String INVALID_PAGE_TOKEN = "INVALID_PAGE_TOKEN";
    private static final byte VERSION = 1;
    private static final int QUERY_HASH_BYTES = 16;
    private static final int MAC_BYTES = 16;
    private static final int MAX_TOKEN_CHARS = 1024;

    private final IntegrityKeys keys;

    public PageTokens(IntegrityKeys keys) {
        this.keys = keys;
    }

    /** A token that resumes {@code query} after {@code cursor}. */
    public String issue(String query, String cursor) {
        byte[] cursorBytes = cursor.getBytes(StandardCharsets.UTF_8);
        ByteBuffer body = ByteBuffer.allocate(1 + QUERY_HASH_BYTES + cursorBytes.length);
        body.put(VERSION).put(queryHash(query)).put(cursorBytes);
        byte[] payload = body.array();
        byte[] token = Arrays.copyOf(payload, payload.length + MAC_BYTES);
        System.arraycopy(mac(payload), 0, token, payload.length, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** The cursor inside {@code token}, or INVALID_ARGUMENT on field {@code page_token}. */
    public String open(String token, String query) {
        if (token.length() > MAX_TOKEN_CHARS) {
            throw refuse("is too long to be a page token of this service");
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw refuse("is not a page token of this service");
        }
        if (raw.length < 1 + QUERY_HASH_BYTES + MAC_BYTES || raw[0] != VERSION) {
            throw refuse("is not a page token of this service");
        }
        byte[] payload = Arrays.copyOf(raw, raw.length - MAC_BYTES);
        byte[] mac = Arrays.copyOfRange(raw, raw.length - MAC_BYTES, raw.length);
        if (!MessageDigest.isEqual(mac, mac(payload))) {
            throw refuse("is not a page token of this service (altered or forged)");
        }
        if (!MessageDigest.isEqual(Arrays.copyOfRange(payload, 1, 1 + QUERY_HASH_BYTES), queryHash(query))) {
            throw refuse("was issued for a different query: keep the filter unchanged while paging");
        }
        return new String(payload, 1 + QUERY_HASH_BYTES, payload.length - 1 - QUERY_HASH_BYTES, StandardCharsets.UTF_8);
    }

    /** The keyset position a List call resumes after: {@code first} without a token. */
    public long resume(String pageToken, String query, long first) {
        return pageToken.isEmpty() ? first : Long.parseLong(open(pageToken, query));
    }

    /**
     * A page from {@code rows} fetched with a limit of {@code pageSize + 1}: the extra row is not shown,
     * it only tells that more follow, and the token resumes after the last row shown.
     */
    public <R, T> PagedResult<T> page(String query, List<R> rows, int pageSize, ToLongFunction<R> position,
                                      Function<List<R>, List<T>> toItems) {
        boolean more = rows.size() > pageSize;
        List<R> shown = more ? rows.subList(0, pageSize) : rows;
        String next = more ? issue(query, Long.toString(position.applyAsLong(shown.get(shown.size() - 1)))) : "";
        return new PagedResult<>(toItems.apply(shown), next);
    }

    private byte[] mac(byte[] payload) {
        return Arrays.copyOf(keys.mac("page-token").doFinal(payload), MAC_BYTES);
    }

    private static byte[] queryHash(String query) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8)), QUERY_HASH_BYTES);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InvalidArgumentException refuse(String problem) {
        return InvalidArgumentException.of(INVALID_PAGE_TOKEN, "page_token", "page_token " + problem);
    }
}
