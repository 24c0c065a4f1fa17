package org.livecomply.training.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.livecomply.commons.error.Violations;

/**
 * What the catalogue says about a course version: the caller's fields of CreateCourse, and the result of
 * applying an UpdateCourse mask. Null means "not given" (a violation when required).
 */
public record CourseContent(
        String code,
        String title,
        String description,
        Audience audience,
        CourseKind kind,
        Set<Topic> topics,
        Duration minimumDuration,
        Integer passScore,
        LocalDate effectiveFrom,
        LocalDate effectiveUntil) {

    public static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,31}");
    public static final Duration SHORTEST = Duration.ofMinutes(1);
    public static final Duration LONGEST = Duration.ofHours(24);
    public static final int MAX_TOPICS = 8;
    private static final String PATH = "course.";

    public CourseContent {
        topics = topics == null ? Set.of() : Set.copyOf(topics);
    }

    /** Every bad field, named by its proto path under {@code course.}. */
    public void check(Violations violations) {
        violations.text(PATH + "code", code, 1, 32)
                .matches(PATH + "code", code, CODE, "1..32 of [A-Z0-9_-] starting with a letter or digit")
                .when(audience == null, PATH + "audience", PATH + "audience is required")
                .when(kind == null, PATH + "kind", PATH + "kind is required")
                // Art. 10 ¶1: pre-service training is what marketers need before their first session.
                .when(kind == CourseKind.PRE_SERVICE && audience != null && audience != Audience.MARKETER, PATH + "kind",
                        "Art. 10 ¶1: pre-service courses are for marketers only");
        checkFields(EnumSet.allOf(CourseField.class), violations);
        violations.when(effectiveUntil != null && effectiveFrom != null && effectiveUntil.isBefore(effectiveFrom),
                PATH + "effective_until", PATH + "effective_until must not be before effective_from");
    }

    /** The checks of single editable fields (an update checks those its mask names, then the whole result). */
    public void checkFields(Set<CourseField> fields, Violations violations) {
        if (fields.contains(CourseField.TITLE)) {
            violations.text(PATH + "title", title, 1, 200);
        }
        if (fields.contains(CourseField.DESCRIPTION)) {
            violations.text(PATH + "description", description, 0, 2000);
        }
        if (fields.contains(CourseField.TOPICS)) {
            violations.when(topics.isEmpty() || topics.size() > MAX_TOPICS, PATH + "topics",
                    PATH + "topics must name 1.." + MAX_TOPICS + " distinct topics");
        }
        if (fields.contains(CourseField.MINIMUM_DURATION)) {
            if (minimumDuration == null) {
                violations.add(PATH + "minimum_duration", PATH + "minimum_duration is required");
            } else if (minimumDuration.getNano() != 0 || minimumDuration.compareTo(SHORTEST) < 0 || minimumDuration.compareTo(LONGEST) > 0) {
                violations.add(PATH + "minimum_duration", PATH + "minimum_duration must be whole seconds from 1 minute to 24 hours");
            }
        }
        if (fields.contains(CourseField.PASS_SCORE)) {
            violations.when(passScore == null || passScore < 0 || passScore > 100, PATH + "pass_score", PATH + "pass_score must be 0..100");
        }
        if (fields.contains(CourseField.EFFECTIVE_FROM)) {
            if (effectiveFrom == null) {
                violations.add(PATH + "effective_from", PATH + "effective_from is required");
            } else if (effectiveFrom.getYear() < 2020 || effectiveFrom.getYear() > 2100) {
                violations.add(PATH + "effective_from", PATH + "effective_from must be in the years 2020..2100");
            }
        }
        if (fields.contains(CourseField.EFFECTIVE_UNTIL) && effectiveUntil != null && effectiveUntil.getYear() > 2100) {
            violations.add(PATH + "effective_until", PATH + "effective_until must be in the years 2020..2100");
        }
    }
}
