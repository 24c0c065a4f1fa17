package org.livecomply.commons.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The PRC calendar of LEGAL.md "Working days" (State Council notice of 2025-11-04 for 2026). */
class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = new WorkingDayCalendarFactory().workingDayCalendar(null);

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @ParameterizedTest(name = "{0} working={1}")
    @CsvSource({
            // New Year: Jan 1-3 rest (Thu-Sat), Jan 4 (Sun) make-up workday
            "2026-01-01, false", "2026-01-02, false", "2026-01-03, false", "2026-01-04, true", "2026-01-05, true",
            // Spring Festival: Feb 14 (Sat) worked, Feb 15-23 rest, Feb 28 (Sat) worked
            "2026-02-13, true", "2026-02-14, true", "2026-02-15, false", "2026-02-16, false", "2026-02-20, false",
            "2026-02-23, false", "2026-02-24, true", "2026-02-28, true",
            // Qingming, Labour Day (+ May 9 Sat worked), Dragon Boat, Mid-Autumn (+ Sep 20 Sun worked)
            "2026-04-06, false", "2026-05-05, false", "2026-05-09, true", "2026-06-19, false",
            "2026-09-20, true", "2026-09-25, false",
            // National Day: Oct 1-7 rest, Oct 8-9 work, Oct 10 (Sat) worked, Oct 11 (Sun) rest
            "2026-10-01, false", "2026-10-05, false", "2026-10-07, false", "2026-10-08, true", "2026-10-10, true",
            "2026-10-11, false",
            // ordinary weekend and weekday
            "2026-03-07, false", "2026-03-08, false", "2026-03-09, true",
    })
    void notice2026(String day, boolean working) {
        assertEquals(working, calendar.isWorkingDay(d(day)));
    }

    @Test
    void addsWorkingDaysAcrossTheSpringFestival() {
        LocalDate friday = d("2026-02-13");
        assertEquals(friday, calendar.addWorkingDays(friday, 0));
        assertEquals(d("2026-02-14"), calendar.addWorkingDays(friday, 1), "the make-up Saturday counts");
        assertEquals(d("2026-02-24"), calendar.addWorkingDays(friday, 2), "Feb 15-23 are skipped");
        assertEquals(d("2026-02-27"), calendar.addWorkingDays(friday, 5));
        assertEquals(d("2026-02-28"), calendar.addWorkingDays(friday, 6), "the second make-up Saturday counts");
        assertEquals(d("2026-03-02"), calendar.addWorkingDays(friday, 7), "an ordinary weekend does not");
        // starting on a rest day: the start itself never counts
        assertEquals(d("2026-02-24"), calendar.addWorkingDays(d("2026-02-15"), 1));
    }

    @Test
    void addsWorkingDaysAcrossNationalDay() {
        LocalDate lastSeptember = d("2026-09-30");
        assertEquals(d("2026-10-08"), calendar.addWorkingDays(lastSeptember, 1));
        assertEquals(d("2026-10-09"), calendar.addWorkingDays(lastSeptember, 2));
        assertEquals(d("2026-10-10"), calendar.addWorkingDays(lastSeptember, 3), "Oct 10 (Sat) is worked");
        assertEquals(d("2026-10-12"), calendar.addWorkingDays(lastSeptember, 4));
        // after the New Year holiday, the make-up Sunday Jan 4 is the first working day
        assertEquals(d("2026-01-04"), calendar.addWorkingDays(d("2026-01-01"), 1));
    }

    @Test
    void refusesANegativeOrAbsurdCount() {
        assertThrows(IllegalArgumentException.class, () -> calendar.addWorkingDays(d("2026-01-05"), -1));
        assertThrows(IllegalArgumentException.class, () -> calendar.addWorkingDays(d("2026-01-05"), 100_000));
    }

    @Test
    void countsWorkingDaysInAHalfOpenRange() {
        // February 2026: 20 weekdays, minus Feb 16-20 and 23 (6), plus Feb 14 and 28 = 16
        assertEquals(16, calendar.workingDaysBetween(d("2026-02-01"), d("2026-03-01")));
        assertEquals(0, calendar.workingDaysBetween(d("2026-02-15"), d("2026-02-24")));
        assertEquals(1, calendar.workingDaysBetween(d("2026-02-15"), d("2026-02-25")), "the end is exclusive");
        assertEquals(0, calendar.workingDaysBetween(d("2026-03-09"), d("2026-03-09")));
    }

    @Test
    void deadlineIsTheNextMidnightInChinaAfterTheNthWorkingDay() {
        // 23:30 UTC on Feb 12 is 07:30 on Friday Feb 13 in Shanghai: counting starts from Feb 13
        Instant event = Instant.parse("2026-02-12T23:30:00Z");
        assertEquals(Instant.parse("2026-02-14T16:00:00Z"), calendar.deadline(event, 1), "end of Sat Feb 14 (CST)");
        assertEquals(Instant.parse("2026-02-24T16:00:00Z"), calendar.deadline(event, 2), "end of Tue Feb 24 (CST)");
        // 15:59 UTC is still Feb 13 in China; 16:00 UTC is already Feb 14
        assertEquals(Instant.parse("2026-02-14T16:00:00Z"), calendar.deadline(Instant.parse("2026-02-13T15:59:59Z"), 1));
        assertEquals(Instant.parse("2026-02-24T16:00:00Z"), calendar.deadline(Instant.parse("2026-02-13T16:00:00Z"), 1));
        // 0 working days: the end of the event's own (China) day
        assertEquals(Instant.parse("2026-02-13T16:00:00Z"), calendar.deadline(event, 0));
    }

    @Test
    void aYearWithoutDataFallsBackToMondayToFridayAndSaysSo() {
        assertTrue(calendar.hasData(2026));
        assertTrue(calendar.yearsOnFallback().isEmpty());

        assertTrue(calendar.isWorkingDay(d("2027-01-01")), "Friday, no notice for 2027 yet: Monday-Friday rule");
        assertFalse(calendar.isWorkingDay(d("2027-01-02")), "Saturday");
        assertFalse(calendar.hasData(2027));
        assertEquals(Set.of(2027), calendar.yearsOnFallback());
        // crossing into the fallback year
        assertEquals(d("2027-01-01"), calendar.addWorkingDays(d("2026-12-31"), 1));
        assertEquals(d("2027-01-04"), calendar.addWorkingDays(d("2026-12-31"), 2));
        assertEquals(Set.of(2027), calendar.yearsOnFallback(), "2026 has data and is never listed");
    }

    @Test
    void loadsEachYearOnceAndOnlyWhenAskedAbout() {
        AtomicInteger loads = new AtomicInteger();
        WorkingDayCalendar counting = new WorkingDayCalendar(year -> {
            loads.incrementAndGet();
            return WorkingDayCalendarFactory.load(null, year);
        });
        counting.workingDaysBetween(d("2026-01-01"), d("2026-12-31"));
        counting.isWorkingDay(d("2026-05-01"));
        assertEquals(1, loads.get());
    }

    @Test
    void healthDetailsReportAMissingYear() {
        Clock inJune2026 = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
        Map<String, Object> details = new WorkingDayCalendarHealthIndicator(calendar, inJune2026).details();
        assertEquals(true, details.get("currentYearCovered"));
        assertEquals(false, details.get("nextYearCovered"));
        assertEquals(Set.of(2027), details.get("yearsOnMondayToFridayFallback"));

        // 2026-12-31T16:00Z is already 2027 in China
        Clock newYearInChina = Clock.fixed(Instant.parse("2026-12-31T16:00:00Z"), ZoneOffset.UTC);
        Map<String, Object> later = new WorkingDayCalendarHealthIndicator(calendar, newYearInChina).details();
        assertEquals(false, later.get("currentYearCovered"));
    }

    @Test
    void parseReadsRangesSingleDaysAndComments() {
        YearCalendar year = YearCalendar.parse(2026, List.of(
                "# comment", "", "  rest 2026-04-04 2026-04-06  ", "rest 2026-06-19", "work 2026-05-09"));
        assertEquals(Set.of(d("2026-04-04"), d("2026-04-05"), d("2026-04-06"), d("2026-06-19")), year.restDays());
        assertEquals(Set.of(d("2026-05-09")), year.makeUpWorkdays());
    }

    @Test
    void parseRefusesADateOutsideItsYearWithTheLineNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> YearCalendar.parse(2026,
                List.of("# header", "rest 2026-01-01 2026-01-03", "work 2027-01-04")));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("2027-01-04"), e.getMessage());
        // a range whose end leaves the year
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> YearCalendar.parse(2026, List.of("rest 2026-12-31 2027-01-01")));
        assertTrue(range.getMessage().contains("line 1"), range.getMessage());
    }

    @Test
    void parseRefusesAnUnknownKeywordWithTheLineNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> YearCalendar.parse(2026, List.of("rest 2026-01-01", "", "holiday 2026-02-16")));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("holiday"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rest",                               // no date
            "work 2026-02-30",                    // no such date
            "rest 2026-10-07 2026-10-01",         // reversed range would silently mark nothing
            "work 2026-02-14 2026-02-28",         // a second date would silently be ignored
    })
    void parseRefusesMalformedLines(String line) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> YearCalendar.parse(2026, List.of("# 2026", line)));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void theCalendarDirectoryWinsOverTheShippedFiles(@TempDir Path directory) throws IOException {
        // 2027: no shipped file; the directory supplies one
        Files.writeString(directory.resolve("2027.txt"), String.join("\n",
                "# test notice", "rest 2027-01-01 2027-01-03", "work 2027-01-02"), StandardCharsets.UTF_8);
        // 2026: the directory's file replaces the shipped one entirely
        Files.writeString(directory.resolve("2026.txt"), "rest 2026-03-09\n", StandardCharsets.UTF_8);

        Optional<YearCalendar> year2027 = WorkingDayCalendarFactory.load(directory.toString(), 2027);
        assertTrue(year2027.isPresent());
        assertEquals(Set.of(d("2027-01-02")), year2027.get().makeUpWorkdays());

        WorkingDayCalendar overridden = new WorkingDayCalendarFactory().workingDayCalendar(directory.toString());
        assertFalse(overridden.isWorkingDay(d("2027-01-01")), "Friday, but a holiday in the directory's 2027 file");
        assertTrue(overridden.isWorkingDay(d("2027-01-02")), "Saturday make-up day from the directory's file");
        assertTrue(overridden.hasData(2027));
        assertFalse(overridden.isWorkingDay(d("2026-03-09")), "rest day only in the directory's 2026 file");
        assertFalse(overridden.isWorkingDay(d("2026-02-14")), "the shipped make-up Saturday is not merged in");
        assertTrue(overridden.yearsOnFallback().isEmpty());
    }

    @Test
    void aDirectoryWithoutTheYearFallsBackToTheShippedFile(@TempDir Path directory) {
        WorkingDayCalendar withEmptyDirectory = new WorkingDayCalendarFactory().workingDayCalendar(directory.toString());
        assertTrue(withEmptyDirectory.isWorkingDay(d("2026-02-14")));
        assertFalse(withEmptyDirectory.isWorkingDay(d("2026-02-16")));
        assertTrue(WorkingDayCalendarFactory.load(directory.toString(), 2027).isEmpty());
        assertTrue(WorkingDayCalendarFactory.load("", 2026).isPresent());
    }

    @Test
    void aBrokenDirectoryFileStopsLoadingInsteadOfFallingBack(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("2026.txt"), "rest 2026-01-01\nwork 26-01-04\n", StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WorkingDayCalendarFactory.load(directory.toString(), 2026));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
