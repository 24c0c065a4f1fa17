package org.livecomply.training.domain;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Art. 10 ¶1: before a marketer's first session the platform trains (a) transaction and information-
 * security law, (b) product quality and safety, (c) consumer protection and (d) platform rules. The
 * published pre-service marketer catalogue must therefore teach all four on every day from its first
 * effective day on. The set of courses in force only changes on an effective_from or the day after an
 * effective_until, so checking those days (from {@code today}) covers every day.
 */
public final class PreServiceCoverage {

    public static final String ARTICLE = "Art. 10 ¶1";
    public static final String PRE_SERVICE_AREAS_UNCOVERED = "PRE_SERVICE_AREAS_UNCOVERED";

    private PreServiceCoverage() {
    }

    /** A day on which the catalogue leaves areas uncovered. */
    public record Gap(LocalDate day, Set<Topic> missing) {
    }

    /**
     * The first uncovered day on or after {@code today}, if any. {@code catalogue} holds every published
     * pre-service marketer course as it would be after the change being checked. An empty catalogue has
     * no gap to report: there is nothing published yet.
     */
    public static Optional<Gap> firstGap(List<Course> catalogue, LocalDate today) {
        List<Course> relevant = catalogue.stream()
                .filter(c -> c.published() && c.kind() == CourseKind.PRE_SERVICE && c.audience() == Audience.MARKETER)
                .toList();
        if (relevant.isEmpty()) {
            return Optional.empty();
        }
        LocalDate first = relevant.stream().map(Course::effectiveFrom).min(LocalDate::compareTo).orElseThrow();
        LocalDate start = first.isAfter(today) ? first : today;
        TreeSet<LocalDate> changes = new TreeSet<>();
        changes.add(start);
        for (Course course : relevant) {
            changes.add(course.effectiveFrom());
            if (course.effectiveUntil() != null) {
                changes.add(course.effectiveUntil().plusDays(1));
            }
        }
        for (LocalDate day : changes.tailSet(start, true)) {
            Set<Topic> missing = EnumSet.copyOf(Topic.PRE_SERVICE_AREAS);
            relevant.stream().filter(c -> c.inForceOn(day)).forEach(c -> missing.removeAll(c.topics()));
            if (!missing.isEmpty()) {
                return Optional.of(new Gap(day, missing));
            }
        }
        return Optional.empty();
    }
}
