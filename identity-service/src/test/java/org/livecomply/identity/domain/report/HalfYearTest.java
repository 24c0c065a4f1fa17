package org.livecomply.identity.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Half years of the Art. 9 report, in China time. */
class ReportPeriodTest {

    @Test
    void halvesRunFromJanuaryToJuneAndJulyToDecemberInChinaTime() {
        ReportPeriod first = new ReportPeriod(2026, ReportPeriod.Half.FIRST);
        assertEquals(LocalDate.of(2026, 1, 1), first.firstDay());
        assertEquals(LocalDate.of(2026, 6, 30), first.lastDay());
        assertEquals(Instant.parse("2025-12-31T16:00:00Z"), first.startTime());
        assertEquals(Instant.parse("2026-06-30T16:00:00Z"), first.endTime());
        assertEquals("2026-H1", first.key());

        ReportPeriod second = new ReportPeriod(2026, ReportPeriod.Half.SECOND);
        assertEquals(LocalDate.of(2026, 7, 1), second.firstDay());
        assertEquals(LocalDate.of(2026, 12, 31), second.lastDay());
        assertEquals(Instant.parse("2026-06-30T16:00:00Z"), second.startTime());
        assertEquals(Instant.parse("2026-12-31T16:00:00Z"), second.endTime());
        assertEquals("2026-H2", second.key());
    }

    @Test
    void aPeriodEndsAtMidnightChinaTimeAfterItsLastDay() {
        ReportPeriod first = new ReportPeriod(2026, ReportPeriod.Half.FIRST);
        assertFalse(first.endedAt(Instant.parse("2026-06-30T15:59:59.999999Z")));
        assertTrue(first.endedAt(Instant.parse("2026-06-30T16:00:00Z")));
    }

    @Test
    void thePrecedingHalfYearIsTheOneReportedInJanuaryOrJuly() {
        // 00:00 on 1 July in China is still 30 June in UTC
        assertEquals(Optional.of(new ReportPeriod(2026, ReportPeriod.Half.FIRST)), ReportPeriod.precedingAt(Instant.parse("2026-06-30T16:00:00Z")));
        assertEquals(Optional.of(new ReportPeriod(2026, ReportPeriod.Half.FIRST)), ReportPeriod.precedingAt(Instant.parse("2026-12-31T15:59:59Z")));
        assertEquals(Optional.of(new ReportPeriod(2026, ReportPeriod.Half.SECOND)), ReportPeriod.precedingAt(Instant.parse("2026-12-31T16:00:00Z")));
        assertEquals(Optional.of(new ReportPeriod(2026, ReportPeriod.Half.SECOND)), ReportPeriod.precedingAt(Instant.parse("2027-06-30T15:59:59Z")));
        assertEquals(Optional.empty(), ReportPeriod.precedingAt(Instant.parse("2026-06-30T15:59:59Z")),
                "before July 2026 the preceding half year (2025 H2) predates the Measures");
    }

    @Test
    void yearsOutsideTheReportableRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ReportPeriod(2025, ReportPeriod.Half.SECOND));
        assertThrows(IllegalArgumentException.class, () -> new ReportPeriod(2101, ReportPeriod.Half.FIRST));
        assertThrows(IllegalArgumentException.class, () -> new ReportPeriod(2026, null));
    }
}
