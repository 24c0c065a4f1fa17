package org.livecomply.training.service;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.livecomply.commons.error.ConcurrencyConflictException;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.error.RuleViolation;
import org.livecomply.commons.error.RuleViolationException;
import org.livecomply.commons.error.Violations;
import org.livecomply.commons.idempotency.Idempotency;
import org.livecomply.commons.paging.PageTokens;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.commons.persistence.IntegrityViolations;
import org.livecomply.training.domain.Audience;
import org.livecomply.training.domain.Course;
import org.livecomply.training.domain.CourseContent;
import org.livecomply.training.domain.CourseField;
import org.livecomply.training.domain.CourseKind;
import org.livecomply.training.domain.CourseRef;
import org.livecomply.training.domain.CourseState;
import org.livecomply.training.domain.PreServiceCoverage;
import org.livecomply.training.domain.Topic;
import org.livecomply.training.domain.TrainingRules;
import org.livecomply.training.repository.CourseRepository;
import org.livecomply.training.repository.CourseRow;
import org.livecomply.training.repository.EnumColumns;

/**
 * The course catalogue (Art. 10). A change to a course is a new version; a version a record uses is
 * immutable (records keep attesting what they attested). Every change to what is published keeps the
 * pre-service marketer catalogue covering the four areas of Art. 10 ¶1 on every day from today on.
 */
@Singleton
public class CatalogueService {

    public static final String COURSE_NOT_FOUND = "COURSE_NOT_FOUND";
    public static final String COURSE_VERSION_IN_USE = "COURSE_VERSION_IN_USE";
    public static final String COURSE_ALREADY_PUBLISHED = "COURSE_ALREADY_PUBLISHED";
    public static final String COURSE_NOT_PUBLISHED = "COURSE_NOT_PUBLISHED";
    public static final String CONCURRENT_CHANGE = "CONCURRENT_CHANGE";
    private static final String ARTICLE = "Art. 10";

    private final CourseRepository courses;
    private final Idempotency idempotency;
    private final PageTokens pageTokens;
    private final Clock clock;

    private final TransactionOperations<Connection> transactions;
    private final ReferenceCache<InForceKey, List<Course>> inForce;

    private record InForceKey(Audience audience, LocalDate day) {
    }

    public CatalogueService(CourseRepository courses, Idempotency idempotency, PageTokens pageTokens, Clock clock,
                            TransactionOperations<Connection> transactions, @Value("${livecomply.training.reference-ttl:5s}") Duration referenceTtl) {
        this.transactions = transactions;
        this.inForce = new ReferenceCache<>(referenceTtl);
        this.courses = courses;
        this.idempotency = idempotency;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** A new draft: version 1 of a new code, or the next version of a known one. */
    @Transactional
    public Course create(String requestId, String fingerprint, CourseContent content, String createdBy) {
        return idempotency.once("CreateCourse", requestId, fingerprint, () -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            CourseRow row = new CourseRow(null, content.code(), courses.lastVersion(content.code()) + 1, content.title(),
                    content.description() == null ? "" : content.description(), content.audience().name(), content.kind().name(),
                    EnumColumns.join(content.topics()), (int) content.minimumDuration().toSeconds(), content.passScore(),
                    content.effectiveFrom(), content.effectiveUntil(), CourseState.DRAFT.name(), false, createdBy, now, now, null);
            try {
                return toDomain(courses.save(row));
            } catch (DataAccessException e) {
                if (!IntegrityViolations.isIntegrityViolation(e)) {
                    throw e;
                }
                throw new ConcurrencyConflictException(CONCURRENT_CHANGE, "another version of " + content.code() + " was created concurrently; retry");
            }
        }, Course::name, this::getByName);
    }

    /** Changes the fields named in {@code fields} to those of {@code values}; refused once a record uses the version. */
    @Transactional
    public Course update(String requestId, String fingerprint, CourseRef ref, Set<CourseField> fields, CourseContent values) {
        try {
            return idempotency.once("UpdateCourse", requestId, fingerprint, () -> {
                CourseRow locked = courses.lock(ref.code(), ref.version()).orElseThrow(() -> notFound(ref));
                Course current = toDomain(locked);
                if (current.inUse()) {
                    // Art. 10: a record attests the course as it was taken; a change is a new version.
                    throw new RuleViolationException(new RuleViolation(COURSE_VERSION_IN_USE, ARTICLE, ref.name(),
                            ref.name() + " is used by training records and cannot change: create a new version of " + ref.code()));
                }
                CourseContent merged = merge(current.content(), fields, values);
                Violations violations = new Violations();
                merged.check(violations);
                violations.throwIfAny();
                Course updated = current.with(merged, clock.instant().truncatedTo(ChronoUnit.MICROS));
                if (updated.published()) {
                    requireCoverage(replacing(lockedPublishedPreService(), List.of(updated)));
                }
                return toDomain(courses.update(toRow(updated, locked)));
            }, Course::name, this::getByName);
        } finally {
            inForce.clearAfterCommit(transactions);
        }
    }

