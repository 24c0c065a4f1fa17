package org.livecomply.training.service;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.livecomply.training.client.IdentityDirectory.KnownSubject;
import org.livecomply.training.domain.AnnualWindow;
import org.livecomply.training.domain.Audience;
import org.livecomply.training.domain.Course;
import org.livecomply.training.domain.CourseKind;
import org.livecomply.training.domain.PassedCourse;
import org.livecomply.training.domain.RegulatorNotice;
import org.livecomply.training.domain.Subject;
import org.livecomply.training.domain.Topic;
import org.livecomply.training.domain.TrainingRules;
import org.livecomply.training.domain.TrainingStatus;
import org.livecomply.training.domain.TrainingStatusEvaluator;
import org.livecomply.training.domain.YearlyCompletion;
import org.livecomply.training.domain.report.ReportYear;
import org.livecomply.training.repository.EnumColumns;
import org.livecomply.training.repository.NoticeAcknowledgementRepository;
import org.livecomply.training.repository.RegulatorNoticeRow;
import org.livecomply.training.repository.TrainingRecordRepository;
import org.livecomply.training.repository.TrainingRecordRow;
import org.livecomply.training.repository.TrainingRefusalRepository;
import org.livecomply.training.repository.TrainingRefusalRow;

/**
 * Training status, read from training's own tables only (the go-live gate asks it for a session's marketers
 * at once): the catalogue in force, the subjects' passed non-voided records and their overdue notices —
 * a few indexed queries whatever the number of subjects, plus refusals when something is missing. Yearly
 * completions are the same evaluation for a page of subjects at once, with the calendar-year window.
 */
@Singleton
public class TrainingStatusService {

    private final CatalogueService catalogue;
    private final TrainingRecordRepository records;
    private final TrainingRefusalRepository refusals;
    private final NoticeService notices;
    private final NoticeAcknowledgementRepository acknowledgements;
    private final TrainingRules rules;
    private final Clock clock;

    public TrainingStatusService(CatalogueService catalogue, TrainingRecordRepository records, TrainingRefusalRepository refusals,
                                 NoticeService notices, NoticeAcknowledgementRepository acknowledgements, TrainingRules rules,
                                 Clock clock) {
        this.catalogue = catalogue;
        this.records = records;
        this.refusals = refusals;
        this.notices = notices;
        this.acknowledgements = acknowledgements;
        this.rules = rules;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** One subject's status: the batch read of {@link #statuses} for one. */
    public TrainingStatus status(Subject subject, Instant at) {
        return statuses(List.of(subject), at).get(0);
    }

    /**
     * The statuses of several subjects at {@code at}, in the order given, each as {@link #status} would answer
     * it, on one connection: the catalogue and the overdue notices once per audience, everyone's passed
     * records in one query. No transaction, for the go-live gate's sake: a read-only one would add three
     * autocommit round trips to three or four queries.
     */
    @Connectable
    public List<TrainingStatus> statuses(List<Subject> subjects, Instant at) {
        Map<Audience, List<Course>> inForce = new EnumMap<>(Audience.class);
        Map<String, List<PassedCourse>> passed = new HashMap<>();
        for (TrainingRecordRow row : records.passed(subjects.stream().map(Subject::name).toList(), at)) {
            passed.computeIfAbsent(row.subject(), k -> new ArrayList<>()).add(passed(row));
        }
        Map<String, List<String>> overdue = new HashMap<>();
        subjects.stream().collect(Collectors.groupingBy(Subject::audience))
                .forEach((audience, group) -> overdue.putAll(overdueNotices(audience, group, at)));
        return subjects.stream().map(subject -> TrainingStatusEvaluator.evaluate(subject, at, rules.annualWindow(),
                inForce.computeIfAbsent(subject.audience(), audience -> catalogue.inForce(audience, TrainingRules.dayOf(at))),
                passed.getOrDefault(subject.name(), List.of()), () -> Set.copyOf(refusals.codesRefusedBy(subject.name(), at)),
                overdue.getOrDefault(subject.name(), List.of()))).toList();
    }

    /** Per subject of one audience, the notices whose deadline passed by {@code at} without its read receipt (Art. 10 ¶2). */
    private Map<String, List<String>> overdueNotices(Audience audience, List<Subject> subjects, Instant at) {
        List<RegulatorNoticeRow> due = notices.dueBy(audience, at);
        if (due.isEmpty()) {
            return Map.of();
        }
        Set<String> receipts = new HashSet<>();
        acknowledgements.given(due.stream().map(RegulatorNoticeRow::seq).toList(), subjects.stream().map(Subject::name).toList(), at)
                .forEach(a -> receipts.add(a.noticeSeq() + "/" + a.subject()));
        Map<String, List<String>> overdue = new HashMap<>();
        for (Subject subject : subjects) {
            overdue.put(subject.name(), due.stream().filter(n -> !receipts.contains(n.seq() + "/" + subject.name()))
                    .map(n -> RegulatorNotice.COLLECTION + n.resourceId()).toList());
        }
        return overdue;
    }

    /** The instant a year is evaluated at: its last instant once it has ended, otherwise now. */
    public Instant evaluationInstant(ReportYear year) {
        Instant now = now();
        return year.endedAt(now) ? year.lastInstant() : now;
    }

    /** Yearly completions of subjects of one audience, in the given order, evaluated at {@code at} within {@code year}. */
    @Transactional(readOnly = true)
    public List<YearlyCompletion> yearly(Audience audience, List<KnownSubject> subjects, ReportYear year, Instant at) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        List<String> names = subjects.stream().map(s -> s.subject().name()).toList();
        List<Course> inForce = catalogue.inForce(audience, TrainingRules.dayOf(at));
        Map<String, List<PassedCourse>> passed = new HashMap<>();
        for (TrainingRecordRow row : records.passed(names, at)) {
            passed.computeIfAbsent(row.subject(), k -> new ArrayList<>()).add(passed(row));
        }
        Map<String, List<TrainingRefusalRow>> refused = new HashMap<>();
        for (TrainingRefusalRow row : refusals.between(names, year.startTime(), at)) {
            refused.computeIfAbsent(row.subject(), k -> new ArrayList<>()).add(row);
        }
        List<YearlyCompletion> completions = new ArrayList<>();
        for (KnownSubject known : subjects) {
            String name = known.subject().name();
            List<TrainingRefusalRow> subjectRefusals = refused.getOrDefault(name, List.of());
            Set<String> refusedCodes = new HashSet<>();
            subjectRefusals.forEach(r -> refusedCodes.add(r.courseCode()));
            TrainingStatus status = TrainingStatusEvaluator.evaluate(known.subject(), at, AnnualWindow.CALENDAR_YEAR, inForce,
                    passed.getOrDefault(name, List.of()), () -> refusedCodes, List.of());
            completions.add(new YearlyCompletion(year.year(), status, known.mcnInstitution(), subjectRefusals.size()));
        }
        return completions;
    }

    private static PassedCourse passed(TrainingRecordRow row) {
        return new PassedCourse(row.courseCode(), CourseKind.valueOf(row.courseKind()), EnumColumns.parse(row.courseTopics(), Topic.class),
                row.completeTime());
    }
}
