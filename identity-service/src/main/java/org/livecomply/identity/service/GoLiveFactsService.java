package org.livecomply.identity.service;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.livecomply.commons.calendar.WorkingDayCalendar;
import org.livecomply.identity.domain.AgeRules;
import org.livecomply.identity.domain.GoLiveFacts;
import org.livecomply.identity.domain.MarketerState;
import org.livecomply.identity.domain.VerificationPolicy;
import org.livecomply.identity.repository.GuardianConsentRepository;
import org.livecomply.identity.repository.MarketerRow;
import org.livecomply.identity.repository.MarketerStore;
import org.livecomply.identity.repository.RoomOperatorRow;
import org.livecomply.identity.repository.RoomOperatorStore;
import org.livecomply.identity.repository.SessionRosterRepository;

/**
 * The go-live gate's identity questions for one session answered on one connection with at most six indexed
 * queries whatever the number of marketers, instead of one call per person: room-grading asks this for every
 * session start, so its cost is the gate's cost. No transaction: each fact is read as of the moment of its
 * query, like the gate's own point-in-time answer, and the autocommit round trips of a read-only transaction
 * would be a third of the statements.
 */
@Singleton
public class GoLiveFactsService {

    private final RoomOperatorStore roomOperators;
    private final MarketerStore marketers;
    private final SessionRosterRepository rosters;
    private final GuardianConsentRepository consents;
    private final Blacklist blacklist;
    private final VerificationPolicy policy;
    private final Clock clock;

    public GoLiveFactsService(RoomOperatorStore roomOperators, MarketerStore marketers, SessionRosterRepository rosters,
                              GuardianConsentRepository consents, Blacklist blacklist, VerificationPolicy policy, Clock clock) {
        this.roomOperators = roomOperators;
        this.marketers = marketers;
        this.rosters = rosters;
        this.consents = consents;
        this.blacklist = blacklist;
        this.policy = policy;
        this.clock = clock;
    }

    @Connectable
    public GoLiveFacts read(String roomOperatorId, String sessionId, List<String> marketerIds) {
        Instant now = clock.instant();
        Optional<RoomOperatorRow> operator = roomOperators.row(roomOperatorId);
        List<String> roster = operator.flatMap(row -> rosters.findByRoomOperatorSeqAndSessionId(row.seq(), sessionId))
                .map(row -> rosters.marketerIds(row.seq())).orElse(null);
        Map<String, MarketerRow> rows = marketerIds.isEmpty() ? Map.of() : marketers.rows(marketerIds);
        Set<Long> consented = new HashSet<>();
        LocalDate today = LocalDate.ofInstant(now, WorkingDayCalendar.CHINA);
        List<Long> minors = rows.values().stream().filter(row -> AgeRules.needsGuardianConsent(row.birthDate(), today)).map(MarketerRow::seq).toList();
        if (!minors.isEmpty()) {
            consents.latestFor(minors).forEach(c -> consented.add(c.marketerSeq()));
        }
        List<String> keys = new ArrayList<>(rows.values().stream().map(MarketerRow::idNumberIndex).toList());
        operator.map(blacklist::keyOf).ifPresent(keys::add);
        Set<String> blacklisted = new HashSet<>(blacklist.activeKeys(keys));

        GoLiveFacts.OperatorFacts operatorFacts = operator
                .map(row -> new GoLiveFacts.OperatorFacts(roomOperatorId, roomOperators.stateOf(row), row.reverificationDueTime(),
                        blacklisted.contains(blacklist.keyOf(row))))
                .orElse(new GoLiveFacts.OperatorFacts(roomOperatorId, null, null, false));
        List<GoLiveFacts.MarketerFacts> marketerFacts = marketerIds.stream().map(id -> {
            MarketerRow row = rows.get(id);
            if (row == null) {
                return new GoLiveFacts.MarketerFacts(id, null, null, false, false, false);
            }
            return new GoLiveFacts.MarketerFacts(id, MarketerState.valueOf(row.state()), row.birthDate(), consented.contains(row.seq()),
                    policy.marketerCheckCurrent(row.lastVerifyTime(), now), blacklisted.contains(row.idNumberIndex()));
        }).toList();
        return new GoLiveFacts(operatorFacts, roster, marketerFacts, now);
    }
}
