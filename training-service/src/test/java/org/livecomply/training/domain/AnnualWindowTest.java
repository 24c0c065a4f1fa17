package org.livecomply.training.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Art. 10 ¶1 "every year" as a platform rule: the calendar year in China time, or rolling 12 months. */
class AnnualWindowTest {

    @Test
    void theCalendarYearRunsFromNewYearToNewYearInChinaTime() {
        Instant lastMomentOf2026 = china(2027, 1, 1, 0, 0).minusNanos(1_000);
        AnnualWindow.Window window = AnnualWindow.CALENDAR_YEAR.windowAt(lastMomentOf2026);
        assertEquals(Instant.parse("2025-12-31T16:00:00Z"), window.start());
        assertEquals(Instant.parse("2026-12-31T16:00:00Z"), window.end());
        assertTrue(window.contains(china(2026, 1, 1, 0, 0), lastMomentOf2026), "the first instant of the year counts");
        assertFalse(window.contains(china(2026, 1, 1, 0, 0).minusNanos(1_000), lastMomentOf2026), "the last instant of 2025 does not");
        assertFalse(window.contains(china(2026, 6, 1, 0, 0), china(2026, 5, 1, 0, 0)), "a completion after the evaluation does not");
        assertEquals(china(2027, 1, 1, 0, 0), AnnualWindow.CALENDAR_YEAR.lapseOf(china(2026, 12, 31, 23, 59)));
        assertEquals(china(2028, 1, 1, 0, 0), AnnualWindow.CALENDAR_YEAR.lapseOf(china(2027, 1, 1, 0, 0)));
    }

    @Test
    void aRollingWindowLooksBackTwelveMonthsExclusive() {
        Instant at = china(2027, 3, 15, 10, 0);
        AnnualWindow.Window window = AnnualWindow.ROLLING_12_MONTHS.windowAt(at);
        assertEquals(china(2026, 3, 15, 10, 0), window.start());
        assertFalse(window.contains(china(2026, 3, 15, 10, 0), at), "exactly 12 months ago has lapsed");
        assertTrue(window.contains(china(2026, 3, 15, 10, 0).plusNanos(1_000), at));
        assertEquals(china(2027, 3, 15, 10, 0), AnnualWindow.ROLLING_12_MONTHS.lapseOf(china(2026, 3, 15, 10, 0)));
        assertEquals(china(2027, 2, 28, 9, 0), AnnualWindow.ROLLING_12_MONTHS.lapseOf(china(2026, 2, 28, 9, 0)));
        assertEquals(china(2029, 2, 28, 9, 0), AnnualWindow.ROLLING_12_MONTHS.lapseOf(china(2028, 2, 29, 9, 0)),
                "29 February rolls to 28 February");
    }

    private static Instant china(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(TrainingRules.ZONE).toInstant();
    }
}
