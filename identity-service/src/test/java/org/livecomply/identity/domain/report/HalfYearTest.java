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
class HalfYearTest {

    @Test
    void halvesRunFromJanuaryToJuneAndJulyToDecemberInChinaTime() {
        HalfYear first = new HalfYear(2026, HalfYear.Half.FIRST);
        assertEquals(LocalDate.of(2026, 1, 1), first.firstDay());
        assertEquals(LocalDate.of(2026, 6, 30), first.lastDay());
        assertEquals(Instant.parse("2025-12-31T16:00:00Z"), first.startTime());
        assertEquals(Instant.parse("2026-06-30T16:00:00Z"), first.endTime());
        assertEquals("2026-H1", first.key());
        assertEquals(LocalDate.of(2026, 7, 31), first.dueDate(), "reported in July");

        HalfYear second = new HalfYear(2026, HalfYear.Half.SECOND);
        assertEquals(LocalDate.of(2026, 7, 1), second.firstDay());
        assertEquals(LocalDate.of(2026, 12, 31), second.lastDay());
        assertEquals(Instant.parse("2026-06-30T16:00:00Z"), second.startTime());
        assertEquals(Instant.parse("2026-12-31T16:00:00Z"), second.endTime());
        assertEquals("2026-H2", second.key());
        assertEquals(LocalDate.of(2027, 1, 31), second.dueDate(), "reported in January of the next year");
    }

    @Test
    void aPeriodEndsAtMidnightChinaTimeAfterItsLastDay() {
        HalfYear first = new HalfYear(2026, HalfYear.Half.FIRST);
        assertFalse(first.endedAt(Instant.parse("2026-06-30T15:59:59.999999Z")));
        assertTrue(first.endedAt(Instant.parse("2026-06-30T16:00:00Z")));
    }

    @Test
    void thePrecedingHalfYearIsTheOneReportedInJanuaryOrJuly() {
        // 00:00 on 1 July in China is still 30 June in UTC
        assertEquals(Optional.of(new HalfYear(2026, HalfYear.Half.FIRST)), HalfYear.precedingAt(Instant.parse("2026-06-30T16:00:00Z")));
        assertEquals(Optional.of(new HalfYear(2026, HalfYear.Half.FIRST)), HalfYear.precedingAt(Instant.parse("2026-12-31T15:59:59Z")));
        assertEquals(Optional.of(new HalfYear(2026, HalfYear.Half.SECOND)), HalfYear.precedingAt(Instant.parse("2026-12-31T16:00:00Z")));
        assertEquals(Optional.of(new HalfYear(2026, HalfYear.Half.SECOND)), HalfYear.precedingAt(Instant.parse("2027-06-30T15:59:59Z")));
        assertEquals(Optional.empty(), HalfYear.precedingAt(Instant.parse("2026-06-30T15:59:59Z")),
                "before July 2026 the preceding half year (2025 H2) predates the Measures");
    }

    @Test
    void yearsOutsideTheReportableRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HalfYear(2025, HalfYear.Half.SECOND));
        assertThrows(IllegalArgumentException.class, () -> new HalfYear(2101, HalfYear.Half.FIRST));
        assertThrows(IllegalArgumentException.class, () -> new HalfYear(2026, null));
    }
}
