package org.livecomply.commons.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PRC working days (工作日): weekends rest unless a make-up workday, statutory holidays rest. Data per year
 * come from a loader; a year without data falls back to Monday–Friday, logs a warning once and is listed
 * in {@link #yearsOnFallback()} for the health endpoint — never silently.
 */
public class WorkingDayCalendar {

    /** Deadlines are counted in the platform's legal time zone. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Logger LOG = LoggerFactory.getLogger(WorkingDayCalendar.class);
    private static final int MAX_WORKING_DAYS = 3660;

    private final IntFunction<Optional<YearCalendar>> loader;
    private final Map<Integer, Optional<YearCalendar>> years = new ConcurrentHashMap<>();
    private final Set<Integer> fallbackYears = new ConcurrentSkipListSet<>();

    public WorkingDayCalendar(IntFunction<Optional<YearCalendar>> loader) {
        this.loader = loader;
    }

    public boolean isWorkingDay(LocalDate day) {
        Optional<YearCalendar> year = year(day.getYear());
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (year.isEmpty()) {
            return !weekend;
        }
        if (year.get().makeUpWorkdays().contains(day)) {
            return true;
        }
        return !weekend && !year.get().restDays().contains(day);
    }

    /** The {@code n}-th working day after {@code start} ({@code start} itself never counts); n = 0 gives start. */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        if (n < 0 || n > MAX_WORKING_DAYS) {
            throw new IllegalArgumentException("working days must be 0.." + MAX_WORKING_DAYS + ", not " + n);
        }
        LocalDate day = start;
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * A deadline of {@code n} working days from an event: the end (exclusive, i.e. the next midnight in
     * China) of the n-th working day after the day the event happened.
     */
    public Instant deadline(Instant event, int n) {
        LocalDate lastDay = addWorkingDays(event.atZone(CHINA).toLocalDate(), n);
        return lastDay.plusDays(1).atStartOfDay(CHINA).toInstant();
    }

    /** Working days in {@code [from, to)}, for measuring paused or elapsed clocks. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    public boolean hasData(int year) {
        return year(year).isPresent();
    }

    /** Years that were asked about but have no data, so Monday–Friday was used. */
    public SortedSet<Integer> yearsOnFallback() {
        return new TreeSet<>(fallbackYears);
    }

    private Optional<YearCalendar> year(int year) {
        return years.computeIfAbsent(year, y -> {
            Optional<YearCalendar> loaded = loader.apply(y);
            if (loaded.isEmpty()) {
                fallbackYears.add(y);
                LOG.warn("No PRC working-day calendar for {}: using Monday-Friday until the State Council notice is added", y);
            }
            return loaded;
        });
    }
}
