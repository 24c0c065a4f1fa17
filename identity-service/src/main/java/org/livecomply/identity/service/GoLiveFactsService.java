package org.livecomply.identity.service;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.livecomply.commons.calendar.WorkingDayCalendar;
import org.livecomply.identity.domain.AgeRules;
import org.livecomply.identity.domain.GoLiveFacts;
import org.livecomply.identity.domain.MarketerState;
import org.livecomply.identity.domain.RoomOperatorState;
import org.livecomply.identity.domain.VerificationPolicy;
import org.livecomply.identity.repository.GoLiveFactsStore;
import org.livecomply.identity.repository.GuardianConsentRepository;

/**
 * The go-live gate's identity questions for one session answered on one connection with two statements
 * whatever the number of marketers (a third only when a marketer is a minor), instead of one call per person:
 * room-grading asks this for every session start, so its cost is the gate's cost. No transaction: each fact
 * is read as of the moment of its query, like the gate's own point-in-time answer, and the autocommit round
 * trips of a read-only transaction would be a third of the statements.
 */
@Singleton
public class GoLiveFactsService {

    private final GoLiveFactsStore store;
    private final GuardianConsentRepository consents;
    private final VerificationPolicy policy;
    private final Clock clock;

    public GoLiveFactsService(GoLiveFactsStore store, GuardianConsentRepository consents, VerificationPolicy policy, Clock clock) {
        this.store = store;
        this.consents = consents;
        this.policy = policy;
        this.clock = clock;
    }

    @Connectable
    public GoLiveFacts read(String roomOperatorId, String sessionId, List<String> marketerIds) {
        Instant now = clock.instant();
        Optional<GoLiveFactsStore.OperatorFacts> operator = store.operator(roomOperatorId, sessionId, now);
        Map<String, GoLiveFactsStore.MarketerFacts> rows = store.marketers(marketerIds, now);
        LocalDate today = LocalDate.ofInstant(now, WorkingDayCalendar.CHINA);
        List<Long> minors = rows.values().stream().filter(row -> AgeRules.needsGuardianConsent(row.birthDate(), today))
                .map(GoLiveFactsStore.MarketerFacts::seq).toList();
        Set<Long> consented = new HashSet<>();
        if (!minors.isEmpty()) {
            consents.latestFor(minors).forEach(c -> consented.add(c.marketerSeq()));
        }
        GoLiveFacts.OperatorFacts operatorFacts = operator
                .map(row -> new GoLiveFacts.OperatorFacts(roomOperatorId,
                        policy.effective(RoomOperatorState.valueOf(row.state()), row.reverificationDueTime(), now), row.reverificationDueTime(),
                        row.blacklisted()))
                .orElse(new GoLiveFacts.OperatorFacts(roomOperatorId, null, null, false));
        List<GoLiveFacts.MarketerFacts> marketerFacts = marketerIds.stream().map(id -> {
            GoLiveFactsStore.MarketerFacts row = rows.get(id);
            if (row == null) {
                return new GoLiveFacts.MarketerFacts(id, null, null, false, false, false);
            }
            return new GoLiveFacts.MarketerFacts(id, MarketerState.valueOf(row.state()), row.birthDate(), consented.contains(row.seq()),
                    policy.marketerCheckCurrent(row.lastVerifyTime(), now), row.blacklisted());
        }).toList();
        return new GoLiveFacts(operatorFacts, operator.map(GoLiveFactsStore.OperatorFacts::roster).orElse(null), marketerFacts, now);
    }
}
