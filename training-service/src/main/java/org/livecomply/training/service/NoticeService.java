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
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.livecomply.commons.error.AlreadyExistsException;
import org.livecomply.commons.error.ConcurrencyConflictException;
import org.livecomply.commons.error.InvalidArgumentException;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.error.RuleViolation;
import org.livecomply.commons.error.RuleViolationException;
import org.livecomply.commons.idempotency.Idempotency;
import org.livecomply.commons.paging.PageTokens;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.commons.persistence.IntegrityViolations;
import org.livecomply.training.client.IdentityDirectory;
import org.livecomply.training.domain.Audience;
import org.livecomply.training.domain.NoticeAcknowledgement;
import org.livecomply.training.domain.RegulatorNotice;
import org.livecomply.training.domain.Subject;
import org.livecomply.training.domain.TrainingRules;
import org.livecomply.training.repository.EnumColumns;
import org.livecomply.training.repository.NoticeAcknowledgementRepository;
import org.livecomply.training.repository.NoticeAcknowledgementRow;
import org.livecomply.training.repository.RegulatorNoticeRepository;
import org.livecomply.training.repository.RegulatorNoticeRow;

/**
 * Regulators' requirements passed on promptly to room operators, MCNs and marketers (Art. 10 ¶2), with a
 * read receipt per subject and the list of subjects still without one.
 */
@Singleton
public class NoticeService {

    public static final String REGULATOR_NOTICE_NOT_FOUND = "REGULATOR_NOTICE_NOT_FOUND";
    public static final String SUBJECT_NOT_IN_NOTICE_AUDIENCE = "SUBJECT_NOT_IN_NOTICE_AUDIENCE";
    public static final String NOTICE_ALREADY_ACKNOWLEDGED = "NOTICE_ALREADY_ACKNOWLEDGED";
    private static final String ACKNOWLEDGE = "AcknowledgeNotice";

    private final RegulatorNoticeRepository notices;
    private final NoticeAcknowledgementRepository acknowledgements;
    private final IdentityDirectory identity;
    private final SubjectScan scan;
    private final Idempotency idempotency;
    private final RequestIds requestIds;
    private final TransactionOperations<Connection> transactions;
    private final PageTokens pageTokens;
    private final Clock clock;
    private final ReferenceCache<Audience, List<RegulatorNoticeRow>> toAudience;

