package org.livecomply.consumer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Art. 20 ¶1: the automatic abuse check at its boundaries — the limit, the half-open windows, duplicates, off. */
class AbuseRuleTest {

    private static final AbuseRule RULE = new AbuseRule(true, 3, Duration.ofHours(24), Duration.ofDays(7));
    private static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");

    private static List<AbuseRule.Earlier> filed(Instant... times) {
        List<AbuseRule.Earlier> earlier = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            earlier.add(new AbuseRule.Earlier("C20261128-AAAAA" + "ACDEFGHJKM".charAt(i), times[i]));
        }
        return earlier;
    }

    @Test
    void aComplaintBeyondTheLimitInTheWindowIsFlaggedAndOneAtTheLimitIsNot() {
        Instant hourAgo = NOW.minus(Duration.ofHours(1));
        assertEquals(Optional.empty(), RULE.judge(NOW, filed(hourAgo, hourAgo), List.of()), "the 3rd complaint is within the limit of 3");
        Optional<String> fourth = RULE.judge(NOW, filed(hourAgo, hourAgo, hourAgo), List.of());
        assertTrue(fourth.isPresent(), "the 4th is more than 3");
        assertTrue(fourth.get().contains("complaint number 4 in 24 h, more than the published limit of 3"), fourth.get());
        assertTrue(fourth.get().startsWith("Automatic check (Art. 20 ¶1)"), fourth.get());
        assertTrue(fourth.get().contains("C20261128-AAAAAA"), "the earlier complaints are named: " + fourth.get());
    }

    @Test
    void theRepeatWindowIsHalfOpen() {
        Instant inside = NOW.minus(Duration.ofHours(24)).plusNanos(1000);
        Instant edge = NOW.minus(Duration.ofHours(24));
        assertTrue(RULE.judge(NOW, filed(inside, inside, inside), List.of()).isPresent(), "1 µs inside the 24 h counts");
        assertEquals(Optional.empty(), RULE.judge(NOW, filed(edge, inside, inside), List.of()), "exactly 24 h before does not count");
        assertEquals(Optional.empty(), RULE.judge(NOW, filed(NOW.plusNanos(1000), inside, inside), List.of()), "later filings do not count");
    }

    @Test
    void aSecondComplaintAboutTheSameOrderWithinTheDuplicateWindowIsFlagged() {
        Instant edge = NOW.minus(Duration.ofDays(7));
        assertEquals(Optional.empty(), RULE.judge(NOW, List.of(), filed(edge)), "exactly 7 d before does not count");
        Optional<String> duplicate = RULE.judge(NOW, List.of(), filed(edge.plusNanos(1000)));
        assertTrue(duplicate.isPresent());
        assertTrue(duplicate.get().contains("another complaint about the same order was filed within 7 d"), duplicate.get());
        Instant hourAgo = NOW.minus(Duration.ofHours(1));
        String both = RULE.judge(NOW, filed(hourAgo, hourAgo, hourAgo), filed(hourAgo)).orElseThrow();
        assertTrue(both.contains("more than the published limit") && both.contains("same order"), both);
    }

    @Test
    void aDisabledRuleFlagsNothingAndNonsenseSettingsAreRefused() {
        Instant hourAgo = NOW.minus(Duration.ofHours(1));
        AbuseRule off = new AbuseRule(false, 1, Duration.ofHours(1), Duration.ofHours(1));
        assertEquals(Optional.empty(), off.judge(NOW, filed(hourAgo, hourAgo), filed(hourAgo)));
        assertThrows(IllegalArgumentException.class, () -> new AbuseRule(true, 0, Duration.ofHours(1), Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new AbuseRule(true, 1001, Duration.ofHours(1), Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new AbuseRule(true, 5, Duration.ZERO, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new AbuseRule(true, 5, Duration.ofHours(1), Duration.ofDays(367)));
    }
}
