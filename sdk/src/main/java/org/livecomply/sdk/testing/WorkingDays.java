package org.livecomply.sdk.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The PRC working-day calendar the services count deadlines on: weekends rest unless a make-up workday,
 * statutory holidays rest. The data are a copy of the services' (one State Council notice per year, same
 * format; e2e's FakesContractIT checks that the copies agree); a year without data is Monday–Friday, as there.
 */
final class WorkingDays {

    static final String RESOURCE = "/org/livecomply/sdk/testing/calendar/cn/";
    private static final Duration DAY = Duration.ofDays(1);
    private static final int MAX_DAYS_SCANNED = 3 * 3660;

    private record Year(Set<LocalDate> rest, Set<LocalDate> work) {
    }

    private final Map<Integer, Year> years = new HashMap<>();

    synchronized boolean isWorkingDay(LocalDate day) {
        Year year = years.computeIfAbsent(day.getYear(), WorkingDays::load);
        if (year.work().contains(day)) {
            return true;
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !weekend && !year.rest().contains(day);
    }

    /** The end (next midnight in China) of the n-th working day after the day of {@code event}. */
    Instant deadline(Instant event, int n) {
        LocalDate day = event.atZone(Protos.CHINA).toLocalDate();
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return start(day.plusDays(1));
    }

    /** A half-open pause {@code [start, end)}. */
    record Interval(Instant start, Instant end) {
    }

    /**
     * When n working days of 24 hours, counted from the start of the day after {@code event}, are used up,
     * the working time inside {@code pauses} not counting.
     */
    Instant deadline(Instant event, int workingDays, List<Interval> pauses) {
        Duration remaining = DAY.multipliedBy(workingDays);
        LocalDate day = event.atZone(Protos.CHINA).toLocalDate().plusDays(1);
        for (int scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
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

    /** The working time of {@code pauses} that falls after the day of {@code event}. */
    Duration pausedWorkingTime(Instant event, List<Interval> pauses) {
        Instant counting = start(event.atZone(Protos.CHINA).toLocalDate().plusDays(1));
        Duration total = Duration.ZERO;
        for (Interval pause : pauses) {
            Instant from = pause.start().isAfter(counting) ? pause.start() : counting;
            if (from.isBefore(pause.end())) {
                total = total.plus(workingTimeBetween(from, pause.end()));
            }
        }
        return total;
    }

    private Duration workingTimeBetween(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        LocalDate day = from.atZone(Protos.CHINA).toLocalDate();
        for (Instant cursor = from; cursor.isBefore(to); day = day.plusDays(1)) {
            Instant end = min(start(day.plusDays(1)), to);
            if (isWorkingDay(day)) {
                total = total.plus(Duration.between(cursor, end));
            }
            cursor = end;
        }
        return total;
    }

    private static Interval pauseAt(Instant instant, List<Interval> pauses) {
        return pauses.stream().filter(p -> !instant.isBefore(p.start()) && instant.isBefore(p.end())).findFirst().orElse(null);
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

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(Protos.CHINA).toInstant();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Year load(int year) {
        Set<LocalDate> rest = new HashSet<>();
        Set<LocalDate> work = new HashSet<>();
        try (InputStream in = WorkingDays.class.getResourceAsStream(RESOURCE + year + ".txt")) {
            if (in == null) {
                return new Year(Set.of(), Set.of());
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String raw = lines.readLine(); raw != null; raw = lines.readLine()) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                if ("work".equals(parts[0])) {
                    work.add(LocalDate.parse(parts[1]));
                } else {
                    LocalDate to = LocalDate.parse(parts.length > 2 ? parts[2] : parts[1]);
                    for (LocalDate day = LocalDate.parse(parts[1]); !day.isAfter(to); day = day.plusDays(1)) {
                        rest.add(day);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Year(rest, work);
    }
}
