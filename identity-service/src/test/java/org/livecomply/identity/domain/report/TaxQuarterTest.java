package org.livecomply.identity.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Quarters of the Order 810 tax report, in China time, and when each is due. */
class TaxQuarterTest {

    @Test
    void quartersAreCalendarQuartersInChinaTimeDueAtTheEndOfTheNextMonth() {
        TaxQuarter q1 = new TaxQuarter(2026, 1);
        assertEquals(LocalDate.of(2026, 1, 1), q1.firstDay());
        assertEquals(LocalDate.of(2026, 3, 31), q1.lastDay());
        assertEquals(Instant.parse("2025-12-31T16:00:00Z"), q1.startTime());
        assertEquals(Instant.parse("2026-03-31T16:00:00Z"), q1.endTime());
        assertEquals(LocalDate.of(2026, 4, 30), q1.dueDate());
        assertEquals("2026-Q1", q1.key());

        TaxQuarter q3 = new TaxQuarter(2026, 3);
        assertEquals(LocalDate.of(2026, 7, 1), q3.firstDay());
        assertEquals(LocalDate.of(2026, 9, 30), q3.lastDay());
        assertEquals(Instant.parse("2026-09-30T16:00:00Z"), q3.endTime());
        assertEquals(LocalDate.of(2026, 10, 31), q3.dueDate());

        TaxQuarter q4 = new TaxQuarter(2026, 4);
        assertEquals(LocalDate.of(2026, 12, 31), q4.lastDay());
        assertEquals(LocalDate.of(2027, 1, 31), q4.dueDate(), "due in January of the next year");
        assertEquals(ReportKind.TAX, q4.kind());
    }

    @Test
    void aQuarterEndsAtMidnightChinaTimeAndBeginsAtMidnightChinaTime() {
        TaxQuarter q3 = new TaxQuarter(2026, 3);
        assertFalse(q3.endedAt(Instant.parse("2026-09-30T15:59:59.999999Z")));
        assertTrue(q3.endedAt(Instant.parse("2026-09-30T16:00:00Z")), "00:00 on 1 October in China");
        TaxQuarter q4 = new TaxQuarter(2026, 4);
        assertFalse(q4.begunAt(Instant.parse("2026-09-30T15:59:59Z")));
        assertTrue(q4.begunAt(Instant.parse("2026-09-30T16:00:00Z")));
        Instant halfPastMidnightOctoberFirstInChina = Instant.parse("2026-09-30T16:30:00Z");
        assertTrue(q3.endedAt(halfPastMidnightOctoberFirstInChina) && q4.begunAt(halfPastMidnightOctoberFirstInChina),
                "16:30 UTC on 30 September is in Q4, not Q3");
    }

    @Test
    void thePrecedingQuarterIsTheOneReportedThisMonth() {
        assertEquals(Optional.of(new TaxQuarter(2026, 3)), TaxQuarter.precedingAt(Instant.parse("2026-09-30T16:00:00Z")));
        assertEquals(Optional.of(new TaxQuarter(2026, 2)), TaxQuarter.precedingAt(Instant.parse("2026-09-30T15:59:59Z")));
        assertEquals(Optional.of(new TaxQuarter(2026, 4)), TaxQuarter.precedingAt(Instant.parse("2027-01-15T02:00:00Z")));
        assertEquals(Optional.empty(), TaxQuarter.precedingAt(Instant.parse("2026-03-01T02:00:00Z")),
                "in Q1 2026 the preceding quarter (2025 Q4) is before the first reportable year");
    }

    @Test
    void onlyReportableYearsAndQuartersOneToFourExist() {
        assertThrows(IllegalArgumentException.class, () -> new TaxQuarter(2025, 4));
        assertThrows(IllegalArgumentException.class, () -> new TaxQuarter(2101, 1));
        assertThrows(IllegalArgumentException.class, () -> new TaxQuarter(2026, 0));
        assertThrows(IllegalArgumentException.class, () -> new TaxQuarter(2026, 5));
    }

    @Test
    void eachReportIsMadeInItsOwnMonths() {
        Instant october = Instant.parse("2026-09-30T18:00:00Z"); // 02:00 on 1 October in China
        assertTrue(ReportKind.TAX.reportedInMonthOf(october));
        assertFalse(ReportKind.REGULATOR.reportedInMonthOf(october));
        Instant july = Instant.parse("2026-06-30T18:00:00Z");
        assertTrue(ReportKind.TAX.reportedInMonthOf(july));
        assertTrue(ReportKind.REGULATOR.reportedInMonthOf(july));
        assertEquals("identity-tax-report-", ReportKind.TAX.folderPrefix());
        assertEquals("identity-regulator-report-", ReportKind.REGULATOR.folderPrefix());
    }
}
