package org.livecomply.identity.domain.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.livecomply.commons.calendar.WorkingDayCalendar;

/**
 * The half year an identity report covers (Art. 9: reported every January and July for the preceding half
 * year). Days are China days: the period runs from 00:00 China time on its first day to 00:00 China time
 * on the day after its last day (exclusive).
 */
public record ReportPeriod(int year, Half half) {

    public static final String ARTICLE = "Art. 9";
    public static final int MIN_YEAR = 2026;
    public static final int MAX_YEAR = 2100;
    public static final ZoneId ZONE = WorkingDayCalendar.CHINA;

    /** January–June or July–December. */
    public enum Half {
        FIRST,
        SECOND
    }

    public ReportPeriod {
        if (year < MIN_YEAR || year > MAX_YEAR || half == null) {
            throw new IllegalArgumentException("no report period " + year + " " + half);
        }
    }

    /**
     * The half year that precedes the one containing {@code now} (China time): in January–June the second
     * half of last year, in July–December the first half of this year. Empty before the first reportable
     * period ({@value #MIN_YEAR}; the Measures are in force from 2026-02-01).
     */
    public static java.util.Optional<ReportPeriod> precedingAt(Instant now) {
        LocalDate today = now.atZone(ZONE).toLocalDate();
        int year = today.getMonthValue() <= 6 ? today.getYear() - 1 : today.getYear();
        Half half = today.getMonthValue() <= 6 ? Half.SECOND : Half.FIRST;
        return year < MIN_YEAR || year > MAX_YEAR ? java.util.Optional.empty() : java.util.Optional.of(new ReportPeriod(year, half));
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, half == Half.FIRST ? 1 : 7, 1);
    }

    public LocalDate lastDay() {
        return half == Half.FIRST ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
    }

    public Instant startTime() {
        return firstDay().atStartOfDay(ZONE).toInstant();
    }

    /** Exclusive end: subjects registered before this instant are in the report. */
    public Instant endTime() {
        return lastDay().plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** Whether the half year is over at {@code now}, so it can be reported. */
    public boolean endedAt(Instant now) {
        return !now.isBefore(endTime());
    }

    /** E.g. {@code 2026-H1}: used for the claim key and the report folder. */
    public String key() {
        return year + "-H" + (half == Half.FIRST ? 1 : 2);
    }
}
