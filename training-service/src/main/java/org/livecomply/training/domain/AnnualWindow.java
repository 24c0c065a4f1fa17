package org.livecomply.training.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * How Art. 10 ¶1's "every year" is measured (a platform rule). A completion keeps the subject current
 * until its lapse: the next 1 January 00:00 China time for the calendar year, 12 months after the
 * completion for a rolling window.
 */
public enum AnnualWindow {
    CALENDAR_YEAR,
    ROLLING_12_MONTHS;

    /** The window an evaluation at {@code at} looks back into. */
    public record Window(Instant start, boolean startInclusive, Instant end) {

        /** Whether a completion counts for an evaluation at {@code at} (inside this window, not after {@code at}). */
        public boolean contains(Instant completion, Instant at) {
            boolean afterStart = startInclusive ? !completion.isBefore(start) : completion.isAfter(start);
            return afterStart && !completion.isAfter(at);
        }
    }

    public Window windowAt(Instant at) {
        if (this == CALENDAR_YEAR) {
            int year = at.atZone(TrainingRules.ZONE).getYear();
            return new Window(yearStart(year), true, yearStart(year + 1));
        }
        return new Window(at.atZone(TrainingRules.ZONE).minusMonths(12).toInstant(), false, at);
    }

    /** The first instant a completion at {@code completion} no longer keeps the subject current. */
    public Instant lapseOf(Instant completion) {
        ZonedDateTime local = completion.atZone(TrainingRules.ZONE);
        return this == CALENDAR_YEAR ? yearStart(local.getYear() + 1) : local.plusMonths(12).toInstant();
    }

    /** 00:00 on 1 January of {@code year}, China time. */
    public static Instant yearStart(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(TrainingRules.ZONE).toInstant();
    }
}
