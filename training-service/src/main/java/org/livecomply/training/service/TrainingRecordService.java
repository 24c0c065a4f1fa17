package org.livecomply.training.service;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.error.RuleViolation;
import org.livecomply.commons.error.RuleViolationException;
import org.livecomply.commons.idempotency.Idempotency;
import org.livecomply.commons.paging.PageTokens;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.commons.persistence.IntegrityViolations;
import org.livecomply.training.client.IdentityDirectory;
import org.livecomply.training.client.IdentityDirectory.KnownSubject;
import org.livecomply.training.domain.Audience;
import org.livecomply.training.domain.CertificateIds;
import org.livecomply.training.domain.Course;
import org.livecomply.training.domain.CourseKind;
import org.livecomply.training.domain.CourseRef;
import org.livecomply.training.domain.IdentityCheck;
import org.livecomply.training.domain.Issuer;
import org.livecomply.training.domain.NewTrainingRecord;
import org.livecomply.training.domain.RecordPlausibility;
import org.livecomply.training.domain.Subject;
import org.livecomply.training.domain.TrainingRecord;
import org.livecomply.training.repository.CourseRepository;
import org.livecomply.training.repository.CourseRow;
import org.livecomply.training.repository.EnumColumns;
import org.livecomply.training.repository.TrainingRecordRepository;
import org.livecomply.training.repository.TrainingRecordRow;
import org.livecomply.training.repository.TrainingRecordVoidRepository;
import org.livecomply.training.repository.TrainingRecordVoidRow;

/**
 * Training records (Art. 10): append-only statements, checked for plausibility against their course and
 * for their subject with identity-service — before the write transaction opens, so an unreachable
 * identity leaves nothing written. A passing record gets a certificate id; a void is the only correction.
 */
@Singleton
public class TrainingRecordService {

    public static final String TRAINING_RECORD_NOT_FOUND = "TRAINING_RECORD_NOT_FOUND";
    public static final String TRAINING_RECORD_ALREADY_VOIDED = "TRAINING_RECORD_ALREADY_VOIDED";
    public static final String ISSUER_NOT_SUBJECTS_MCN = "ISSUER_NOT_SUBJECTS_MCN";
    public static final String CERTIFICATE_NOT_FOUND = "CERTIFICATE_NOT_FOUND";
    private static final String OPERATION = "RecordTraining";

    private final TrainingRecordRepository records;
    private final TrainingRecordVoidRepository voids;
    private final CourseRepository courses;
    private final CatalogueService catalogue;
    private final IdentityDirectory identity;
    private final Idempotency idempotency;
    private final RequestIds requestIds;
    private final TransactionOperations<Connection> transactions;
    private final CertificateKeys certificateKeys;
    private final PageTokens pageTokens;
    private final Clock clock;

