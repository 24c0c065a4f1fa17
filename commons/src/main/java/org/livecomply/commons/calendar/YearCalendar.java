package org.livecomply.commons.calendar;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One year's State Council notice: statutory rest days and make-up workdays. */
public record YearCalendar(int year, Set<LocalDate> restDays, Set<LocalDate> makeUpWorkdays) {

    public YearCalendar {
        restDays = Set.copyOf(restDays);
        makeUpWorkdays = Set.copyOf(makeUpWorkdays);
    }

    /**
     * Parses the data format: {@code rest FROM [TO]} and {@code work DATE} lines, {@code #} comments.
     * Every date must fall in {@code year}.
     */
    public static YearCalendar parse(int year, List<String> lines) {
        Set<LocalDate> rest = new HashSet<>();
        Set<LocalDate> work = new HashSet<>();
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            try {
                if (parts.length > ("rest".equals(parts[0]) ? 3 : 2)) {
                    throw new IllegalArgumentException("unexpected text after the date(s)");
                }
                switch (parts[0]) {
                    case "rest" -> {
                        LocalDate from = inYear(year, parts[1]);
                        LocalDate to = parts.length > 2 ? inYear(year, parts[2]) : from;
                        if (to.isBefore(from)) {
                            throw new IllegalArgumentException("the range ends before it starts");
                        }
                        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                            rest.add(day);
                        }
                    }
                    case "work" -> work.add(inYear(year, parts[1]));
                    default -> throw new IllegalArgumentException("expected 'rest' or 'work'");
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("calendar " + year + " line " + number + " '" + line + "': " + e.getMessage(), e);
            }
        }
        return new YearCalendar(year, rest, work);
    }

    private static LocalDate inYear(int year, String text) {
        LocalDate date = LocalDate.parse(text);
        if (date.getYear() != year) {
            throw new IllegalArgumentException(text + " is not in " + year);
        }
        return date;
    }
}
