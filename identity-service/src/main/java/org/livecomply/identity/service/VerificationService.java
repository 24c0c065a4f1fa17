package org.livecomply.identity.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.idempotency.Idempotency;
import org.livecomply.commons.paging.PageTokens;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.identity.domain.MarketerState;
import org.livecomply.identity.domain.RoomOperatorState;
import org.livecomply.identity.domain.SubjectType;
import org.livecomply.identity.domain.Verification;
import org.livecomply.identity.repository.MarketerRow;
import org.livecomply.identity.repository.MarketerStore;
import org.livecomply.identity.repository.RoomOperatorRow;
import org.livecomply.identity.repository.RoomOperatorStore;
import org.livecomply.identity.repository.VerificationRepository;
import org.livecomply.identity.repository.VerificationRow;

/**
 * Appends verifications (Art. 8 ¶1, ¶3) and moves the subject's state. History is never edited: a later
 * check supersedes an earlier one by its verify time; a check recorded late (older than the latest)
 * is kept in the history but moves nothing. A suspension stays until a disposal is lifted.
 */
@Singleton
public class VerificationService {

    public static final String SUBJECT_NOT_FOUND = Subjects.SUBJECT_NOT_FOUND;
    public static final String NOT_FOUND = "VERIFICATION_NOT_FOUND";

    private final VerificationRepository verifications;
    private final RoomOperatorStore roomOperators;
    private final MarketerStore marketers;
    private final Blacklist blacklist;
    private final Subjects subjects;
    private final Idempotency idempotency;
    private final PageTokens pageTokens;
    private final Clock clock;

    public VerificationService(VerificationRepository verifications, RoomOperatorStore roomOperators, MarketerStore marketers,
                               Blacklist blacklist, Subjects subjects, Idempotency idempotency, PageTokens pageTokens, Clock clock) {
        this.verifications = verifications;
        this.roomOperators = roomOperators;
        this.marketers = marketers;
        this.blacklist = blacklist;
        this.subjects = subjects;
        this.idempotency = idempotency;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** A new check of {@code subjectId}; {@code check} carries the caller's fields, number and record time are assigned here. */
    @Transactional
    public Verification record(String requestId, String fingerprint, Verification check) {
        return idempotency.once("RecordVerification", requestId, fingerprint, () -> recordOnce(check), Verification::name, this::get);
    }

    private Verification recordOnce(Verification check) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant verifyTime = check.verifyTime().truncatedTo(ChronoUnit.MICROS);
        long subjectSeq;
        if (check.subjectType() == SubjectType.ROOM_OPERATOR) {
            RoomOperatorRow row = roomOperators.lock(check.subjectId()).orElseThrow(() -> subjectNotFound(check));
            blacklist.refuseIfBlacklisted(row.uscc() != null ? blacklist.keyOfUscc(row.uscc()) : row.idNumberIndex(), "parent");
            subjectSeq = row.seq();
            if (supersedes(verifyTime, row.lastVerifyTime()) && !RoomOperatorState.SUSPENDED.name().equals(row.state())) {
                roomOperators.recordVerification(row, check.passed() ? RoomOperatorState.VERIFIED : RoomOperatorState.VERIFICATION_FAILED,
                        check.passed() ? verifyTime : row.lastVerifyTime(), now);
            }
        } else {
            MarketerRow row = marketers.lock(check.subjectId()).orElseThrow(() -> subjectNotFound(check));
            blacklist.refuseIfBlacklisted(row.idNumberIndex(), "parent");
            subjectSeq = row.seq();
            if (supersedes(verifyTime, row.lastVerifyTime()) && !MarketerState.SUSPENDED.name().equals(row.state())) {
                marketers.recordVerification(row, check.passed() ? MarketerState.VERIFIED : MarketerState.VERIFICATION_FAILED,
                        check.passed() ? verifyTime : row.lastVerifyTime(), now);
            }
        }
        int number = verifications.lastNumber(check.subjectType().name(), subjectSeq) + 1;
        VerificationRow saved = verifications.save(new VerificationRow(null, check.subjectType().name(), subjectSeq, number,
                check.method().name(), check.provider(), check.providerReference(), check.passed() ? "PASSED" : "FAILED", verifyTime,
                check.note() == null ? "" : check.note(), check.recordedBy(), now));
        return toDomain(saved, check.subjectType(), check.subjectId());
    }

    /** A check supersedes the state when it is not older than the last passed one. */
    private static boolean supersedes(Instant verifyTime, Instant lastVerifyTime) {
        return lastVerifyTime == null || !verifyTime.isBefore(lastVerifyTime);
    }

    /** By resource name {@code <subject>/verifications/<n>}. */
    @Transactional(readOnly = true)
    public Verification get(String name) {
        SubjectType type = name.startsWith(SubjectType.MARKETER.collection()) ? SubjectType.MARKETER : SubjectType.ROOM_OPERATOR;
        String rest = name.substring(type.collection().length());
        String subjectId = rest.substring(0, rest.indexOf('/'));
        int number = Integer.parseInt(rest.substring(rest.lastIndexOf('/') + 1));
        return verifications.findBySubjectTypeAndSubjectSeqAndNumber(type.name(), subjects.seq(type, subjectId), number)
                .map(row -> toDomain(row, type, subjectId)).orElseThrow(() -> new NotFoundException(NOT_FOUND, name));
    }

    @Transactional(readOnly = true)
    public PagedResult<Verification> list(SubjectType type, String subjectId, int pageSize, String pageToken) {
        String query = "ListVerifications?parent=" + type.collection() + subjectId;
        int before = (int) pageTokens.resume(pageToken, query, Integer.MAX_VALUE);
        List<VerificationRow> rows = verifications.page(type.name(), subjects.seq(type, subjectId), before, pageSize + 1);
        return pageTokens.page(query, rows, pageSize, VerificationRow::number,
                shown -> shown.stream().map(row -> toDomain(row, type, subjectId)).toList());
    }

    private static NotFoundException subjectNotFound(Verification check) {
        return new NotFoundException(SUBJECT_NOT_FOUND, check.subjectType().collection() + check.subjectId());
    }

    private static Verification toDomain(VerificationRow row, SubjectType type, String subjectId) {
        return new Verification(type, subjectId, row.number(), Verification.Method.valueOf(row.method()), row.provider(),
                row.providerReference(), "PASSED".equals(row.result()), row.verifyTime(), row.note(), row.recordedBy(), row.recordTime());
    }
}