    public TrainingRecordService(TrainingRecordRepository records, TrainingRecordVoidRepository voids, CourseRepository courses,
                                 CatalogueService catalogue, IdentityDirectory identity, Idempotency idempotency, RequestIds requestIds,
                                 TransactionOperations<Connection> transactions, CertificateKeys certificateKeys, PageTokens pageTokens,
                                 Clock clock) {
        this.records = records;
        this.voids = voids;
        this.courses = courses;
        this.catalogue = catalogue;
        this.identity = identity;
        this.idempotency = idempotency;
        this.requestIds = requestIds;
        this.transactions = transactions;
        this.certificateKeys = certificateKeys;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Checks the statement (course, then identity), then stores it in one transaction. */
    public TrainingRecord record(String requestId, String fingerprint, NewTrainingRecord record, String recordedBy) {
        if (!requestIds.seen(OPERATION, requestId)) {
            Course course = catalogue.find(record.course()).orElseThrow(() -> courseNotFound(record.course()));
            refuseIfImplausible(course, record);
            KnownSubject subject = identity.require(record.subject());
            refuseForeignIssuer(record.issuer(), subject);
        }
        return transactions.executeWrite(status -> idempotency.once(OPERATION, requestId, fingerprint,
                () -> insert(record, recordedBy), TrainingRecord::name, name -> get(name.substring(TrainingRecord.COLLECTION.length()))));
    }

    private TrainingRecord insert(NewTrainingRecord record, String recordedBy) {
        CourseRow row = courses.findByCodeAndVersion(record.course().code(), record.course().version())
                .orElseThrow(() -> courseNotFound(record.course()));
        if (!row.inUse()) {
            // The first records of a version mark it used under its row lock, so that a concurrent
            // UpdateCourse either comes first (and is checked here) or sees it used. Once used, the
            // version never changes again and later records need no lock.
            row = courses.lock(record.course().code(), record.course().version()).orElseThrow(() -> courseNotFound(record.course()));
            courses.markInUse(row.seq());
        }
        Course course = CatalogueService.toDomain(row);
        refuseIfImplausible(course, record);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant completeTime = record.completeTime().truncatedTo(ChronoUnit.MICROS);
        String id = UUID.randomUUID().toString();
        boolean passed = course.passes(record.score());
        String certificateId = passed
                ? CertificateIds.compute(certificateKeys.mac(), id, record.subject(), course.ref(), completeTime, record.score())
                : null;
        TrainingRecordRow saved = records.save(new TrainingRecordRow(null, id, record.subject().name(), record.subject().audience().name(),
                row.seq(), course.code(), course.ref().version(), course.kind().name(), EnumColumns.join(course.topics()),
                record.startTime().truncatedTo(ChronoUnit.MICROS), completeTime,
                record.watchedDuration().toNanos() / 1_000, record.score(), passed, record.identityCheck().method().name(),
                record.identityCheck().reference(), record.identityCheck().checkTime().truncatedTo(ChronoUnit.MICROS),
                record.issuer().name(), certificateId, recordedBy, now));
        return toDomain(saved, null);
    }

    /** Voids a record with a reason: it stays, counts for nothing, and its certificate verifies as voided. */
    @Transactional
    public TrainingRecord voidRecord(String requestId, String fingerprint, String id, String reason, String voidedBy) {
        return idempotency.once("VoidTrainingRecord", requestId, fingerprint, () -> {
            TrainingRecordRow row = records.findByResourceId(id).orElseThrow(() -> notFound(id));
            if (voids.findById(row.seq()).isPresent()) {
                throw alreadyVoided(id);
            }
            TrainingRecordVoidRow voiding = new TrainingRecordVoidRow(row.seq(), reason, voidedBy, clock.instant().truncatedTo(ChronoUnit.MICROS));
            try {
                voids.save(voiding);
            } catch (DataAccessException e) {
                if (!IntegrityViolations.isIntegrityViolation(e)) {
                    throw e;
                }
                throw alreadyVoided(id);
            }
            return toDomain(row, voiding);
        }, TrainingRecord::name, name -> get(name.substring(TrainingRecord.COLLECTION.length())));
    }

    @Transactional(readOnly = true)
    public TrainingRecord get(String id) {
        TrainingRecordRow row = records.findByResourceId(id).orElseThrow(() -> notFound(id));
        return toDomain(row, voids.findById(row.seq()).orElse(null));
    }

    /** Oldest first; {@code subject} null for all; {@code voided} null for any state. */
    @Transactional(readOnly = true)
    public PagedResult<TrainingRecord> list(Subject subject, Boolean voided, int pageSize, String pageToken) {
        String subjectFilter = subject == null ? "" : subject.name();
        String stateFilter = voided == null ? "" : voided ? "VOIDED" : "ACTIVE";
        String query = "ListTrainingRecords?subject=" + subjectFilter + "&state=" + stateFilter;
        List<TrainingRecordRow> rows = records.page(pageTokens.resume(pageToken, query, 0), subjectFilter, stateFilter, pageSize + 1);
        return pageTokens.page(query, rows, pageSize, TrainingRecordRow::seq, shown -> {
            Map<Long, TrainingRecordVoidRow> voidings = shown.isEmpty() ? Map.of()
                    : voids.findByRecordSeqIn(shown.stream().map(TrainingRecordRow::seq).toList()).stream()
                    .collect(Collectors.toMap(TrainingRecordVoidRow::recordSeq, Function.identity()));
            return shown.stream().map(row -> toDomain(row, voidings.get(row.seq()))).toList();
        });
    }

    /** The record a certificate id was issued for, and whether it still matches the id (recomputed). */
    @Transactional(readOnly = true)
    public CertificateCheck verify(String rawCertificateId) {
        TrainingRecordRow row = records.findByCertificateId(rawCertificateId)
                .orElseThrow(() -> new NotFoundException(CERTIFICATE_NOT_FOUND, CertificateIds.display(rawCertificateId)));
        TrainingRecord record = toDomain(row, voids.findById(row.seq()).orElse(null));
        String recomputed = CertificateIds.compute(certificateKeys.mac(), record.id(), record.subject(), record.course(),
                record.completeTime(), record.score());
        return new CertificateCheck(record, row.passed() && recomputed.equals(rawCertificateId));
    }

    /** A certificate's record and whether the stored record still yields the id. */
    public record CertificateCheck(TrainingRecord record, boolean matches) {
    }

    private static void refuseIfImplausible(Course course, NewTrainingRecord record) {
        List<RuleViolation> violations = RecordPlausibility.violations(course, record);
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    /** Arts. 38, 41: an MCN states training only for itself or for marketers who belong to it. */
    private static void refuseForeignIssuer(Issuer issuer, KnownSubject subject) {
        if (issuer.isPlatform()) {
            return;
        }
        String mcn = issuer.mcn().name();
        boolean itself = subject.subject().equals(issuer.mcn());
        boolean itsMarketer = subject.subject().audience() == Audience.MARKETER && mcn.equals(subject.mcnInstitution());
        if (!itself && !itsMarketer) {
            throw new RuleViolationException(new RuleViolation(ISSUER_NOT_SUBJECTS_MCN, "Arts. 38, 41", subject.subject().name(),
                    mcn + " may state training only for itself and its own marketers; " + subject.subject().name()
                            + (subject.mcnInstitution().isEmpty() ? " belongs to no MCN" : " belongs to " + subject.mcnInstitution())));
        }
    }

    private static NotFoundException courseNotFound(CourseRef ref) {
        return new NotFoundException(CatalogueService.COURSE_NOT_FOUND, ref.name());
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException(TRAINING_RECORD_NOT_FOUND, TrainingRecord.COLLECTION + id);
    }

    private static RuleViolationException alreadyVoided(String id) {
        return new RuleViolationException(new RuleViolation(TRAINING_RECORD_ALREADY_VOIDED, "Art. 10", TrainingRecord.COLLECTION + id,
                "the record is already voided; record a correct statement anew"));
    }

    static TrainingRecord toDomain(TrainingRecordRow row, TrainingRecordVoidRow voiding) {
        Audience audience = Audience.valueOf(row.audience());
        return new TrainingRecord(row.resourceId(), new Subject(audience, row.subject().substring(audience.collection().length())),
                new CourseRef(row.courseCode(), row.courseVersion()), CourseKind.valueOf(row.courseKind()), row.startTime(),
                row.completeTime(), Duration.ofNanos(row.watchedMicros() * 1_000), row.score(), row.passed(),
                new IdentityCheck(IdentityCheck.Method.valueOf(row.identityCheckMethod()), row.identityCheckReference(), row.identityCheckTime()),
                Issuer.ofName(row.issuer()), row.certificateId(),
                voiding == null ? null : new TrainingRecord.Voiding(voiding.reason(), voiding.voidedBy(), voiding.voidTime()),
                row.recordedBy(), row.recordTime());
    }
}
