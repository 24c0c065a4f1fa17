package org.livecomply.grading.domain.gate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * The go-live gate's checks (ARCHITECTURE.md key flow 1; Arts. 8, 10, 12, 14, 28; MPL Art. 76): the room
 * operator verified and not overdue, a roster submitted for this session naming every marketer, each
 * marketer registered, verified within the re-check period, at least 16 (16–17 with a guardian's consent), not
 * blacklisted (by a measure decided here or an entry identity-service holds),
 * trained before service and within the year, and no measure in force on the room, its account or this
 * session. Every failing check is reported. A question a dependency did not answer is a failing check
 * too (DEPENDENCY_UNAVAILABLE): the gate never allows what it could not verify.
 */
public final class GoLiveRules {

    public static final String DEPENDENCY_UNAVAILABLE = "DEPENDENCY_UNAVAILABLE";
    public static final String ROOM_OPERATOR_NOT_REGISTERED = "ROOM_OPERATOR_NOT_REGISTERED";
    public static final String ROOM_OPERATOR_NOT_VERIFIED = "ROOM_OPERATOR_NOT_VERIFIED";
    public static final String REVERIFICATION_OVERDUE = "REVERIFICATION_OVERDUE";
    public static final String ROOM_OPERATOR_SUSPENDED = "ROOM_OPERATOR_SUSPENDED";
    public static final String SESSION_ROSTER_NOT_FOUND = "SESSION_ROSTER_NOT_FOUND";
    public static final String MARKETER_NOT_ON_ROSTER = "MARKETER_NOT_ON_ROSTER";
    public static final String MARKETER_NOT_REGISTERED = "MARKETER_NOT_REGISTERED";
    public static final String MARKETER_NOT_VERIFIED = "MARKETER_NOT_VERIFIED";
    public static final String MARKETER_SUSPENDED = "MARKETER_SUSPENDED";
    public static final String MARKETER_VERIFICATION_STALE = "MARKETER_VERIFICATION_STALE";
    public static final String ROOM_OPERATOR_BLACKLISTED = "ROOM_OPERATOR_BLACKLISTED";
    public static final String MARKETER_BLACKLISTED = "MARKETER_BLACKLISTED";
    public static final String MARKETER_UNDER_16 = "MARKETER_UNDER_16";
    public static final String MARKETER_GUARDIAN_CONSENT_MISSING = "MARKETER_GUARDIAN_CONSENT_MISSING";
    public static final String PRE_SERVICE_TRAINING_MISSING = "PRE_SERVICE_TRAINING_MISSING";
    public static final String ANNUAL_TRAINING_MISSING = "ANNUAL_TRAINING_MISSING";

    private GoLiveRules() {
    }

    public static List<GoLiveReason> check(GateFacts facts, Instant now, LocalDate today) {
        List<GoLiveReason> reasons = new ArrayList<>(facts.roomMeasures());
        for (String dependency : facts.unavailable()) {
            reasons.add(new GoLiveReason(DEPENDENCY_UNAVAILABLE, "Arts. 8, 10, 28", dependency,
                    dependency + " did not answer in time: the checks that need it cannot pass (the gate fails closed)"));
        }
        operator(facts.operator(), now, reasons);
        if (facts.operator() != null && facts.operator().blacklisted() && !hasCode(facts.roomMeasures(), ROOM_OPERATOR_BLACKLISTED)) {
            reasons.add(new GoLiveReason(ROOM_OPERATOR_BLACKLISTED, "Art. 14", facts.operator().name(),
                    "identity-service holds an active blacklist entry for the room operator's identity"));
        }
        if (Boolean.FALSE.equals(facts.rosterSubmitted())) {
            reasons.add(new GoLiveReason(SESSION_ROSTER_NOT_FOUND, "Art. 28", facts.sessionId(),
                    "no roster of verified marketers was submitted for session " + facts.sessionId()));
        }
        for (String marketer : facts.requestedMarketers()) {
            if (Boolean.TRUE.equals(facts.rosterSubmitted()) && !facts.rosterMarketers().contains(marketer)) {
                reasons.add(new GoLiveReason(MARKETER_NOT_ON_ROSTER, "Art. 28", marketer,
                        "the marketer is not on the roster submitted for session " + facts.sessionId()));
            }
            List<GoLiveReason> measures = facts.marketerMeasures().getOrDefault(marketer, List.of());
            marketer(facts.marketers().get(marketer), marketer, today, reasons);
            MarketerStatus status = facts.marketers().get(marketer);
            if (status != null && status.blacklisted() && !hasCode(measures, MARKETER_BLACKLISTED)) {
                reasons.add(new GoLiveReason(MARKETER_BLACKLISTED, "Art. 14", marketer,
                        "identity-service holds an active blacklist entry for the marketer's identity"));
            }
            training(facts.training().get(marketer), reasons);
            reasons.addAll(measures);
        }
        return reasons;
    }

    private static void operator(OperatorStatus operator, Instant now, List<GoLiveReason> reasons) {
        if (operator == null) {
            return;
        }
        if (operator.state() == null) {
            reasons.add(new GoLiveReason(ROOM_OPERATOR_NOT_REGISTERED, "Art. 8 ¶1", operator.name(), "the room operator is not registered"));
            return;
        }
        switch (operator.state()) {
            case PENDING_VERIFICATION, VERIFICATION_FAILED -> reasons.add(new GoLiveReason(ROOM_OPERATOR_NOT_VERIFIED, "Art. 8 ¶1",
                    operator.name(), "the room operator's identity is not verified (" + operator.state() + ")"));
            case REVERIFICATION_OVERDUE -> reasons.add(overdue(operator));
            case SUSPENDED -> reasons.add(new GoLiveReason(ROOM_OPERATOR_SUSPENDED, "Art. 12 ¶1", operator.name(),
                    "the room operator is suspended"));
            default -> {
                // identity derives the state at read time; a deadline passing during the call is still overdue.
                if (operator.reverificationDueTime() != null && !now.isBefore(operator.reverificationDueTime())) {
                    reasons.add(overdue(operator));
                }
            }
        }
    }

    private static GoLiveReason overdue(OperatorStatus operator) {
        return new GoLiveReason(REVERIFICATION_OVERDUE, "Art. 8 ¶1", operator.name(),
                "re-verification was due by " + operator.reverificationDueTime());
    }

    private static void marketer(MarketerStatus status, String name, LocalDate today, List<GoLiveReason> reasons) {
        if (status == null) {
            return;
        }
        if (status.state() == null) {
            reasons.add(new GoLiveReason(MARKETER_NOT_REGISTERED, "Art. 8 ¶2", name, "the marketer's identity is not registered"));
            return;
        }
        switch (status.state()) {
            case PENDING_VERIFICATION, VERIFICATION_FAILED -> reasons.add(new GoLiveReason(MARKETER_NOT_VERIFIED, "Art. 8 ¶3", name,
                    "the marketer's identity is not verified (" + status.state() + ")"));
            case SUSPENDED -> reasons.add(new GoLiveReason(MARKETER_SUSPENDED, "Art. 12 ¶1", name, "the marketer is suspended"));
            case VERIFIED -> {
                if (!status.verificationCurrent()) {
                    reasons.add(new GoLiveReason(MARKETER_VERIFICATION_STALE, "Art. 8 ¶3", name,
                            "the marketer's last identity check is older than the platform's re-check period: verify again"));
                }
            }
        }
        if (status.birthDate() != null) {
            int age = Period.between(status.birthDate(), today).getYears();
            if (age < 16) {
                reasons.add(new GoLiveReason(MARKETER_UNDER_16, "MPL Art. 76", name, "the marketer is younger than 16"));
            } else if (age < 18 && !status.guardianConsent()) {
                reasons.add(new GoLiveReason(MARKETER_GUARDIAN_CONSENT_MISSING, "MPL Art. 76", name,
                        "a marketer aged 16 or 17 needs a guardian's consent on record"));
            }
        }
    }

    /** A blacklisting decided here and already reported from local measures is not reported twice. */
    private static boolean hasCode(List<GoLiveReason> reasons, String code) {
        return reasons.stream().anyMatch(r -> r.code().equals(code));
    }

    private static void training(TrainingStanding standing, List<GoLiveReason> reasons) {
        if (standing == null) {
            return;
        }
        if (!standing.preServiceComplete()) {
            reasons.add(new GoLiveReason(PRE_SERVICE_TRAINING_MISSING, "Art. 10 ¶1", standing.marketer(),
                    "pre-service training on the four areas of Art. 10 ¶1 is not complete"));
        }
        if (!standing.annualCurrent()) {
            reasons.add(new GoLiveReason(ANNUAL_TRAINING_MISSING, "Art. 10 ¶1", standing.marketer(),
                    "this year's training is not complete"));
        }
    }
}
