package org.livecomply.identity.service;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.livecomply.commons.calendar.WorkingDayCalendar;
import org.livecomply.commons.error.AlreadyExistsException;
import org.livecomply.commons.error.ConcurrencyConflictException;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.idempotency.Idempotency;
import org.livecomply.commons.paging.PageTokens;
import org.livecomply.commons.persistence.IntegrityViolations;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.identity.domain.LiveAccount;
import org.livecomply.identity.domain.NewRoomOperator;
import org.livecomply.identity.domain.ResidentIdNumber;
import org.livecomply.identity.domain.RoomOperator;
import org.livecomply.identity.domain.RoomOperatorQuery;
import org.livecomply.identity.domain.SubjectRevision;
import org.livecomply.identity.domain.RoomOperatorUpdate;
import org.livecomply.identity.repository.SubjectRevisionRow;
import org.livecomply.identity.repository.RoomOperatorRow;
import org.livecomply.identity.repository.RoomOperatorStore;

/** Registering and reading room operators (Art. 8 ¶1). */
@Singleton
public class RoomOperatorService {

    public static final String ALREADY_REGISTERED = "ROOM_OPERATOR_ALREADY_REGISTERED";
    public static final String LIVE_ACCOUNT_TAKEN = "LIVE_ACCOUNT_ALREADY_REGISTERED";
    public static final String NOT_FOUND = "ROOM_OPERATOR_NOT_FOUND";
    public static final String CONCURRENT_REGISTRATION = "CONCURRENT_REGISTRATION";

    private final RoomOperatorStore store;
    private final Blacklist blacklist;
    private final Idempotency idempotency;
    private final PageTokens pageTokens;
    private final Clock clock;

    public RoomOperatorService(RoomOperatorStore store, Blacklist blacklist, Idempotency idempotency, PageTokens pageTokens, Clock clock) {
        this.store = store;
        this.blacklist = blacklist;
        this.idempotency = idempotency;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    /** Today in China, the day ages and deadlines are counted on. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.CHINA);
    }

    /** Registers a checked operator once per request id; a retry returns the first result. */
    @Transactional
    public RoomOperator register(String requestId, String fingerprint, NewRoomOperator operator) {
        return idempotency.once("CreateRoomOperator", requestId, fingerprint,
                () -> registerOnce(operator), RoomOperator::id, this::get);
    }

    private RoomOperator registerOnce(NewRoomOperator operator) {
        LocalDate today = today();
        operator.enforceRules(today);
        Optional<ResidentIdNumber> residentId = operator.residentId(today);
        // Art. 14: a blacklisted identity may not come back under a new registration.
        blacklist.refuseIfBlacklisted(operator.kind().hasUscc() ? blacklist.keyOfUscc(operator.uscc())
                : blacklist.keyOfIdNumber(residentId.orElseThrow().value()), "room_operator");
        Optional<String> existing = operator.kind().hasUscc()
                ? store.findNameByUscc(operator.uscc())
                : store.findNameByIdNumber(residentId.orElseThrow().value());
        if (existing.isPresent()) {
            throw new AlreadyExistsException(ALREADY_REGISTERED, "This identity is already registered as " + existing.get(),
                    Map.of("existing", existing.get()));
        }
        List<String> taken = store.takenLiveAccounts(operator.liveAccounts().stream().map(LiveAccount::accountId).toList());
        if (!taken.isEmpty()) {
            throw new AlreadyExistsException(LIVE_ACCOUNT_TAKEN, "Live accounts already belong to another room operator: " + taken,
                    Map.of("account_ids", String.join(",", taken)));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            return store.insert(UUID.randomUUID().toString(), operator, residentId, now);
        } catch (DataAccessException e) {
            if (!IntegrityViolations.isIntegrityViolation(e)) {
                throw e;
            }
            throw new ConcurrencyConflictException(CONCURRENT_REGISTRATION,
                    "The same identity or live account was registered concurrently; retry to see the outcome");
        }
    }

    /** Applies an update and keeps the replaced version (Art. 8 ¶1); a retry returns the operator as it is now. */
    @Transactional
    public RoomOperator update(String requestId, String fingerprint, String id, RoomOperatorUpdate update, String updatedBy) {
        return idempotency.once("UpdateRoomOperator", requestId, fingerprint, () -> {
            RoomOperatorRow row = store.lock(id).orElseThrow(() -> new NotFoundException(NOT_FOUND, RoomOperator.COLLECTION + id));
            if (update.fields().contains(RoomOperatorUpdate.Field.LIVE_ACCOUNTS)) {
                List<String> mine = store.find(id).orElseThrow().liveAccounts().stream().map(LiveAccount::accountId).toList();
                List<String> taken = store.takenLiveAccounts(update.liveAccounts().stream().map(LiveAccount::accountId)
                        .filter(account -> !mine.contains(account)).toList());
                if (!taken.isEmpty()) {
                    throw new AlreadyExistsException(LIVE_ACCOUNT_TAKEN, "Live accounts already belong to another room operator: " + taken,
                            Map.of("account_ids", String.join(",", taken)));
                }
            }
            store.update(row, update, updatedBy, clock.instant().truncatedTo(ChronoUnit.MICROS));
            return get(id);
        }, RoomOperator::id, this::get);
    }

    @Transactional(readOnly = true)
    public PagedResult<SubjectRevision<RoomOperator>> revisions(String id, int pageSize, String pageToken) {
        RoomOperatorRow row = store.row(id).orElseThrow(() -> new NotFoundException(NOT_FOUND, RoomOperator.COLLECTION + id));
        String query = "ListRoomOperatorRevisions?parent=" + id;
        int before = (int) pageTokens.resume(pageToken, query, Integer.MAX_VALUE);
        return pageTokens.page(query, store.revisionRows(row.seq(), before, pageSize + 1), pageSize, SubjectRevisionRow::number,
                shown -> store.revisions(row, shown));
    }

    @Transactional(readOnly = true)
    public RoomOperator get(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException(NOT_FOUND, RoomOperator.COLLECTION + id));
    }

    @Transactional(readOnly = true)
    public PagedResult<RoomOperator> list(RoomOperatorQuery query, int pageSize, String pageToken) {
        long after = pageTokens.resume(pageToken, query.canonical(), 0);
        return pageTokens.page(query.canonical(), store.rows(query, after, pageSize + 1), pageSize, RoomOperatorRow::seq, store::masked);
    }
}
