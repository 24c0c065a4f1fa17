package org.livecomply.identity.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.livecomply.commons.calendar.WorkingDayCalendar;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.error.RuleViolation;
import org.livecomply.commons.error.RuleViolationException;
import org.livecomply.commons.idempotency.Idempotency;
import org.livecomply.commons.paging.PageTokens;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.identity.domain.DisclosureChange;
import org.livecomply.identity.domain.NewDisclosureChange;
import org.livecomply.identity.domain.RoomOperator;
import org.livecomply.identity.repository.DisclosureChangeRepository;
import org.livecomply.identity.repository.DisclosureChangeRow;
import org.livecomply.identity.repository.RoomOperatorRow;
import org.livecomply.identity.repository.RoomOperatorStore;

/** Disclosure changes and their working-day deadlines (Arts. 15, 25). */
@Singleton
public class DisclosureChangeService {

    public static final String NOT_FOUND = "DISCLOSURE_CHANGE_NOT_FOUND";
    public static final String ALREADY_COMPLETED = "DISCLOSURE_CHANGE_ALREADY_COMPLETED";

    private final DisclosureChangeRepository changes;
    private final RoomOperatorStore roomOperators;
    private final WorkingDayCalendar calendar;
    private final Idempotency idempotency;
    private final PageTokens pageTokens;
    private final Clock clock;

    public DisclosureChangeService(DisclosureChangeRepository changes, RoomOperatorStore roomOperators, WorkingDayCalendar calendar,
                                   Idempotency idempotency, PageTokens pageTokens, Clock clock) {
        this.changes = changes;
        this.roomOperators = roomOperators;
        this.calendar = calendar;
        this.idempotency = idempotency;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    @Transactional
    public DisclosureChange report(String requestId, String fingerprint, String roomOperatorId, NewDisclosureChange change) {
        return idempotency.once("ReportDisclosureChange", requestId, fingerprint, () -> {
            RoomOperatorRow operator = roomOperators.lock(roomOperatorId)
                    .orElseThrow(() -> new NotFoundException(RoomOperatorService.NOT_FOUND, RoomOperator.COLLECTION + roomOperatorId));
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Instant changeTime = change.changeTime().truncatedTo(ChronoUnit.MICROS);
            DisclosureChangeRow row = changes.save(new DisclosureChangeRow(null, operator.seq(), roomOperatorId,
                    changes.lastNumber(operator.seq()) + 1,
                    change.changedFields().stream().map(Enum::name).collect(Collectors.joining(",")), change.description(),
                    changeTime, now,
                    calendar.deadline(changeTime, DisclosureChange.REPORT_WORKING_DAYS),       // Art. 25
                    calendar.deadline(now, DisclosureChange.VERIFY_WORKING_DAYS),              // Art. 15
                    DisclosureChange.State.PENDING_VERIFICATION.name(), null, null, ""));
            return toDomain(row);
        }, DisclosureChange::name, name -> get(roomOperatorId, number(name)));
    }

    @Transactional
    public DisclosureChange complete(String requestId, String fingerprint, String roomOperatorId, int number, DisclosureChange.State outcome,
                                     String note, String completedBy) {
        return idempotency.once("CompleteDisclosureChange", requestId, fingerprint, () -> {
            DisclosureChangeRow row = changes.lock(roomOperatorId, number).orElseThrow(() -> notFound(roomOperatorId, number));
            if (!DisclosureChange.State.PENDING_VERIFICATION.name().equals(row.state())) {
                throw new RuleViolationException(new RuleViolation(ALREADY_COMPLETED, "Art. 15", toDomain(row).name(),
                        "this change was already " + row.state().toLowerCase(java.util.Locale.ROOT) + "; report a new change instead"));
            }
            changes.complete(row.seq(), outcome.name(), clock.instant().truncatedTo(ChronoUnit.MICROS), completedBy, note == null ? "" : note);
            return get(roomOperatorId, number);
        }, DisclosureChange::name, name -> get(roomOperatorId, number));
    }

    @Transactional(readOnly = true)
    public DisclosureChange get(String roomOperatorId, int number) {
        return changes.findByRoomOperatorIdAndNumber(roomOperatorId, number).map(DisclosureChangeService::toDomain)
                .orElseThrow(() -> notFound(roomOperatorId, number));
    }

    @Transactional(readOnly = true)
    public PagedResult<DisclosureChange> list(boolean overdueOnly, int pageSize, String pageToken) {
        String query = "ListDisclosureChanges?overdue_only=" + overdueOnly;
        List<DisclosureChangeRow> rows = changes.page(pageTokens.resume(pageToken, query, 0), overdueOnly ? clock.instant() : null, pageSize + 1);
        return pageTokens.page(query, rows, pageSize, DisclosureChangeRow::seq,
                shown -> shown.stream().map(DisclosureChangeService::toDomain).toList());
    }

    private static int number(String name) {
        return Integer.parseInt(name.substring(name.lastIndexOf('/') + 1));
    }

    private static NotFoundException notFound(String roomOperatorId, int number) {
        return new NotFoundException(NOT_FOUND, RoomOperator.COLLECTION + roomOperatorId + "/disclosureChanges/" + number);
    }

    private static DisclosureChange toDomain(DisclosureChangeRow row) {
        return new DisclosureChange(row.roomOperatorId(), row.number(),
                Arrays.stream(row.changedFields().split(",")).map(DisclosureChange.Field::valueOf).toList(), row.description(),
                row.changeTime(), row.reportTime(), row.reportDeadline(), row.verificationDeadline(),
                DisclosureChange.State.valueOf(row.state()), row.completeTime(), row.completedBy(), row.completionNote());
    }
}
