package org.livecomply.identity.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.livecomply.commons.calendar.WorkingDayCalendar;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.error.RuleViolation;
import org.livecomply.commons.error.RuleViolationException;
import org.livecomply.commons.idempotency.Idempotency;
import org.livecomply.commons.paging.PageTokens;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.identity.domain.MarketerState;
import org.livecomply.identity.domain.RoomOperatorState;
import org.livecomply.identity.domain.SubjectType;
import org.livecomply.identity.domain.UnreachableNotice;
import org.livecomply.identity.repository.MarketerRow;
import org.livecomply.identity.repository.MarketerStore;
import org.livecomply.identity.repository.RoomOperatorRow;
import org.livecomply.identity.repository.RoomOperatorStore;
import org.livecomply.identity.repository.UnreachableNoticeRepository;
import org.livecomply.identity.repository.UnreachableNoticeRow;
import org.livecomply.identity.repository.VerificationRepository;

/**
 * Art. 22 unreachable notices: reminder deadline on the working-day calendar, disposal (suspension of the
 * subject) when still not updated after the reminder, resolution only after a verified update, which
 * lifts the suspension.
 */
@Singleton
public class UnreachableNoticeService {

    public static final String NOT_FOUND = "UNREACHABLE_NOTICE_NOT_FOUND";
    public static final String STEP_NOT_ALLOWED = "UNREACHABLE_NOTICE_STEP_NOT_ALLOWED";
    public static final String UPDATE_NOT_VERIFIED = "UPDATE_NOT_VERIFIED";

    private final UnreachableNoticeRepository notices;
    private final RoomOperatorStore roomOperators;
    private final MarketerStore marketers;
    private final VerificationRepository verifications;
    private final Subjects subjects;
    private final WorkingDayCalendar calendar;
    private final Idempotency idempotency;
    private final PageTokens pageTokens;
    private final Clock clock;

