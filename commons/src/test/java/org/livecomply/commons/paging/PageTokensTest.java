package org.livecomply.commons.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.livecomply.commons.TestEnvironments;
import org.livecomply.commons.config.IntegrityKeys;
import org.livecomply.commons.error.FieldViolation;
import org.livecomply.commons.error.InvalidArgumentException;

class PageTokensTest {

    private static final String SECRET = "page-token-test-secret-0123456789abcdef";
    private static final String QUERY = "ListRoomOperators?state=VERIFIED&kind=ANY";

    private final PageTokens tokens = tokensWith(SECRET);

    private static PageTokens tokensWith(String secret) {
        return new PageTokens(new IntegrityKeys(secret, TestEnvironments.of("prod")));
    }

    private void assertRefused(String token, String query) {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> tokens.open(token, query));
        assertEquals(PageTokens.INVALID_PAGE_TOKEN, e.reason());
        assertEquals(1, e.violations().size());
        FieldViolation violation = e.violations().get(0);
        assertEquals("page_token", violation.field());
        assertTrue(violation.description().startsWith("page_token "), violation.description());
    }

    @Test
    void roundTrips() {
        String token = tokens.issue(QUERY, "2026-02-14T08:00:00Z|room-operator-42");
        assertTrue(token.matches("[A-Za-z0-9_-]+"), "URL-safe without padding: " + token);
        assertEquals("2026-02-14T08:00:00Z|room-operator-42", tokens.open(token, QUERY));
        assertEquals("", tokens.open(tokens.issue(QUERY, ""), QUERY));
        assertEquals("光标·42", tokens.open(tokens.issue(QUERY, "光标·42"), QUERY));
    }

    @Test
    void isDeterministicForTheSameQueryAndCursorButBoundToBoth() {
        assertEquals(tokens.issue(QUERY, "c1"), tokens.issue(QUERY, "c1"));
        assertNotEquals(tokens.issue(QUERY, "c1"), tokens.issue(QUERY, "c2"));
        assertNotEquals(tokens.issue(QUERY, "c1"), tokens.issue(QUERY + "x", "c1"));
    }

    @Test
    void aTokenDoesNotOpenForAnotherQuery() {
        String token = tokens.issue(QUERY, "cursor-1");
        assertRefused(token, "ListRoomOperators?state=SUSPENDED&kind=ANY");
        assertRefused(token, "");
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> tokens.open(token, "ListRoomOperators?state=SUSPENDED&kind=ANY"));
        assertTrue(e.getMessage().contains("different query"), e.getMessage());
    }

    @Test
    void everyFlippedByteIsRefused() {
        String token = tokens.issue(QUERY, "cursor-1");
        byte[] raw = Base64.getUrlDecoder().decode(token);
        for (int i = 0; i < raw.length; i++) {
            byte[] altered = raw.clone();
            altered[i] ^= 0x20;
            assertRefused(Base64.getUrlEncoder().withoutPadding().encodeToString(altered), QUERY);
        }
    }

    @Test
    void aForgedCursorWithoutTheKeyIsRefused() {
        String token = tokens.issue(QUERY, "cursor-1");
        byte[] raw = Base64.getUrlDecoder().decode(token);
        // keep version, query hash and MAC; substitute the cursor
        byte[] forged = new byte[raw.length];
        System.arraycopy(raw, 0, forged, 0, raw.length);
        byte[] evil = "cursor-9".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        System.arraycopy(evil, 0, forged, 17, evil.length);
        assertRefused(Base64.getUrlEncoder().withoutPadding().encodeToString(forged), QUERY);
        // dropping the MAC entirely
        assertRefused(Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(raw, raw.length - 16)), QUERY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "!!!!", "not a token", "AAAA", "eyJhbGciOiJub25lIn0", "////++++"})
    void garbageIsRefused(String garbage) {
        assertRefused(garbage, QUERY);
    }

    @Test
    void hugeTokensAreRefusedBeforeDecoding() {
        assertRefused("A".repeat(1025), QUERY);
        assertRefused(tokens.issue(QUERY, "c".repeat(2000)), QUERY);
        // a long-but-allowed cursor still works
        String cursor = "c".repeat(600);
        assertEquals(cursor, tokens.open(tokens.issue(QUERY, cursor), QUERY));
    }

    @Test
    void aTokenFromAServiceWithAnotherSecretIsRefused() {
        String foreign = tokensWith("another-service-secret-0123456789abcdef").issue(QUERY, "cursor-1");
        assertRefused(foreign, QUERY);
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> tokens.open(foreign, QUERY));
        assertTrue(e.getMessage().contains("altered or forged"), e.getMessage());
    }

    @Test
    void aPageHidesTheLookAheadRowAndResumesAfterTheLastShown() {
        java.util.List<Long> rowsPlusOne = java.util.List.of(11L, 12L, 13L);
        PagedResult<String> page = tokens.page(QUERY, rowsPlusOne, 2, row -> row, shown -> shown.stream().map(r -> "r" + r).toList());
        assertEquals(java.util.List.of("r11", "r12"), page.items());
        assertEquals(12L, tokens.resume(page.nextPageToken(), QUERY, 0));

        PagedResult<String> last = tokens.page(QUERY, java.util.List.of(13L), 2, row -> row, shown -> shown.stream().map(r -> "r" + r).toList());
        assertEquals(java.util.List.of("r13"), last.items());
        assertEquals("", last.nextPageToken(), "no token on the last page");
        assertEquals(7L, tokens.resume("", QUERY, 7L), "no token: start where the caller says");
        assertThrows(InvalidArgumentException.class, () -> tokens.resume(page.nextPageToken(), QUERY + "&other", 0));
    }
}
