package org.livecomply.identity.service;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.livecomply.commons.calendar.WorkingDayCalendar;
import org.livecomply.commons.error.AlreadyExistsException;
import org.livecomply.commons.error.ConcurrencyConflictException;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.error.RuleViolation;
import org.livecomply.commons.error.RuleViolationException;
import org.livecomply.commons.idempotency.Idempotency;
import org.livecomply.commons.paging.PageTokens;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.commons.persistence.IntegrityViolations;
import org.livecomply.identity.domain.AgeRules;
import org.livecomply.identity.domain.GuardianConsent;
import org.livecomply.identity.domain.Marketer;
import org.livecomply.identity.domain.MarketerState;
import org.livecomply.identity.domain.MarketerUpdate;
import org.livecomply.identity.domain.NewMarketer;
import org.livecomply.identity.domain.ResidentIdNumber;
import org.livecomply.identity.domain.SubjectRevision;
import org.livecomply.identity.repository.MarketerRow;
import org.livecomply.identity.repository.MarketerStore;
import org.livecomply.identity.repository.SubjectRevisionRow;

/** Registering marketers (Art. 8 ¶2) and their guardians' consents (MPL Art. 76). */
@Singleton
public class MarketerService {

    public static final String ALREADY_REGISTERED = "MARKETER_ALREADY_REGISTERED";
    public static final String NOT_FOUND = "MARKETER_NOT_FOUND";
    public static final String CONSENT_NOT_NEEDED = "GUARDIAN_CONSENT_NOT_NEEDED";

    private final MarketerStore store;
    private final Blacklist blacklist;
    private final McnService mcns;
    private final Idempotency idempotency;
    private final PageTokens pageTokens;
    private final Clock clock;

    public MarketerService(MarketerStore store, Blacklist blacklist, McnService mcns, Idempotency idempotency, PageTokens pageTokens,
                           Clock clock) {
        this.store = store;
        this.blacklist = blacklist;
        this.mcns = mcns;
        this.idempotency = idempotency;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.CHINA);
    }

    public Instant now() {
        return clock.instant();
    }

    @Transactional
    public Marketer register(String requestId, String fingerprint, NewMarketer marketer) {
        return idempotency.once("CreateMarketer", requestId, fingerprint, () -> registerOnce(marketer), Marketer::id, this::get);
    }

    private Marketer registerOnce(NewMarketer marketer) {
        LocalDate today = today();
        ResidentIdNumber id = marketer.residentId(today);
        AgeRules.marketerMayRegister(id, today, "marketer.id_number").ifPresent(v -> {
            throw new RuleViolationException(v);
        });
        blacklist.refuseIfBlacklisted(blacklist.keyOfIdNumber(id.value()), "marketer");
        if (marketer.mcnInstitutionId() != null) {
            mcns.requireExists(marketer.mcnInstitutionId());    // Art. 8 ¶2: the MCN the marketer belongs to
        }
        store.findNameByIdNumber(id.value()).ifPresent(existing -> {
            throw new AlreadyExistsException(ALREADY_REGISTERED, "This person is already registered as " + existing, Map.of("existing", existing));
        });
        try {
            return store.insert(UUID.randomUUID().toString(), marketer, id, clock.instant().truncatedTo(ChronoUnit.MICROS));
        } catch (DataAccessException e) {
            if (!IntegrityViolations.isIntegrityViolation(e)) {
                throw e;
            }
            throw new ConcurrencyConflictException(RoomOperatorService.CONCURRENT_REGISTRATION,
                    "The same person was registered concurrently; retry to see the outcome");
        }
    }

    @Transactional(readOnly = true)
    public Marketer get(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException(NOT_FOUND, Marketer.COLLECTION + id));
    }

    @Transactional(readOnly = true)
    public PagedResult<Marketer> list(MarketerState state, int pageSize, String pageToken) {
        String query = "ListMarketers?state=" + state;
        return pageTokens.page(query, store.rows(state, pageTokens.resume(pageToken, query, 0), pageSize + 1), pageSize,
                MarketerRow::seq, store::masked);
    }

    /** Applies an update and keeps the replaced version (Art. 8 ¶2); a retry returns the marketer as it is now. */
    @Transactional
    public Marketer update(String requestId, String fingerprint, String id, MarketerUpdate update, String updatedBy) {
        return idempotency.once("UpdateMarketer", requestId, fingerprint, () -> {
            MarketerRow row = store.lock(id).orElseThrow(() -> new NotFoundException(NOT_FOUND, Marketer.COLLECTION + id));
            if (update.fields().contains(MarketerUpdate.Field.MCN_INSTITUTION) && update.mcnInstitutionId() != null) {
                mcns.requireExists(update.mcnInstitutionId());
            }
            store.update(row, update, updatedBy, clock.instant().truncatedTo(ChronoUnit.MICROS));
            return get(id);
        }, Marketer::id, this::get);
    }

    @Transactional(readOnly = true)
    public PagedResult<SubjectRevision<Marketer>> revisions(String id, int pageSize, String pageToken) {
        MarketerRow row = store.row(id).orElseThrow(() -> new NotFoundException(NOT_FOUND, Marketer.COLLECTION + id));
        String query = "ListMarketerRevisions?parent=" + id;
        int before = (int) pageTokens.resume(pageToken, query, Integer.MAX_VALUE);
        return pageTokens.page(query, store.revisionRows(row.seq(), before, pageSize + 1), pageSize, SubjectRevisionRow::number,
                shown -> store.revisions(row, shown));
    }

    /** Records a guardian's consent; refused for a marketer who is already an adult (nothing to consent to). */
    @Transactional
    public Marketer recordGuardianConsent(String requestId, String fingerprint, String marketerId, GuardianConsent consent) {
        return idempotency.once("RecordGuardianConsent", requestId, fingerprint, () -> {
            MarketerRow row = store.lock(marketerId).orElseThrow(() -> new NotFoundException(NOT_FOUND, Marketer.COLLECTION + marketerId));
            if (!AgeRules.needsGuardianConsent(row.birthDate(), today())) {
                throw new RuleViolationException(new RuleViolation(CONSENT_NOT_NEEDED, AgeRules.ARTICLE, Marketer.COLLECTION + marketerId,
                        "the marketer is 18 or older; a guardian's consent is neither needed nor recorded"));
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            store.addGuardianConsent(row, new GuardianConsent(consent.guardianName(), consent.guardianIdNumber().toUpperCase(java.util.Locale.ROOT),
                    consent.relationship(), consent.consentDocumentSha256(), consent.consentTime().truncatedTo(ChronoUnit.MICROS)), now);
            return get(marketerId);
        }, Marketer::id, this::get);
    }
}