    public UnreachableNoticeService(UnreachableNoticeRepository notices, RoomOperatorStore roomOperators, MarketerStore marketers,
                                    VerificationRepository verifications, Subjects subjects, WorkingDayCalendar calendar, Idempotency idempotency,
                                    PageTokens pageTokens, Clock clock) {
        this.notices = notices;
        this.roomOperators = roomOperators;
        this.marketers = marketers;
        this.verifications = verifications;
        this.subjects = subjects;
        this.calendar = calendar;
        this.idempotency = idempotency;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    @Transactional
    public UnreachableNotice record(String requestId, String fingerprint, SubjectType type, String subjectId, String regulator,
                                    String reference, Instant noticeTime) {
        return idempotency.once("RecordUnreachableNotice", requestId, fingerprint, () -> {
            subjects.seq(type, subjectId);
            Instant now = micros(clock.instant());
            Instant notice = micros(noticeTime);
            UnreachableNoticeRow row = notices.save(new UnreachableNoticeRow(null, UUID.randomUUID().toString(), type.name(), subjectId,
                    regulator, reference, notice, calendar.deadline(notice, UnreachableNotice.REMINDER_WORKING_DAYS),
                    null, UnreachableNotice.State.OPEN.name(), "", now, now));
            return toDomain(row);
        }, UnreachableNotice::id, this::get);
    }

    @Transactional
    public UnreachableNotice remind(String requestId, String fingerprint, String id) {
        return idempotency.once("RemindUnreachableSubject", requestId, fingerprint,
                () -> move(id, UnreachableNotice.State.REMINDED, "", notice -> { }), UnreachableNotice::id, this::get);
    }

    /** Art. 22: still not updated after the reminder, so the subject is suspended. */
    @Transactional
    public UnreachableNotice dispose(String requestId, String fingerprint, String id, String note) {
        return idempotency.once("ApplyUnreachableDisposal", requestId, fingerprint,
                () -> move(id, UnreachableNotice.State.DISPOSED, note, notice -> suspend(notice, true)), UnreachableNotice::id, this::get);
    }

    /** Art. 22: closed after a verified update; a suspension from this notice is lifted. */
    @Transactional
    public UnreachableNotice resolve(String requestId, String fingerprint, String id, String note) {
        return idempotency.once("ResolveUnreachableNotice", requestId, fingerprint, () -> move(id, UnreachableNotice.State.RESOLVED, note,
                notice -> {
                    if (!verifications.passedSince(notice.subjectType().name(), subjects.seq(notice.subjectType(), notice.subjectId()),
                            notice.noticeTime())) {
                        throw new RuleViolationException(new RuleViolation(UPDATE_NOT_VERIFIED, UnreachableNotice.ARTICLE, notice.subjectName(),
                                "no passed verification of the subject since the notice of " + notice.noticeTime()
                                        + ": record the verified update first"));
                    }
                    if (notice.state() == UnreachableNotice.State.DISPOSED) {
                        suspend(notice, false);
                    }
                }), UnreachableNotice::id, this::get);
    }

    private UnreachableNotice move(String id, UnreachableNotice.State to, String note, java.util.function.Consumer<UnreachableNotice> effect) {
        UnreachableNoticeRow row = notices.lockByResourceId(id).orElseThrow(() -> notFound(id));
        UnreachableNotice notice = toDomain(row);
        if (!to.allowedFrom().contains(notice.state())) {
            throw new RuleViolationException(new RuleViolation(STEP_NOT_ALLOWED, UnreachableNotice.ARTICLE, notice.name(),
                    "a notice in state " + notice.state() + " cannot become " + to + " (allowed from " + to.allowedFrom() + ")"));
        }
        effect.accept(notice);
        Instant now = micros(clock.instant());
        notices.move(row.seq(), to.name(), to == UnreachableNotice.State.REMINDED ? now : row.remindTime(), note == null ? "" : note, now);
        return get(id);
    }

    /** Suspends the subject, or lifts the suspension back to verified (the resolution required a passed check). */
    private void suspend(UnreachableNotice notice, boolean suspend) {
        Instant now = micros(clock.instant());
        if (notice.subjectType() == SubjectType.ROOM_OPERATOR) {
            RoomOperatorRow row = roomOperators.lock(notice.subjectId()).orElseThrow();
            roomOperators.recordVerification(row, suspend ? RoomOperatorState.SUSPENDED : RoomOperatorState.VERIFIED, row.lastVerifyTime(), now);
        } else {
            MarketerRow row = marketers.lock(notice.subjectId()).orElseThrow();
            marketers.recordVerification(row, suspend ? MarketerState.SUSPENDED : MarketerState.VERIFIED, row.lastVerifyTime(), now);
        }
    }

    @Transactional(readOnly = true)
    public UnreachableNotice get(String id) {
        return notices.findByResourceId(id).map(UnreachableNoticeService::toDomain).orElseThrow(() -> notFound(id));
    }

    @Transactional(readOnly = true)
    public PagedResult<UnreachableNotice> list(boolean overdueOnly, int pageSize, String pageToken) {
        String query = "ListUnreachableNotices?overdue_only=" + overdueOnly;
        List<UnreachableNoticeRow> rows = notices.page(pageTokens.resume(pageToken, query, 0), overdueOnly ? clock.instant() : null, pageSize + 1);
        return pageTokens.page(query, rows, pageSize, UnreachableNoticeRow::seq,
                shown -> shown.stream().map(UnreachableNoticeService::toDomain).toList());
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException(NOT_FOUND, UnreachableNotice.COLLECTION + id);
    }

    private static UnreachableNotice toDomain(UnreachableNoticeRow row) {
        return new UnreachableNotice(row.resourceId(), SubjectType.valueOf(row.subjectType()), row.subjectId(), row.regulator(),
                row.noticeReference(), row.noticeTime(), row.reminderDeadline(), row.remindTime(), UnreachableNotice.State.valueOf(row.state()),
                row.note(), row.createTime(), row.updateTime());
    }
}
