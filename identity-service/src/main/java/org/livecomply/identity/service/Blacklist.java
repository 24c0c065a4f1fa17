package org.livecomply.identity.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.livecomply.commons.calendar.WorkingDayCalendar;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.error.RuleViolation;
import org.livecomply.commons.error.RuleViolationException;
import org.livecomply.commons.idempotency.Idempotency;
import org.livecomply.commons.paging.PageTokens;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.commons.pii.Masking;
import org.livecomply.identity.domain.BlacklistEntry;
import org.livecomply.identity.domain.NewBlacklistEntry;
import org.livecomply.identity.repository.BlacklistEntryRepository;
import org.livecomply.identity.repository.BlacklistEntryRow;
import org.livecomply.identity.repository.PersonalData;
import org.livecomply.identity.repository.RoomOperatorRow;

/**
 * Blacklist entries keyed by identity (Art. 14): room-grading decides them, identity stores them and
 * refuses a blacklisted identity at registration, verification and roster time. Entries start and expire
 * by their times, so no job has to flip them and two replicas cannot disagree.
 */
@Singleton
public class Blacklist {

    public static final String NOT_FOUND = "BLACKLIST_ENTRY_NOT_FOUND";
    public static final String IDENTITY_BLACKLISTED = "IDENTITY_BLACKLISTED";

    private final BlacklistEntryRepository entries;
    private final PersonalData personalData;
    private final Idempotency idempotency;
    private final PageTokens pageTokens;
    private final Clock clock;

    public Blacklist(BlacklistEntryRepository entries, PersonalData personalData, Idempotency idempotency, PageTokens pageTokens, Clock clock) {
        this.entries = entries;
        this.personalData = personalData;
        this.idempotency = idempotency;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    /** The key an identity is blacklisted under: the USCC itself, or the blind index of an ID number. */
    public String keyOfUscc(String uscc) {
        return uscc;
    }

    /** The key a room operator's identity is blacklisted under: its USCC, else its ID number's blind index. */
    public String keyOf(RoomOperatorRow operator) {
        return operator.uscc() != null ? keyOfUscc(operator.uscc()) : operator.idNumberIndex();
    }

    public String keyOfIdNumber(String idNumber) {
        return personalData.residentIdIndex(idNumber);
    }

    /** Keys among {@code identityKeys} that are blacklisted now. */
    public List<String> activeKeys(Collection<String> identityKeys) {
        if (identityKeys.isEmpty()) {
            return List.of();
        }
        return entries.activeFor(identityKeys, clock.instant()).stream().map(BlacklistEntryRow::identityKey).distinct().toList();
    }

    /** Refuses with IDENTITY_BLACKLISTED (Art. 14) when the identity is blacklisted now. */
    public void refuseIfBlacklisted(String identityKey, String subject) {
        if (!activeKeys(List.of(identityKey)).isEmpty()) {
            throw new RuleViolationException(new RuleViolation(IDENTITY_BLACKLISTED, BlacklistEntry.ARTICLE, subject,
                    "this identity is blacklisted; registration and verification are refused until the entry ends"));
        }
    }

    @Transactional
    public BlacklistEntry create(String requestId, String fingerprint, NewBlacklistEntry entry) {
        return idempotency.once("CreateBlacklistEntry", requestId, fingerprint, () -> {
            boolean uscc = entry.identityType() == BlacklistEntry.IdentityType.USCC;
            String identity = entry.normalisedIdentity();
            BlacklistEntryRow row = entries.save(new BlacklistEntryRow(null, UUID.randomUUID().toString(), entry.identityType().name(),
                    uscc ? keyOfUscc(identity) : keyOfIdNumber(identity), uscc ? identity : Masking.idNumber(identity),
                    entry.reason(), entry.legalBasis(), entry.appealChannel(), entry.source() == null ? "" : entry.source(),
                    micros(entry.startTime()), entry.endTime() == null ? null : micros(entry.endTime()), micros(clock.instant()), null, null, null));
            return toDomain(row);
        }, BlacklistEntry::id, this::get);
    }

    /** Ends the entry now (Art. 14, e.g. an overturned disposal); an entry already revoked is answered unchanged. */
    @Transactional
    public BlacklistEntry revoke(String requestId, String fingerprint, String id, String reason, String source) {
        return idempotency.once("RevokeBlacklistEntry", requestId, fingerprint, () -> {
            BlacklistEntryRow row = entries.lockByResourceId(id).orElseThrow(() -> new NotFoundException(NOT_FOUND, BlacklistEntry.COLLECTION + id));
            if (row.revokeTime() == null) {
                entries.revoke(row.seq(), micros(clock.instant()), reason, source == null ? "" : source);
            }
            return get(id);
        }, BlacklistEntry::id, this::get);
    }

    @Transactional(readOnly = true)
    public BlacklistEntry get(String id) {
        return entries.findByResourceId(id).map(Blacklist::toDomain)
                .orElseThrow(() -> new NotFoundException(NOT_FOUND, BlacklistEntry.COLLECTION + id));
    }

    @Transactional(readOnly = true)
    public PagedResult<BlacklistEntry> list(BlacklistEntry.State state, int pageSize, String pageToken) {
        String query = "ListBlacklistEntries?state=" + state;
        List<BlacklistEntryRow> rows = entries.page(pageTokens.resume(pageToken, query, 0), state == null ? null : state.name(),
                clock.instant(), pageSize + 1);
        return pageTokens.page(query, rows, pageSize, BlacklistEntryRow::seq, shown -> shown.stream().map(Blacklist::toDomain).toList());
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.CHINA);
    }

    public Instant now() {
        return clock.instant();
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static BlacklistEntry toDomain(BlacklistEntryRow row) {
        return new BlacklistEntry(row.resourceId(), BlacklistEntry.IdentityType.valueOf(row.identityType()), row.identityMasked(),
                row.reason(), row.legalBasis(), row.appealChannel(), row.source(), row.startTime(), row.endTime(), row.createTime(),
                row.revokeTime(), row.revokeReason(), row.revokeSource());
    }
}
