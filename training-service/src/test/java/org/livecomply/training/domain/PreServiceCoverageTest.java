package org.livecomply.training.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Art. 10 ¶1: the published pre-service marketer catalogue teaches the four areas on every day from today on. */
class PreServiceCoverageTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    void anEmptyCatalogueHasNothingToReport() {
        assertEquals(Optional.empty(), PreServiceCoverage.firstGap(List.of(), TODAY));
    }

    @Test
    void allFourAreasOpenEndedCoverEveryDay() {
        assertEquals(Optional.empty(), PreServiceCoverage.firstGap(List.of(
                course("A", 1, Topic.TRANSACTION_AND_INFORMATION_SECURITY_LAW, Topic.PRODUCT_QUALITY_AND_SAFETY),
                course("B", 1, Topic.CONSUMER_PROTECTION, Topic.PLATFORM_RULES)), TODAY));
    }

    @Test
    void aMissingAreaIsReportedFromToday() {
        assertEquals(Optional.of(new PreServiceCoverage.Gap(TODAY, Set.of(Topic.PLATFORM_RULES))), PreServiceCoverage.firstGap(List.of(
                course("A", 1, Topic.TRANSACTION_AND_INFORMATION_SECURITY_LAW, Topic.PRODUCT_QUALITY_AND_SAFETY, Topic.CONSUMER_PROTECTION)),
                TODAY));
    }

    @Test
    void aGapBetweenAnEndAndALaterStartIsFoundOnItsFirstDay() {
        Course base = course("A", 1, Topic.TRANSACTION_AND_INFORMATION_SECURITY_LAW, Topic.PRODUCT_QUALITY_AND_SAFETY, Topic.CONSUMER_PROTECTION);
        Course rulesUntil = until(course("R", 1, Topic.PLATFORM_RULES), TODAY.plusDays(10));
        Course rulesFrom = from(course("R", 2, Topic.PLATFORM_RULES), TODAY.plusDays(12));
        assertEquals(Optional.of(new PreServiceCoverage.Gap(TODAY.plusDays(11), Set.of(Topic.PLATFORM_RULES))),
                PreServiceCoverage.firstGap(List.of(base, rulesUntil, rulesFrom), TODAY));
        Course adjacent = from(course("R", 2, Topic.PLATFORM_RULES), TODAY.plusDays(11));
        assertEquals(Optional.empty(), PreServiceCoverage.firstGap(List.of(base, rulesUntil, adjacent), TODAY), "the next day is no gap");
    }

    @Test
    void aCatalogueStartingLaterIsCheckedFromItsFirstDayAndPastGapsDoNotMatter() {
        Course future = from(course("A", 1, Topic.TRANSACTION_AND_INFORMATION_SECURITY_LAW), TODAY.plusDays(30));
        assertEquals(Optional.of(new PreServiceCoverage.Gap(TODAY.plusDays(30),
                Set.of(Topic.PRODUCT_QUALITY_AND_SAFETY, Topic.CONSUMER_PROTECTION, Topic.PLATFORM_RULES))),
                PreServiceCoverage.firstGap(List.of(future), TODAY));
        Course endedLongAgo = until(course("OLD", 1, Topic.PLATFORM_RULES), TODAY.minusDays(100));
        Course all = course("ALL", 1, Topic.TRANSACTION_AND_INFORMATION_SECURITY_LAW, Topic.PRODUCT_QUALITY_AND_SAFETY,
                Topic.CONSUMER_PROTECTION, Topic.PLATFORM_RULES);
        assertEquals(Optional.empty(), PreServiceCoverage.firstGap(List.of(endedLongAgo, all), TODAY));
    }

    @Test
    void whenEverythingEndsTheDayAfterIsUncoveredAndOtherCoursesAreIgnored() {
        Course all = until(course("ALL", 1, Topic.TRANSACTION_AND_INFORMATION_SECURITY_LAW, Topic.PRODUCT_QUALITY_AND_SAFETY,
                Topic.CONSUMER_PROTECTION, Topic.PLATFORM_RULES), TODAY.plusDays(5));
        Course annual = new Course(new CourseRef("AN", 1), "t", "", Audience.MARKETER, CourseKind.ANNUAL, Topic.PRE_SERVICE_AREAS,
                Duration.ofMinutes(30), 60, TODAY.minusDays(300), null, CourseState.PUBLISHED, false, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH);
        assertEquals(Optional.of(new PreServiceCoverage.Gap(TODAY.plusDays(6), Topic.PRE_SERVICE_AREAS)),
                PreServiceCoverage.firstGap(List.of(all, annual), TODAY));
    }

    private static Course course(String code, int version, Topic... topics) {
        return new Course(new CourseRef(code, version), "t", "", Audience.MARKETER, CourseKind.PRE_SERVICE, Set.of(topics), Duration.ofMinutes(30),
                60, TODAY.minusDays(300), null, CourseState.PUBLISHED, false, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH);
    }

    private static Course until(Course course, LocalDate lastDay) {
        return new Course(course.ref(), course.title(), course.description(), course.audience(), course.kind(), course.topics(),
                course.minimumDuration(), course.passScore(), course.effectiveFrom(), lastDay, course.state(), false, Instant.EPOCH,
                Instant.EPOCH, Instant.EPOCH);
    }

    private static Course from(Course course, LocalDate firstDay) {
        return new Course(course.ref(), course.title(), course.description(), course.audience(), course.kind(), course.topics(),
                course.minimumDuration(), course.passScore(), firstDay, course.effectiveUntil(), course.state(), false, Instant.EPOCH,
                Instant.EPOCH, Instant.EPOCH);
    }
}