    /** Publishes drafts together, refused when the pre-service catalogue would leave an Art. 10 ¶1 area uncovered. */
    @Transactional
    public List<Course> publish(String requestId, String fingerprint, List<CourseRef> refs) {
        // The fingerprint covers the names, so a replay publishes (and returns) exactly these versions.
        try {
            return idempotency.once("PublishCourses", requestId, fingerprint, () -> {
                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                List<Course> published = new ArrayList<>();
                List<CourseRow> locked = new ArrayList<>();
                for (CourseRef ref : refs) {
                    CourseRow row = courses.lock(ref.code(), ref.version()).orElseThrow(() -> notFound(ref));
                    locked.add(row);
                    Course draft = toDomain(row);
                    if (draft.published()) {
                        throw new RuleViolationException(new RuleViolation(COURSE_ALREADY_PUBLISHED, ARTICLE, ref.name(),
                                ref.name() + " is already published"));
                    }
                    published.add(new Course(draft.ref(), draft.title(), draft.description(), draft.audience(), draft.kind(), draft.topics(),
                            draft.minimumDuration(), draft.passScore(), draft.effectiveFrom(), draft.effectiveUntil(), CourseState.PUBLISHED,
                            draft.inUse(), draft.createTime(), now, now));
                }
                requireCoverage(replacing(lockedPublishedPreService(), published));
                for (int i = 0; i < published.size(); i++) {
                    courses.update(toRow(published.get(i), locked.get(i)));
                }
                return published;
            }, result -> "published", ignored -> refs.stream().map(this::get).toList());
        } finally {
            inForce.clearAfterCommit(transactions);
        }
    }

    /** Ends a published version's validity on {@code lastDay} (today or later, China time); allowed while in use. */
    @Transactional
    public Course retire(String requestId, String fingerprint, CourseRef ref, LocalDate lastDay) {
        try {
            return idempotency.once("RetireCourse", requestId, fingerprint, () -> {
                CourseRow locked = courses.lock(ref.code(), ref.version()).orElseThrow(() -> notFound(ref));
                Course current = toDomain(locked);
                if (!current.published()) {
                    throw new RuleViolationException(new RuleViolation(COURSE_NOT_PUBLISHED, ARTICLE, ref.name(),
                            ref.name() + " is a draft: edit or leave it instead of retiring it"));
                }
                LocalDate today = TrainingRules.dayOf(clock.instant());
                Violations violations = new Violations()
                        .when(lastDay.isBefore(today), "last_effective_date", "last_effective_date must be today (" + today + ", China time) or later")
                        .when(lastDay.isBefore(current.effectiveFrom()), "last_effective_date",
                                "last_effective_date must not be before effective_from " + current.effectiveFrom())
                        .when(current.effectiveUntil() != null && lastDay.isAfter(current.effectiveUntil()), "last_effective_date",
                                "last_effective_date must not be after the current effective_until " + current.effectiveUntil());
                violations.throwIfAny();
                CourseContent content = current.content();
                Course retired = current.with(new CourseContent(content.code(), content.title(), content.description(), content.audience(),
                        content.kind(), content.topics(), content.minimumDuration(), content.passScore(), content.effectiveFrom(), lastDay),
                        clock.instant().truncatedTo(ChronoUnit.MICROS));
                requireCoverage(replacing(lockedPublishedPreService(), List.of(retired)));
                return toDomain(courses.update(toRow(retired, locked)));
            }, Course::name, this::getByName);
        } finally {
            inForce.clearAfterCommit(transactions);
        }
    }

    @Transactional(readOnly = true)
    public Course get(CourseRef ref) {
        return courses.findByCodeAndVersion(ref.code(), ref.version()).map(CatalogueService::toDomain).orElseThrow(() -> notFound(ref));
    }

    @Transactional(readOnly = true)
    public Optional<Course> find(CourseRef ref) {
        return courses.findByCodeAndVersion(ref.code(), ref.version()).map(CatalogueService::toDomain);
    }