    public NoticeService(RegulatorNoticeRepository notices, NoticeAcknowledgementRepository acknowledgements, IdentityDirectory identity,
                         SubjectScan scan, Idempotency idempotency, RequestIds requestIds, TransactionOperations<Connection> transactions,
                         PageTokens pageTokens, Clock clock, @Value("${livecomply.training.reference-ttl:5s}") Duration referenceTtl) {
        this.toAudience = new ReferenceCache<>(referenceTtl);
        this.notices = notices;
        this.acknowledgements = acknowledgements;
        this.identity = identity;
        this.scan = scan;
        this.idempotency = idempotency;
        this.requestIds = requestIds;
        this.transactions = transactions;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * Notices to {@code audience} whose read-receipt deadline passed by {@code at}, oldest first. Every status
     * read needs them, so the audience's notices are read at most once per {@code livecomply.training.reference-ttl}
     * (see {@link ReferenceCache}).
     */
    public List<RegulatorNoticeRow> dueBy(Audience audience, Instant at) {
        return toAudience.get(audience, key -> notices.toAudience(key.name())).stream()
                .filter(notice -> !notice.acknowledgeDeadline().isAfter(at)).toList();
    }

    @Transactional
    public RegulatorNotice circulate(String requestId, String fingerprint, RegulatorNotice notice, String circulatedBy) {
        try {
            return idempotency.once("CirculateRegulatorNotice", requestId, fingerprint, () -> {
                RegulatorNoticeRow row = notices.save(new RegulatorNoticeRow(null, UUID.randomUUID().toString(), notice.title(),
                        notice.issuingAuthority(), notice.documentReference(), notice.digest(),
                        notice.documentSha256() == null || notice.documentSha256().isEmpty() ? null : notice.documentSha256(),
                        EnumColumns.join(notice.audiences()), notice.acknowledgeDeadline().truncatedTo(ChronoUnit.MICROS), circulatedBy,
                        clock.instant().truncatedTo(ChronoUnit.MICROS)));
                return toDomain(row);
            }, RegulatorNotice::name, name -> get(name.substring(RegulatorNotice.COLLECTION.length())));
        } finally {
            toAudience.clearAfterCommit(transactions);
        }
    }

    @Transactional(readOnly = true)
    public RegulatorNotice get(String id) {
        return toDomain(row(id));
    }

    @Transactional(readOnly = true)
    public PagedResult<RegulatorNotice> list(int pageSize, String pageToken) {
        String query = "ListRegulatorNotices";
        List<RegulatorNoticeRow> rows = notices.page(pageTokens.resume(pageToken, query, Long.MAX_VALUE), pageSize + 1);
        return pageTokens.page(query, rows, pageSize, RegulatorNoticeRow::seq, shown -> shown.stream().map(NoticeService::toDomain).toList());
    }

    /** A subject's read receipt; the subject must be of the notice's audiences and known to identity-service. */
    public NoticeAcknowledgement acknowledge(String requestId, String fingerprint, String noticeId, Subject subject, Instant acknowledgeTime,
                                             String recordedBy) {
        if (!requestIds.seen(ACKNOWLEDGE, requestId)) {
            check(toDomain(row(noticeId)), subject, acknowledgeTime);
            identity.require(subject);
        }
        return transactions.executeWrite(status -> idempotency.once(ACKNOWLEDGE, requestId, fingerprint, () -> {
            RegulatorNoticeRow row = row(noticeId);
            RegulatorNotice notice = toDomain(row);
            check(notice, subject, acknowledgeTime);
            acknowledgements.findByNoticeSeqAndSubject(row.seq(), subject.name()).ifPresent(existing -> {
                throw alreadyAcknowledged(noticeId, existing.resourceId());
            });
            Instant time = acknowledgeTime.truncatedTo(ChronoUnit.MICROS);
            try {
                return toDomain(acknowledgements.save(new NoticeAcknowledgementRow(null, UUID.randomUUID().toString(), row.seq(),
                        subject.name(), time, time.isAfter(notice.acknowledgeDeadline()), recordedBy,
                        clock.instant().truncatedTo(ChronoUnit.MICROS))), noticeId);
            } catch (DataAccessException e) {
                if (!IntegrityViolations.isIntegrityViolation(e)) {
                    throw e;
                }
                throw new ConcurrencyConflictException(CatalogueService.CONCURRENT_CHANGE,
                        "the subject's read receipt was recorded concurrently; retry to see it");
            }
        }, NoticeAcknowledgement::name, name -> acknowledgement(noticeId, name.substring(name.lastIndexOf('/') + 1))));
    }

    @Transactional(readOnly = true)
    public PagedResult<NoticeAcknowledgement> listAcknowledgements(String noticeId, int pageSize, String pageToken) {
        RegulatorNoticeRow notice = row(noticeId);
        String query = "ListNoticeAcknowledgements?parent=" + noticeId;
        List<NoticeAcknowledgementRow> rows = acknowledgements.page(notice.seq(), pageTokens.resume(pageToken, query, 0), pageSize + 1);
        return pageTokens.page(query, rows, pageSize, NoticeAcknowledgementRow::seq,
                shown -> shown.stream().map(r -> toDomain(r, noticeId)).toList());
    }

    /** The subjects of the notice's audiences (as registered in identity-service) without a read receipt. */
    public PagedResult<String> listUnacknowledged(String noticeId, int pageSize, String pageToken) {
        RegulatorNoticeRow row = row(noticeId);
        List<Audience> audiences = List.copyOf(EnumSet.copyOf(toDomain(row).audiences()));
        return scan.page("ListUnacknowledgedSubjects?parent=" + noticeId, audiences, pageSize, pageToken, (audience, subjects) -> {
            List<String> names = subjects.stream().map(s -> s.subject().name()).toList();
            Set<String> acknowledged = names.isEmpty() ? Set.of() : new HashSet<>(acknowledgements.acknowledgedAmong(row.seq(), names));
            return names.stream().map(name -> acknowledged.contains(name) ? null : name).toList();
        }, subject -> false);
    }

    private void check(RegulatorNotice notice, Subject subject, Instant acknowledgeTime) {
        if (!notice.audiences().contains(subject.audience())) {
            throw new RuleViolationException(new RuleViolation(SUBJECT_NOT_IN_NOTICE_AUDIENCE, RegulatorNotice.ARTICLE, subject.name(),
                    notice.name() + " was circulated to " + notice.audiences() + ", not to " + subject.audience()));
        }
        if (acknowledgeTime.isBefore(notice.circulateTime()) || acknowledgeTime.isAfter(clock.instant().plus(TrainingRules.CLOCK_SKEW))) {
            throw InvalidArgumentException.of("acknowledgement.acknowledge_time",
                    "acknowledgement.acknowledge_time must lie between the circulation (" + notice.circulateTime() + ") and now");
        }
    }

    private NoticeAcknowledgement acknowledgement(String noticeId, String id) {
        return acknowledgements.findByResourceId(id).map(r -> toDomain(r, noticeId)).orElseThrow();
    }

    private RegulatorNoticeRow row(String id) {
        return notices.findByResourceId(id).orElseThrow(() -> new NotFoundException(REGULATOR_NOTICE_NOT_FOUND, RegulatorNotice.COLLECTION + id));
    }

    private static AlreadyExistsException alreadyAcknowledged(String noticeId, String existingId) {
        return new AlreadyExistsException(NOTICE_ALREADY_ACKNOWLEDGED, "the subject already acknowledged this notice",
                Map.of("existing", RegulatorNotice.COLLECTION + noticeId + "/acknowledgements/" + existingId));
    }

    private static RegulatorNotice toDomain(RegulatorNoticeRow row) {
        return new RegulatorNotice(row.resourceId(), row.title(), row.issuingAuthority(), row.documentReference(), row.digest(),
                row.documentSha256(), EnumColumns.parse(row.audiences(), Audience.class), row.acknowledgeDeadline(), row.circulatedBy(),
                row.circulateTime());
    }

    private static NoticeAcknowledgement toDomain(NoticeAcknowledgementRow row, String noticeId) {
        Audience audience = Audience.ofResourceName(row.subject()).orElseThrow();
        return new NoticeAcknowledgement(noticeId, row.resourceId(), new Subject(audience, row.subject().substring(audience.collection().length())),
                row.acknowledgeTime(), row.late(), row.recordedBy(), row.recordTime());
    }
}
