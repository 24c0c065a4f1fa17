package org.livecomply.training.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Derives a subject's training status from the catalogue in force and its passed, non-voided records.
 *
 * <ul>
 *   <li>Pre-service (marketers, Art. 10 ¶1): complete once passed pre-service records together cover the
 *       four areas; a course published later does not undo a completed pre-service training.</li>
 *   <li>Annual (Art. 10 ¶1 marketers, ¶2 room operators and MCNs): every annual course code in force for
 *       the audience was passed (any version) within the annual window. Without an annual course in force
 *       nobody is current: the platform must publish one.</li>
 * </ul>
 */
public final class TrainingStatusEvaluator {

    private TrainingStatusEvaluator() {
    }

    /**
     * @param inForce    the audience's published pre-service and annual courses in force at {@code at}
     * @param passed     the subject's passed, non-voided records completed at or before {@code at}
     * @param refused    the course codes the subject refused (asked only when something is missing)
     * @param overdueNotices regulator notices past their deadline without the subject's read receipt
     */
    public static TrainingStatus evaluate(Subject subject, Instant at, AnnualWindow rule, List<Course> inForce,
                                          List<PassedCourse> passed, Supplier<Set<String>> refused, List<String> overdueNotices) {
        AnnualWindow.Window window = rule.windowAt(at);
        boolean preServiceRequired = subject.audience() == Audience.MARKETER;
        Set<Topic> missingAreas = EnumSet.noneOf(Topic.class);
        Instant preServiceCompleteTime = null;
        if (preServiceRequired) {
            missingAreas.addAll(Topic.PRE_SERVICE_AREAS);
            for (PassedCourse course : sortedByCompletion(passed, CourseKind.PRE_SERVICE)) {
                missingAreas.removeAll(course.topics());
                if (missingAreas.isEmpty()) {
                    preServiceCompleteTime = course.completeTime();
                    break;
                }
            }
        }
        List<Course> missing = new ArrayList<>();
        // A course teaching a missing area was not passed in a version teaching it, whatever else was passed.
        for (Course course : newestVersionPerCode(inForce, CourseKind.PRE_SERVICE)) {
            if (course.topics().stream().anyMatch(missingAreas::contains)) {
                missing.add(course);
            }
        }

        Map<String, Instant> lastAnnualCompletion = new LinkedHashMap<>();
        for (PassedCourse course : sortedByCompletion(passed, CourseKind.ANNUAL)) {
            if (window.contains(course.completeTime(), at)) {
                lastAnnualCompletion.put(course.code(), course.completeTime());
            }
        }
        List<Course> requiredAnnual = newestVersionPerCode(inForce, CourseKind.ANNUAL);
        Instant lapsesAt = null;
        for (Course course : requiredAnnual) {
            Instant last = lastAnnualCompletion.get(course.code());
            if (last == null) {
                missing.add(course);
            } else {
                Instant lapse = rule.lapseOf(last);
                lapsesAt = lapsesAt == null || lapse.isBefore(lapsesAt) ? lapse : lapsesAt;
            }
        }
        boolean annualCurrent = !requiredAnnual.isEmpty() && missing.stream().noneMatch(c -> c.kind() == CourseKind.ANNUAL);

        Set<String> refusedCodes = missing.isEmpty() ? Set.of() : refused.get();
        List<MissingCourse> missingCourses = missing.stream().map(c -> new MissingCourse(c, refusedCodes.contains(c.code()))).toList();
        List<StatusReason> reasons = reasons(subject, missingAreas, requiredAnnual.isEmpty(), missingCourses, overdueNotices);
        return new TrainingStatus(subject, at, preServiceRequired, missingAreas.isEmpty(), preServiceCompleteTime, missingAreas,
                annualCurrent, window, annualCurrent ? lapsesAt : null, List.copyOf(new TreeSet<>(lastAnnualCompletion.keySet())),
                missingCourses, overdueNotices, reasons);
    }

    private static List<StatusReason> reasons(Subject subject, Set<Topic> missingAreas, boolean noAnnualCourse,
                                              List<MissingCourse> missingCourses, List<String> overdueNotices) {
        List<StatusReason> reasons = new ArrayList<>();
        if (!missingAreas.isEmpty()) {
            reasons.add(new StatusReason(StatusReason.PRE_SERVICE_TRAINING_MISSING, PreServiceCoverage.ARTICLE, "",
                    "pre-service training before the first session must cover: "
                            + missingAreas.stream().map(Topic::label).collect(Collectors.joining(", "))));
        }
        String annualArticle = subject.audience().annualArticle();
        if (noAnnualCourse) {
            reasons.add(new StatusReason(StatusReason.ANNUAL_TRAINING_MISSING, annualArticle, "",
                    "no annual course for " + subject.audience() + " is in force: the platform must publish one"));
        }
        for (MissingCourse missing : missingCourses) {
            Course course = missing.course();
            if (course.kind() == CourseKind.ANNUAL) {
                reasons.add(new StatusReason(StatusReason.ANNUAL_TRAINING_MISSING, annualArticle, course.name(),
                        "annual course " + course.code() + " (" + course.title() + ") not passed in the current annual window"));
            }
            if (missing.refused()) {
                reasons.add(new StatusReason(StatusReason.TRAINING_REFUSED, PreServiceCoverage.ARTICLE, course.name(),
                        "the subject refused course " + course.code() + "; training must not be refused"));
            }
        }
        for (String notice : overdueNotices) {
            reasons.add(new StatusReason(StatusReason.REGULATOR_NOTICE_UNACKNOWLEDGED, "Art. 10 ¶2", notice,
                    "no read receipt for this regulator notice by its deadline"));
        }
        return reasons;
    }

    private static List<PassedCourse> sortedByCompletion(List<PassedCourse> passed, CourseKind kind) {
        return passed.stream().filter(p -> p.kind() == kind).sorted(Comparator.comparing(PassedCourse::completeTime)).toList();
    }

    /** One course per code (its newest version in force), by code. */
    private static List<Course> newestVersionPerCode(List<Course> inForce, CourseKind kind) {
        Map<String, Course> newest = new TreeMap<>();
        for (Course course : inForce) {
            if (course.kind() == kind) {
                newest.merge(course.code(), course, (a, b) -> a.ref().version() >= b.ref().version() ? a : b);
            }
        }
        return List.copyOf(newest.values());
    }
}
