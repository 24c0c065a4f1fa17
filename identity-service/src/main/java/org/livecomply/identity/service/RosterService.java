package org.livecomply.identity.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.livecomply.commons.calendar.WorkingDayCalendar;
import org.livecomply.commons.error.AlreadyExistsException;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.error.RuleViolation;
import org.livecomply.commons.error.RuleViolationException;
import org.livecomply.commons.idempotency.Idempotency;
import org.livecomply.identity.domain.Marketer;
import org.livecomply.identity.domain.RoomOperator;
import org.livecomply.identity.domain.RosterRules;
import org.livecomply.identity.domain.SessionRoster;
import org.livecomply.identity.domain.VerificationPolicy;
import org.livecomply.identity.repository.MarketerRow;
import org.livecomply.identity.repository.MarketerStore;
import org.livecomply.identity.repository.RoomOperatorRow;
import org.livecomply.identity.repository.RoomOperatorStore;
import org.livecomply.identity.repository.SessionRosterMarketerRepository;
import org.livecomply.identity.repository.SessionRosterMarketerRow;
import org.livecomply.identity.repository.SessionRosterRepository;
import org.livecomply.identity.repository.SessionRosterRow;

/** Session rosters (Art. 28): checked marketer by marketer, kept at least 3 years. */
@Singleton
public class RosterService {

    public static final String ALREADY_SUBMITTED = "SESSION_ROSTER_ALREADY_SUBMITTED";
    public static final String NOT_FOUND = "SESSION_ROSTER_NOT_FOUND";

    private final SessionRosterRepository rosters;
    private final SessionRosterMarketerRepository rosterMarketers;
    private final RoomOperatorStore roomOperators;
    private final MarketerStore marketers;
    private final Blacklist blacklist;
    private final VerificationPolicy policy;
    private final Idempotency idempotency;
    private final Clock clock;

    public RosterService(SessionRosterRepository rosters, SessionRosterMarketerRepository rosterMarketers, RoomOperatorStore roomOperators,
                         MarketerStore marketers, Blacklist blacklist, VerificationPolicy policy, Idempotency idempotency, Clock clock) {
        this.rosters = rosters;
        this.rosterMarketers = rosterMarketers;
        this.roomOperators = roomOperators;
        this.marketers = marketers;
        this.blacklist = blacklist;
        this.policy = policy;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Transactional
    public SessionRoster submit(String requestId, String fingerprint, String roomOperatorId, String sessionId, List<String> marketerIds) {
        return idempotency.once("SubmitSessionRoster", requestId, fingerprint,
                () -> submitOnce(roomOperatorId, sessionId, marketerIds), SessionRoster::name,
                name -> get(roomOperatorId, sessionId));
    }

    private SessionRoster submitOnce(String roomOperatorId, String sessionId, List<String> marketerIds) {
        RoomOperatorRow operatorRow = roomOperators.row(roomOperatorId)
                .orElseThrow(() -> new NotFoundException(RoomOperatorService.NOT_FOUND, RoomOperator.COLLECTION + roomOperatorId));
        if (rosters.findByRoomOperatorSeqAndSessionId(operatorRow.seq(), sessionId).isPresent()) {
            throw new AlreadyExistsException(ALREADY_SUBMITTED, "A roster was already submitted for session " + sessionId,
                    Map.of("session_id", sessionId));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        RoomOperator operator = roomOperators.find(roomOperatorId).orElseThrow();
        Map<String, Marketer> found = marketers.findAll(marketerIds);
        Map<String, MarketerRow> rows = marketers.rows(marketerIds);
        String operatorKey = blacklist.keyOf(operatorRow);
        List<String> keys = new ArrayList<>(rows.values().stream().map(MarketerRow::idNumberIndex).toList());
        keys.add(operatorKey);
        Set<String> blacklistedKeys = new HashSet<>(blacklist.activeKeys(keys));
        Set<String> blacklistedMarketers = new HashSet<>();
        rows.forEach((id, row) -> {
            if (blacklistedKeys.contains(row.idNumberIndex())) {
                blacklistedMarketers.add(id);
            }
        });

        List<RuleViolation> violations = new ArrayList<>(RosterRules.roomOperator(operator, blacklistedKeys.contains(operatorKey)));
        LocalDate today = LocalDate.ofInstant(now, WorkingDayCalendar.CHINA);
        for (String id : marketerIds) {
            violations.addAll(RosterRules.marketer(Marketer.COLLECTION + id, found.get(id), blacklistedMarketers, policy, now, today));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        Instant retainUntil = now.atZone(WorkingDayCalendar.CHINA).plus(SessionRoster.RETENTION).toInstant();
        SessionRosterRow roster = rosters.save(new SessionRosterRow(null, operatorRow.seq(), sessionId, now, retainUntil));
        List<SessionRosterMarketerRow> lines = new ArrayList<>();
        for (int i = 0; i < marketerIds.size(); i++) {
            lines.add(new SessionRosterMarketerRow(null, roster.seq(), i, rows.get(marketerIds.get(i)).seq()));
        }
        rosterMarketers.saveAll(lines);
        return new SessionRoster(roomOperatorId, sessionId, marketerIds, now, retainUntil);
    }

    @Transactional(readOnly = true)
    public SessionRoster get(String roomOperatorId, String sessionId) {
        String name = RoomOperator.COLLECTION + roomOperatorId + "/sessionRosters/" + sessionId;
        RoomOperatorRow operator = roomOperators.row(roomOperatorId).orElseThrow(() -> new NotFoundException(NOT_FOUND, name));
        SessionRosterRow roster = rosters.findByRoomOperatorSeqAndSessionId(operator.seq(), sessionId)
                .orElseThrow(() -> new NotFoundException(NOT_FOUND, name));
        return new SessionRoster(roomOperatorId, sessionId, rosters.marketerIds(roster.seq()), roster.submitTime(), roster.retainUntil());
    }
}
