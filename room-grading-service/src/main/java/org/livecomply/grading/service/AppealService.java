package org.livecomply.grading.service;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.livecomply.api.identity.v1.RevokeBlacklistEntryRequest;
import org.livecomply.commons.error.ConcurrencyConflictException;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.error.RuleViolation;
import org.livecomply.commons.error.RuleViolationException;
import org.livecomply.commons.idempotency.Idempotency;
import org.livecomply.commons.paging.PageTokens;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.commons.persistence.IntegrityViolations;
import org.livecomply.grading.domain.Appeal;
import org.livecomply.grading.domain.Disposal;
import org.livecomply.grading.domain.Evidence;
import org.livecomply.grading.domain.Measure;
import org.livecomply.grading.domain.Room;
import org.livecomply.grading.repository.AppealRepository;
import org.livecomply.grading.repository.AppealRow;
import org.livecomply.grading.repository.DisposalRepository;
import org.livecomply.grading.repository.DisposalRow;
import org.livecomply.grading.repository.RoomRow;

/**
 * Appeals against disposals (Art. 14): filed within the appeal window the notice gave, one pending at a
 * time, reviewed by a compliance officer with recorded reasons; an overturned disposal is revoked from the
 * decision on, and the result notice is kept for the platform to deliver.
 */
@Singleton
public class AppealService {

    public static final String NOT_FOUND = "APPEAL_NOT_FOUND";
    public static final String APPEAL_WINDOW_CLOSED = "APPEAL_WINDOW_CLOSED";
    public static final String APPEAL_ALREADY_PENDING = "APPEAL_ALREADY_PENDING";
    public static final String APPEAL_ALREADY_DECIDED = "APPEAL_ALREADY_DECIDED";
    public static final String DISPOSAL_REVOKED = "DISPOSAL_REVOKED";
    static final String ARTICLE = "Art. 14";
    static final String EVIDENCE_OF_APPEAL = "APPEAL";

    private final AppealRepository appeals;
    private final DisposalRepository disposals;
    private final Rooms rooms;
    private final ViolationService evidence;
    private final Idempotency idempotency;
    private final PageTokens pageTokens;
    private final Outbox outbox;
    private final Clock clock;

