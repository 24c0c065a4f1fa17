package org.livecomply.training.service;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.error.RuleViolation;
import org.livecomply.commons.error.RuleViolationException;
import org.livecomply.commons.idempotency.Idempotency;
import org.livecomply.commons.paging.PageTokens;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.training.client.IdentityDirectory;
import org.livecomply.training.domain.Audience;
import org.livecomply.training.domain.Course;
import org.livecomply.training.domain.CourseRef;
import org.livecomply.training.domain.RecordPlausibility;
import org.livecomply.training.domain.Subject;
import org.livecomply.training.domain.TrainingRefusal;
import org.livecomply.training.repository.CourseRepository;
import org.livecomply.training.repository.CourseRow;
import org.livecomply.training.repository.TrainingRefusalRepository;
import org.livecomply.training.repository.TrainingRefusalRow;

/**
 * Refusals to attend training (Art. 10 ¶1: marketers must not refuse training), recorded so that the
 * status names them. The subject is checked with identity-service before the write transaction opens.
 */
@Singleton
public class RefusalService {

    public static final String TRAINING_REFUSAL_NOT_FOUND = "TRAINING_REFUSAL_NOT_FOUND";
    private static final String OPERATION = "RecordTrainingRefusal";

    private final TrainingRefusalRepository refusals;
    private final CatalogueService catalogue;
    private final IdentityDirectory identity;
    private final Idempotency idempotency;
    private final RequestIds requestIds;
    private final TransactionOperations<Connection> transactions;
    private final CourseRepository courses;
    private final PageTokens pageTokens;
    private final Clock clock;

    public RefusalService(TrainingRefusalRepository refusals, CatalogueService catalogue, IdentityDirectory identity, Idempotency idempotency,
                          RequestIds requestIds, TransactionOperations<Connection> transactions,
                          CourseRepository courses, PageTokens pageTokens, Clock clock) {
        this.refusals = refusals;
        this.catalogue = catalogue;
        this.identity = identity;
        this.idempotency = idempotency;
        this.requestIds = requestIds;
        this.transactions = transactions;
        this.courses = courses;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public TrainingRefusal record(String requestId, String fingerprint, Subject subject, CourseRef ref, Instant refuseTime, String note,
                                  String recordedBy) {
        if (!requestIds.seen(OPERATION, requestId)) {
            refuseIfNotApplicable(catalogue.find(ref).orElseThrow(() -> courseNotFound(ref)), subject);
            identity.require(subject);
        }
        return transactions.executeWrite(status -> idempotency.once(OPERATION, requestId, fingerprint, () -> {
            CourseRow course = courses.findByCodeAndVersion(ref.code(), ref.version()).orElseThrow(() -> courseNotFound(ref));
            refuseIfNotApplicable(CatalogueService.toDomain(course), subject);
            TrainingRefusalRow row = refusals.save(new TrainingRefusalRow(null, UUID.randomUUID().toString(), subject.name(), course.seq(),
                    ref.code(), ref.version(), refuseTime.truncatedTo(ChronoUnit.MICROS), note == null ? "" : note, recordedBy,
                    clock.instant().truncatedTo(ChronoUnit.MICROS)));
            return toDomain(row);
        }, TrainingRefusal::name, name -> get(name.substring(TrainingRefusal.COLLECTION.length()))));
    }

    @Transactional(readOnly = true)
    public TrainingRefusal get(String id) {
        return refusals.findByResourceId(id).map(RefusalService::toDomain)
                .orElseThrow(() -> new NotFoundException(TRAINING_REFUSAL_NOT_FOUND, TrainingRefusal.COLLECTION + id));
    }

    @Transactional(readOnly = true)
    public PagedResult<TrainingRefusal> list(Subject subject, int pageSize, String pageToken) {
        String subjectFilter = subject == null ? "" : subject.name();
        String query = "ListTrainingRefusals?subject=" + subjectFilter;
        List<TrainingRefusalRow> rows = refusals.page(pageTokens.resume(pageToken, query, 0), subjectFilter, pageSize + 1);
        return pageTokens.page(query, rows, pageSize, TrainingRefusalRow::seq, shown -> shown.stream().map(RefusalService::toDomain).toList());
    }

    /** A refusal concerns a published course meant for the subject's audience. */
    private static void refuseIfNotApplicable(Course course, Subject subject) {
        if (!course.published()) {
            throw new RuleViolationException(new RuleViolation(RecordPlausibility.COURSE_NOT_IN_FORCE, RecordPlausibility.ARTICLE, course.name(),
                    course.name() + " is a draft: nobody can be asked to attend it"));
        }
        if (course.audience() != subject.audience()) {
            throw new RuleViolationException(new RuleViolation(RecordPlausibility.COURSE_AUDIENCE_MISMATCH, RecordPlausibility.ARTICLE,
                    subject.name(), course.name() + " is for " + course.audience() + ", not for " + subject.audience()));
        }
    }

    private static NotFoundException courseNotFound(CourseRef ref) {
        return new NotFoundException(CatalogueService.COURSE_NOT_FOUND, ref.name());
    }

    static TrainingRefusal toDomain(TrainingRefusalRow row) {
        Audience audience = Audience.ofResourceName(row.subject()).orElseThrow();
        return new TrainingRefusal(row.resourceId(), new Subject(audience, row.subject().substring(audience.collection().length())),
                new CourseRef(row.courseCode(), row.courseVersion()), row.refuseTime(), row.note(), row.recordedBy(), row.recordTime());
    }
}