    /** Oldest first; null filters mean any. */
    @Transactional(readOnly = true)
    public PagedResult<Course> list(Audience audience, CourseKind kind, CourseState state, String code, int pageSize, String pageToken) {
        String audienceFilter = audience == null ? "" : audience.name();
        String kindFilter = kind == null ? "" : kind.name();
        String stateFilter = state == null ? "" : state.name();
        String codeFilter = code == null ? "" : code;
        String query = "ListCourses?audience=" + audienceFilter + "&kind=" + kindFilter + "&state=" + stateFilter + "&code=" + codeFilter;
        List<CourseRow> rows = courses.page(pageTokens.resume(pageToken, query, 0), audienceFilter, kindFilter, stateFilter, codeFilter,
                pageSize + 1);
        return pageTokens.page(query, rows, pageSize, CourseRow::seq, shown -> shown.stream().map(CatalogueService::toDomain).toList());
    }

    /**
     * The audience's published pre-service and annual courses in force on {@code day}; every status read needs
     * them, so they are read at most once per {@code livecomply.training.reference-ttl} (see {@link ReferenceCache}).
     * Their {@code inUse} and update time may lag: recording training marks a course in use without a clear.
     */
    public List<Course> inForce(Audience audience, LocalDate day) {
        return inForce.get(new InForceKey(audience, day),
                key -> courses.inForce(key.audience().name(), key.day()).stream().map(CatalogueService::toDomain).toList());
    }

    /** Art. 10 ¶1: one violation per area left uncovered on the first such day. */
    private void requireCoverage(List<Course> catalogue) {
        LocalDate today = TrainingRules.dayOf(clock.instant());
        PreServiceCoverage.firstGap(catalogue, today).ifPresent(gap -> {
            throw new RuleViolationException(gap.missing().stream()
                    .map(topic -> new RuleViolation(PreServiceCoverage.PRE_SERVICE_AREAS_UNCOVERED, PreServiceCoverage.ARTICLE,
                            "TOPIC_" + topic.name(), "from " + gap.day() + " (China time) no published pre-service marketer course teaches "
                                    + topic.label() + "; the pre-service catalogue must cover all four areas"))
                    .toList());
        });
    }

    private List<Course> lockedPublishedPreService() {
        return courses.lockPublishedPreService().stream().map(CatalogueService::toDomain).toList();
    }

    /** {@code catalogue} with {@code changed} versions replacing (or joining) theirs. */
    private static List<Course> replacing(List<Course> catalogue, List<Course> changed) {
        Map<CourseRef, Course> byRef = new LinkedHashMap<>();
        catalogue.forEach(course -> byRef.put(course.ref(), course));
        changed.forEach(course -> byRef.put(course.ref(), course));
        return List.copyOf(byRef.values());
    }

    private static CourseContent merge(CourseContent current, Set<CourseField> fields, CourseContent values) {
        return new CourseContent(current.code(),
                fields.contains(CourseField.TITLE) ? values.title() : current.title(),
                fields.contains(CourseField.DESCRIPTION) ? values.description() : current.description(),
                current.audience(), current.kind(),
                fields.contains(CourseField.TOPICS) ? values.topics() : current.topics(),
                fields.contains(CourseField.MINIMUM_DURATION) ? values.minimumDuration() : current.minimumDuration(),
                fields.contains(CourseField.PASS_SCORE) ? values.passScore() : current.passScore(),
                fields.contains(CourseField.EFFECTIVE_FROM) ? values.effectiveFrom() : current.effectiveFrom(),
                fields.contains(CourseField.EFFECTIVE_UNTIL) ? values.effectiveUntil() : current.effectiveUntil());
    }

    private Course getByName(String name) {
        String[] parts = name.split("/");
        return get(new CourseRef(parts[1], Integer.parseInt(parts[3])));
    }

    private static NotFoundException notFound(CourseRef ref) {
        return new NotFoundException(COURSE_NOT_FOUND, ref.name());
    }

    private static CourseRow toRow(Course course, CourseRow existing) {
        return new CourseRow(existing.seq(), course.code(), course.ref().version(), course.title(), course.description() == null ? "" : course.description(),
                course.audience().name(), course.kind().name(), EnumColumns.join(course.topics()), (int) course.minimumDuration().toSeconds(),
                course.passScore(), course.effectiveFrom(), course.effectiveUntil(), course.state().name(), existing.inUse(),
                existing.createdBy(), existing.createTime(), course.updateTime(), course.publishTime());
    }

    static Course toDomain(CourseRow row) {
        return new Course(new CourseRef(row.code(), row.version()), row.title(), row.description(), Audience.valueOf(row.audience()),
                CourseKind.valueOf(row.kind()), EnumColumns.parse(row.topics(), Topic.class), Duration.ofSeconds(row.minimumDurationSeconds()),
                row.passScore(), row.effectiveFrom(), row.effectiveUntil(), CourseState.valueOf(row.state()), row.inUse(),
                row.createTime(), row.updateTime(), row.publishTime());
    }
}