    public AppealService(AppealRepository appeals, DisposalRepository disposals, Rooms rooms, ViolationService evidence,
                         Idempotency idempotency, PageTokens pageTokens, Outbox outbox, Clock clock) {
        this.appeals = appeals;
        this.disposals = disposals;
        this.rooms = rooms;
        this.evidence = evidence;
        this.idempotency = idempotency;
        this.pageTokens = pageTokens;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Appeal file(String requestId, String fingerprint, String roomId, String disposalId, String statement, List<Evidence> offered,
                       String filedBy) {
        return idempotency.once("FileAppeal", requestId, fingerprint, () -> {
            DisposalRow disposal = lockDisposal(roomId, disposalId);
            Instant now = Micros.of(clock.instant());
            String subject = Room.COLLECTION + roomId + "/" + Disposal.COLLECTION + disposalId;
            if (disposal.revokeTime() != null) {
                throw new RuleViolationException(new RuleViolation(DISPOSAL_REVOKED, ARTICLE, subject, "the disposal was already revoked"));
            }
            if (now.isAfter(disposal.appealDeadline())) {
                throw new RuleViolationException(new RuleViolation(APPEAL_WINDOW_CLOSED, ARTICLE, subject,
                        "appeals against this disposal could be filed until " + disposal.appealDeadline()));
            }
            AppealRow row;
            try {
                row = appeals.save(new AppealRow(null, UUID.randomUUID().toString(), disposal.seq(), disposal.seq(), statement,
                        Appeal.State.PENDING.name(), filedBy, now, null, null, null, null));
            } catch (DataAccessException e) {
                if (!IntegrityViolations.isIntegrityViolation(e)) {
                    throw e;
                }
                throw new RuleViolationException(new RuleViolation(APPEAL_ALREADY_PENDING, ARTICLE, subject,
                        "an appeal against this disposal is pending review"));
            }
            evidence.saveEvidence(EVIDENCE_OF_APPEAL, row.seq(), offered);
            return toDomain(row, roomId, disposalId);
        }, Appeal::id, id -> get(roomId, disposalId, id));
    }

    @Transactional
    public Appeal decide(String requestId, String fingerprint, String roomId, String disposalId, String appealId, Appeal.State outcome,
                         String reason, String decidedBy) {
        return idempotency.once("DecideAppeal", requestId, fingerprint, () -> {
            DisposalRow disposal = lockDisposal(roomId, disposalId);
            AppealRow appeal = appeals.lock(appealId).filter(a -> a.disposalSeq() == disposal.seq())
                    .orElseThrow(() -> notFound(roomId, disposalId, appealId));
            if (!Appeal.State.PENDING.name().equals(appeal.state())) {
                throw new RuleViolationException(new RuleViolation(APPEAL_ALREADY_DECIDED, ARTICLE, appeal.resourceId(),
                        "the appeal was already decided (" + appeal.state() + ")"));
            }
            Instant now = Micros.of(clock.instant());
            String notice = notice(disposal, outcome, reason, now);
            if (appeals.decide(appeal.seq(), outcome.name(), reason, decidedBy, now, notice) != 1) {
                throw new ConcurrencyConflictException("CONCURRENT_CHANGE", "the appeal was decided concurrently; retry");
            }
            if (outcome == Appeal.State.OVERTURNED) {
                // Art. 14: a successful appeal lifts the measure from the decision on, in identity too.
                disposals.revoke(disposal.seq(), now);
                if (Measure.valueOf(disposal.measure()).identityEntry()) {
                    outbox.append(UUID.randomUUID().toString(), Outbox.Kind.IDENTITY_BLACKLIST_REVOCATION,
                            Room.COLLECTION + roomId + "/disposals/" + disposalId + "/appeals/" + appealId,
                            RevokeBlacklistEntryRequest.newBuilder().setReason(reason).build(),
                            Outbox.Status.PENDING);
                }
            }
            return get(roomId, disposalId, appealId);
        }, Appeal::id, id -> get(roomId, disposalId, id));
    }

    @Transactional(readOnly = true)
    public Appeal get(String roomId, String disposalId, String appealId) {
        DisposalRow disposal = disposal(roomId, disposalId);
        AppealRow row = appeals.findByResourceId(appealId).filter(a -> a.disposalSeq() == disposal.seq())
                .orElseThrow(() -> notFound(roomId, disposalId, appealId));
        return toDomain(row, roomId, disposalId);
    }

    @Transactional(readOnly = true)
    public PagedResult<Appeal> list(boolean pendingOnly, int pageSize, String pageToken) {
        String query = "ListAppeals?pending=" + pendingOnly;
        List<AppealRow> rows = appeals.page(pageTokens.resume(pageToken, query, 0), pendingOnly, pageSize + 1);
        return pageTokens.page(query, rows, pageSize, AppealRow::seq, shown -> shown.stream().map(row -> {
            DisposalRow disposal = disposals.findById(row.disposalSeq()).orElseThrow();
            return toDomain(row, rooms.idOf(disposal.roomSeq()), disposal.resourceId());
        }).toList());
    }

    private static String notice(DisposalRow disposal, Appeal.State outcome, String reason, Instant now) {
        String result = outcome == Appeal.State.OVERTURNED
                ? "The appeal is upheld in your favour: the " + disposal.measure() + " is revoked from " + now + "."
                : "The appeal is dismissed: the " + disposal.measure() + " stands as notified.";
        return "Result of your appeal against disposal " + disposal.resourceId() + " (Art. 14), decided " + now + ". " + result
                + " Reasons: " + reason;
    }

    private Appeal toDomain(AppealRow row, String roomId, String disposalId) {
        List<Evidence> items = evidence.evidenceOf(EVIDENCE_OF_APPEAL, List.of(row.seq())).getOrDefault(row.seq(), List.of());
        return new Appeal(row.resourceId(), roomId, disposalId, row.statement(), items, Appeal.State.valueOf(row.state()), row.filedBy(),
                row.fileTime(), row.decisionReason(), row.decidedBy(), row.decideTime(), row.resultNotice());
    }

    private DisposalRow lockDisposal(String roomId, String disposalId) {
        RoomRow room = rooms.row(roomId);
        return disposals.lock(disposalId).filter(d -> d.roomSeq() == room.seq())
                .orElseThrow(() -> new NotFoundException(DisposalService.NOT_FOUND, Room.COLLECTION + roomId + "/" + Disposal.COLLECTION + disposalId));
    }

    private DisposalRow disposal(String roomId, String disposalId) {
        RoomRow room = rooms.row(roomId);
        return disposals.findByResourceId(disposalId).filter(d -> d.roomSeq() == room.seq())
                .orElseThrow(() -> new NotFoundException(DisposalService.NOT_FOUND, Room.COLLECTION + roomId + "/" + Disposal.COLLECTION + disposalId));
    }

    private static NotFoundException notFound(String roomId, String disposalId, String appealId) {
        return new NotFoundException(NOT_FOUND, Room.COLLECTION + roomId + "/" + Disposal.COLLECTION + disposalId + "/" + Appeal.COLLECTION + appealId);
    }
}
