package org.livecomply.grading.domain.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The gate's checks (ARCHITECTURE.md flow 1): every failing reason, and never an allow without answers. */
class GoLiveRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final String OPERATOR = "roomOperators/o";
    private static final String M1 = "marketers/m1";
    private static final String M2 = "marketers/m2";

    private static GateFacts facts(OperatorStatus operator, Boolean roster, Set<String> rosterMarketers, Map<String, MarketerStatus> marketers,
                                   Map<String, TrainingStanding> training, List<String> unavailable) {
        return new GateFacts("r", "s1", List.of(M1), operator, roster, rosterMarketers, marketers, training, List.of(), Map.of(), unavailable);
    }

    private static GateFacts allGood() {
        return facts(new OperatorStatus(OPERATOR, OperatorStatus.State.VERIFIED, NOW.plusSeconds(86_400), false), true, Set.of(M1),
                Map.of(M1, new MarketerStatus(M1, MarketerStatus.State.VERIFIED, LocalDate.of(1990, 1, 1), false, true, false)),
                Map.of(M1, new TrainingStanding(M1, true, true)), List.of());
    }

    private static List<String> codes(GateFacts facts) {
        return GoLiveRules.check(facts, NOW, TODAY).stream().map(GoLiveReason::code).toList();
    }

    @Test
    void everythingInOrderAllows() {
        assertEquals(List.of(), codes(allGood()));
    }

    @Test
    void aDependencyThatDidNotAnswerDenies() {
        GateFacts facts = facts(null, null, Set.of(), Map.of(), Map.of(), List.of("identity", "training"));
        List<GoLiveReason> reasons = GoLiveRules.check(facts, NOW, TODAY);
        assertEquals(List.of("DEPENDENCY_UNAVAILABLE", "DEPENDENCY_UNAVAILABLE"), reasons.stream().map(GoLiveReason::code).toList());
        assertEquals(List.of("identity", "training"), reasons.stream().map(GoLiveReason::subject).toList());
    }

    @Test
    void everyFailingCheckIsReportedWithItsArticle() {
        GateFacts facts = new GateFacts("r", "s1", List.of(M1, M2),
                new OperatorStatus(OPERATOR, OperatorStatus.State.REVERIFICATION_OVERDUE, NOW.minusSeconds(1), false), true, Set.of(M1),
                Map.of(M1, new MarketerStatus(M1, MarketerStatus.State.SUSPENDED, LocalDate.of(2009, 11, 30), false, true, false),
                        M2, new MarketerStatus(M2, null, null, false, true, false)),
                Map.of(M1, new TrainingStanding(M1, false, false), M2, new TrainingStanding(M2, true, false)),
                List.of(new GoLiveReason("ROOM_STREAMING_SUSPENDED", "Art. 12 ¶1", "rooms/r/disposals/d", "suspended")),
                Map.of(M1, List.of(new GoLiveReason("MARKETER_BLACKLISTED", "Art. 14", "rooms/r/disposals/b", "blacklisted"))), List.of());
        List<GoLiveReason> reasons = GoLiveRules.check(facts, NOW, TODAY);
        assertEquals(List.of("ROOM_STREAMING_SUSPENDED", "REVERIFICATION_OVERDUE", "MARKETER_SUSPENDED", "MARKETER_GUARDIAN_CONSENT_MISSING",
                "PRE_SERVICE_TRAINING_MISSING", "ANNUAL_TRAINING_MISSING", "MARKETER_BLACKLISTED", "MARKETER_NOT_ON_ROSTER",
                "MARKETER_NOT_REGISTERED", "ANNUAL_TRAINING_MISSING"), reasons.stream().map(GoLiveReason::code).toList());
        assertTrue(reasons.stream().allMatch(r -> !r.article().isEmpty() && !r.subject().isEmpty() && !r.description().isEmpty()));
        assertEquals("Art. 8 ¶1", reasons.get(1).article());
        assertEquals("MPL Art. 76", reasons.get(3).article());
        assertEquals("Art. 10 ¶1", reasons.get(4).article());
    }

    @Test
    void aMissingRosterAndAnUnverifiedOperatorDeny() {
        GateFacts facts = facts(new OperatorStatus(OPERATOR, OperatorStatus.State.PENDING_VERIFICATION, null, false), false, Set.of(),
                allGood().marketers(), allGood().training(), List.of());
        assertEquals(List.of("ROOM_OPERATOR_NOT_VERIFIED", "SESSION_ROSTER_NOT_FOUND"), codes(facts));
        GateFacts unregistered = facts(new OperatorStatus(OPERATOR, null, null, false), false, Set.of(), allGood().marketers(), allGood().training(), List.of());
        assertEquals(List.of("ROOM_OPERATOR_NOT_REGISTERED", "SESSION_ROSTER_NOT_FOUND"), codes(unregistered));
    }

    @Test
    void aVerifiedOperatorWhoseDeadlinePassedDuringTheCallIsOverdue() {
        GateFacts facts = facts(new OperatorStatus(OPERATOR, OperatorStatus.State.REVERIFICATION_DUE, NOW, false), true, Set.of(M1),
                allGood().marketers(), allGood().training(), List.of());
        assertEquals(List.of("REVERIFICATION_OVERDUE"), codes(facts));
    }

    @Test
    void sixteenIsTheFirstAllowedAgeAndConsentIsNeededUntilEighteen() {
        assertEquals(List.of("MARKETER_UNDER_16"), codes(withMarketerBorn(LocalDate.of(2010, 11, 30), false)), "one day short of 16");
        assertEquals(List.of("MARKETER_GUARDIAN_CONSENT_MISSING"), codes(withMarketerBorn(LocalDate.of(2010, 11, 29), false)), "16 today");
        assertEquals(List.of(), codes(withMarketerBorn(LocalDate.of(2010, 11, 29), true)), "16 with consent");
        assertEquals(List.of("MARKETER_GUARDIAN_CONSENT_MISSING"), codes(withMarketerBorn(LocalDate.of(2008, 11, 30), false)), "one day short of 18");
        assertEquals(List.of(), codes(withMarketerBorn(LocalDate.of(2008, 11, 29), false)), "18 today");
    }

    @Test
    void aVerifiedMarketerWhoseLastCheckIsTooOldMustVerifyAgain() {
        GateFacts good = allGood();
        GateFacts stale = facts(good.operator(), true, Set.of(M1),
                Map.of(M1, new MarketerStatus(M1, MarketerStatus.State.VERIFIED, LocalDate.of(1990, 1, 1), false, false, false)), good.training(), List.of());
        List<GoLiveReason> reasons = GoLiveRules.check(stale, NOW, TODAY);
        assertEquals(List.of("MARKETER_VERIFICATION_STALE"), reasons.stream().map(GoLiveReason::code).toList());
        assertEquals("Art. 8 ¶3", reasons.get(0).article());
    }

    @Test
    void anIdentityBlacklistingDeniesOnceEvenWhenAMeasureHereSaysTheSame() {
        GateFacts good = allGood();
        OperatorStatus listedOperator = new OperatorStatus(OPERATOR, OperatorStatus.State.VERIFIED, NOW.plusSeconds(86_400), true);
        Map<String, MarketerStatus> listedMarketer = Map.of(M1, new MarketerStatus(M1, MarketerStatus.State.VERIFIED, LocalDate.of(1990, 1, 1),
                false, true, true));
        List<GoLiveReason> fromIdentity = GoLiveRules.check(facts(listedOperator, true, Set.of(M1), listedMarketer, good.training(), List.of()), NOW, TODAY);
        assertEquals(List.of("ROOM_OPERATOR_BLACKLISTED", "MARKETER_BLACKLISTED"), fromIdentity.stream().map(GoLiveReason::code).toList());
        assertEquals(List.of(OPERATOR, M1), fromIdentity.stream().map(GoLiveReason::subject).toList());
        assertTrue(fromIdentity.stream().allMatch(r -> r.article().equals("Art. 14")));

        GoLiveReason localOperatorBan = new GoLiveReason("ROOM_OPERATOR_BLACKLISTED", "Art. 14", "rooms/r/disposals/o", "blacklisted here");
        GoLiveReason localMarketerBan = new GoLiveReason("MARKETER_BLACKLISTED", "Art. 14", "rooms/r/disposals/m", "blacklisted here");
        GateFacts both = new GateFacts("r", "s1", List.of(M1), listedOperator, true, Set.of(M1), listedMarketer, good.training(),
                List.of(localOperatorBan), Map.of(M1, List.of(localMarketerBan)), List.of());
        assertEquals(List.of(localOperatorBan, localMarketerBan), GoLiveRules.check(both, NOW, TODAY), "the measure decided here names the disposal");
    }

    private static GateFacts withMarketerBorn(LocalDate birth, boolean consent) {
        GateFacts good = allGood();
        return facts(good.operator(), true, Set.of(M1), Map.of(M1, new MarketerStatus(M1, MarketerStatus.State.VERIFIED, birth, consent, true, false)),
                good.training(), List.of());
    }
}
