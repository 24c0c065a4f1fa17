package org.livecomply.consumer.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The scheduled clue export's periods, in China time. */
class ClueExportPeriodTest {

    /** Tuesday 2026-12-01 00:30 China time (still Nov 30 in UTC). */
    private static final Instant EARLY_DECEMBER = Instant.parse("2026-11-30T16:30:00Z");

    @Test
    void theEndedPeriodBeforeNowInChinaTime() {
        assertEquals(new ClueExportPeriod.Period("2026-11", Instant.parse("2026-10-31T16:00:00Z"), Instant.parse("2026-11-30T16:00:00Z")),
                ClueExportPeriod.MONTH.precedingAt(EARLY_DECEMBER));
        assertEquals(new ClueExportPeriod.Period("2026-11-30", Instant.parse("2026-11-29T16:00:00Z"), Instant.parse("2026-11-30T16:00:00Z")),
                ClueExportPeriod.DAY.precedingAt(EARLY_DECEMBER));
        assertEquals(new ClueExportPeriod.Period("2026-W48", Instant.parse("2026-11-22T16:00:00Z"), Instant.parse("2026-11-29T16:00:00Z")),
                ClueExportPeriod.WEEK.precedingAt(EARLY_DECEMBER), "Mon Nov 23 – Sun Nov 29");
        assertEquals("2026-W01", ClueExportPeriod.WEEK.precedingAt(Instant.parse("2026-01-05T02:00:00Z")).key(), "Mon Dec 29 2025: ISO week-based year");
        assertEquals("2026-W53", ClueExportPeriod.WEEK.precedingAt(Instant.parse("2027-01-04T02:00:00Z")).key(), "Mon Dec 28 2026");
        assertEquals("2025-12", ClueExportPeriod.MONTH.precedingAt(Instant.parse("2026-01-01T02:00:00Z")).key());
    }
}
