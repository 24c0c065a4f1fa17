package org.livecomply.consumer.domain.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import org.livecomply.commons.calendar.WorkingDayCalendar;

/**
 * How long a scheduled clue export covers (Art. 46; ECL Art. 29 leave the rhythm to the platform and its
 * regulator): a China-time day, ISO week (Monday to Sunday) or calendar month.
 */
public enum ClueExportPeriod {
    DAY, WEEK, MONTH;

    /** One period: its key (e.g. {@code 2026-11-28}, {@code 2026-W48}, {@code 2026-11}) and its instants [start, end). */
    public record Period(String key, Instant start, Instant end) {
    }

    /** The whole period before the one containing {@code now}, in China time. */
    public Period precedingAt(Instant now) {
        LocalDate today = now.atZone(WorkingDayCalendar.CHINA).toLocalDate();
        return switch (this) {
            case DAY -> period(today.minusDays(1).toString(), today.minusDays(1), today);
            case WEEK -> {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
                yield period(String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                        monday, monday.plusWeeks(1));
            }
            case MONTH -> {
                LocalDate first = today.withDayOfMonth(1).minusMonths(1);
                yield period(first.toString().substring(0, 7), first, first.plusMonths(1));
            }
        };
    }

    private static Period period(String key, LocalDate first, LocalDate endExclusive) {
        return new Period(key, first.atStartOfDay(WorkingDayCalendar.CHINA).toInstant(), endExclusive.atStartOfDay(WorkingDayCalendar.CHINA).toInstant());
    }
}
