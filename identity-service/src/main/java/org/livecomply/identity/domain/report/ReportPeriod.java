package org.livecomply.identity.domain.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import org.livecomply.commons.calendar.WorkingDayCalendar;

/**
 * The period a report covers. Days are China days: the period runs from 00:00 China time on its first day
 * to 00:00 China time on the day after its last day (exclusive).
 */
public sealed interface ReportPeriod permits HalfYear, TaxQuarter {

    int MIN_YEAR = 2026;
    int MAX_YEAR = 2100;
    ZoneId ZONE = WorkingDayCalendar.CHINA;

    /** The report this period belongs to. */
    ReportKind kind();

    int year();

    LocalDate firstDay();

    LocalDate lastDay();

    /** E.g. {@code 2026-H1} or {@code 2026-Q3}: the job's claim key and the report folder's suffix. */
    String key();

    /** What names the period within its year in the manifest, e.g. {@code half: HALF_FIRST} or {@code quarter: 3}. */
    Map<String, Object> label();

    default Instant startTime() {
        return firstDay().atStartOfDay(ZONE).toInstant();
    }

    /** Exclusive end: subjects registered before this instant are in the report. */
    default Instant endTime() {
        return lastDay().plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** Whether the period is over at {@code now}, so it can be reported. */
    default boolean endedAt(Instant now) {
        return !now.isBefore(endTime());
    }

    /**
     * The last day of the month after the period: Art. 9 reports are made in January and July, Order 810
     * reports in the month after each quarter.
     */
    default LocalDate dueDate() {
        return lastDay().plusMonths(1).with(TemporalAdjusters.lastDayOfMonth());
    }

    static boolean reportableYear(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }
}
