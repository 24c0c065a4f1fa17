package org.livecomply.training.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The status rules without a database: what counts, what is missing, when it lapses, and when refusals are asked for. */
class TrainingStatusEvaluatorTest {

    private static final Subject MARKETER = new Subject(Audience.MARKETER, "m");
    private static final Instant AT = Instant.parse("2026-11-29T02:00:00Z");
    private static final Course ANNUAL_A = course("AN-A", 1, CourseKind.ANNUAL, Topic.LIVE_COMMERCE_REGULATION);
    private static final Course ANNUAL_A2 = course("AN-A", 2, CourseKind.ANNUAL, Topic.LIVE_COMMERCE_REGULATION);
    private static final Course ANNUAL_B = course("AN-B", 1, CourseKind.ANNUAL, Topic.PLATFORM_RULES);

    @Test
    void everyAnnualCodeInForceMustBePassedAndAnyVersionCounts() {
        List<Course> inForce = List.of(ANNUAL_A, ANNUAL_A2, ANNUAL_B);
        TrainingStatus one = TrainingStatusEvaluator.evaluate(MARKETER, AT, AnnualWindow.ROLLING_12_MONTHS, inForce,
                List.of(passed("AN-A", Instant.parse("2026-06-01T00:00:00Z"))), Set::of, List.of());
        assertFalse(one.annualCurrent());
        assertEquals(List.of("courses/AN-B/versions/1"), one.missingCourses().stream().map(m -> m.course().name()).toList());
        assertNull(one.lapsesAt());

        TrainingStatus both = TrainingStatusEvaluator.evaluate(MARKETER, AT, AnnualWindow.ROLLING_12_MONTHS, inForce,
                List.of(passed("AN-A", Instant.parse("2026-06-01T00:00:00Z")), passed("AN-B", Instant.parse("2026-02-01T00:00:00Z")),
                        passed("AN-B", Instant.parse("2026-04-01T00:00:00Z"))), Set::of, List.of());
        assertTrue(both.annualCurrent());
        assertEquals(Instant.parse("2027-04-01T00:00:00Z"), both.lapsesAt(), "the earliest lapse over the codes, from each code's latest completion");
        assertEquals(List.of("AN-A", "AN-B"), both.annualCodesPassed());
    }

    @Test
    void refusalsAreOnlyLookedUpWhenSomethingIsMissing() {
        AtomicInteger asked = new AtomicInteger();
        TrainingStatusEvaluator.evaluate(new Subject(Audience.MCN, "x"), AT, AnnualWindow.CALENDAR_YEAR,
                List.of(course("AN-MCN", 1, CourseKind.ANNUAL, Topic.MARKETER_DUTIES)),
                List.of(passed("AN-MCN", Instant.parse("2026-03-01T00:00:00Z"))), () -> {
                    asked.incrementAndGet();
                    return Set.of();
                }, List.of());
        assertEquals(0, asked.get());
        TrainingStatus missing = TrainingStatusEvaluator.evaluate(MARKETER, AT, AnnualWindow.CALENDAR_YEAR, List.of(ANNUAL_A), List.of(), () -> {
            asked.incrementAndGet();
            return Set.of("AN-A");
        }, List.of());
        assertEquals(1, asked.get());
        assertTrue(missing.missingCourses().get(0).refused());
        assertEquals(List.of(StatusReason.PRE_SERVICE_TRAINING_MISSING, StatusReason.ANNUAL_TRAINING_MISSING, StatusReason.TRAINING_REFUSED),
                missing.reasons().stream().map(StatusReason::reason).toList());
    }

    private static PassedCourse passed(String code, Instant at) {
        return new PassedCourse(code, CourseKind.ANNUAL, Set.of(Topic.LIVE_COMMERCE_REGULATION), at);
    }

    private static Course course(String code, int version, CourseKind kind, Topic topic) {
        return new Course(new CourseRef(code, version), "t", "", Audience.MARKETER, kind, Set.of(topic), Duration.ofMinutes(30), 60,
                LocalDate.of(2026, 1, 1), null, CourseState.PUBLISHED, false, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH);
    }
}
