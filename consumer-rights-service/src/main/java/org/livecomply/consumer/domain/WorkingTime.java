package org.livecomply.consumer.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.livecomply.commons.calendar.WorkingDayCalendar;

/**
 * Time measured on the PRC working-day calendar, in China time: a working day counts 24 hours, a rest day
 * none. A budget of n working days from an event runs from the start of the day after the event's day to
 * the end of the n-th working day (as {@link WorkingDayCalendar#deadline}); paused intervals do not count,
 * so the working time they cover is added to the deadline.
 */
public final class WorkingTime {

    private static final Duration DAY = Duration.ofDays(1);
    private static final int MAX_DAYS_SCANNED = 3 * 3660;

    private final WorkingDayCalendar calendar;

    public WorkingTime(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    /** A half-open interval {@code [start, end)}. */
    public record Interval(Instant start, Instant end) {

        public Interval {
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("an interval ends before it starts");
            }
        }
    }

    /** The instant the counted working time since {@code event}'s next day reaches {@code workingDays}, skipping {@code pauses}. */
    public Instant deadline(Instant event, int workingDays, List<Interval> pauses) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("a budget is at least one working day");
        }
        Duration remaining = DAY.multipliedBy(workingDays);
        LocalDate day = countingStart(event);
        for (int scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++, day = day.plusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            Instant cursor = start(day);
            Instant dayEnd = start(day.plusDays(1));
            while (cursor.isBefore(dayEnd)) {
                Interval pause = pauseAt(cursor, pauses);
                if (pause != null) {
                    cursor = min(pause.end(), dayEnd);
                    continue;
                }
                Instant segmentEnd = min(dayEnd, nextPauseStart(cursor, dayEnd, pauses));
                Duration segment = Duration.between(cursor, segmentEnd);
                if (remaining.compareTo(segment) <= 0) {
                    return cursor.plus(remaining);
                }
                remaining = remaining.minus(segment);
                cursor = segmentEnd;
            }
        }
        throw new IllegalStateException("no deadline within " + MAX_DAYS_SCANNED + " days");
    }

    /** The working time within {@code pauses} that counts against a budget starting after {@code event}'s day. */
    public Duration pausedWorkingTime(Instant event, List<Interval> pauses) {
        Instant counting = start(countingStart(event));
        Duration total = Duration.ZERO;
        for (Interval pause : pauses) {
            Instant from = max(pause.start(), counting);
            if (from.isBefore(pause.end())) {
                total = total.plus(workingTimeBetween(from, pause.end()));
            }
        }
        return total;
    }

    /** Working time in {@code [from, to)}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        LocalDate day = from.atZone(WorkingDayCalendar.CHINA).toLocalDate();
        for (Instant cursor = from; cursor.isBefore(to); day = day.plusDays(1)) {
            Instant dayEnd = start(day.plusDays(1));
            Instant end = min(dayEnd, to);
            if (calendar.isWorkingDay(day)) {
                total = total.plus(Duration.between(cursor, end));
            }
            cursor = end;
        }
        return total;
    }

    private static LocalDate countingStart(Instant event) {
        return event.atZone(WorkingDayCalendar.CHINA).toLocalDate().plusDays(1);
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(WorkingDayCalendar.CHINA).toInstant();
    }

    private static Interval pauseAt(Instant instant, List<Interval> pauses) {
        for (Interval pause : pauses) {
            if (!instant.isBefore(pause.start()) && instant.isBefore(pause.end())) {
                return pause;
            }
        }
        return null;
    }

    private static Instant nextPauseStart(Instant after, Instant limit, List<Interval> pauses) {
        Instant next = limit;
        for (Interval pause : pauses) {
            if (pause.start().isAfter(after) && pause.start().isBefore(next)) {
                next = pause.start();
            }
        }
        return next;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
