package org.livecomply.consumer.domain;

import java.util.List;
import java.util.Locale;
import org.livecomply.commons.error.RuleViolation;
import org.livecomply.commons.error.RuleViolationException;

/**
 * Online dispute resolution under the platform's published rules, voluntary and impartial (ECL Art. 63): the
 * platform proposes, each party decides for itself; agreed only when both accept, ended when either declines.
 * One open proposal at a time, so a party never answers a proposal that another one has replaced.
 */
public final class SettlementRules {

    public static final String ARTICLE = "ECL Art. 63";
    public static final String SELLER_NOT_NAMED = "SELLER_NOT_NAMED";
    public static final String PENDING = "SETTLEMENT_PENDING";
    public static final String ALREADY_AGREED = "SETTLEMENT_ALREADY_AGREED";
    public static final String NOT_OPEN = "SETTLEMENT_NOT_OPEN";
    public static final String ALREADY_ANSWERED = "SETTLEMENT_ALREADY_ANSWERED";
    public static final String NOT_FOUND = "SETTLEMENT_NOT_FOUND";

    private SettlementRules() {
    }

    /** A proposal needs the merchant party and no proposal open or agreed before it. */
    public static void checkProposal(String complaintName, String roomOperator, List<Settlement> earlier) {
        if (roomOperator == null || roomOperator.isEmpty()) {
            throw new RuleViolationException(new RuleViolation(SELLER_NOT_NAMED, ARTICLE, complaintName,
                    "a settlement is between the consumer and the merchant: the complaint names no room operator"));
        }
        for (Settlement settlement : earlier) {
            if (settlement.state() == Settlement.State.PROPOSED) {
                throw new RuleViolationException(new RuleViolation(PENDING, ARTICLE, settlement.name(),
                        "a proposal is still waiting for the parties' answers; one proposal at a time"));
            }
            if (settlement.state() == Settlement.State.AGREED) {
                throw new RuleViolationException(new RuleViolation(ALREADY_AGREED, ARTICLE, settlement.name(),
                        "the parties already agreed a settlement; resolve the complaint with it"));
            }
        }
    }

    /** The state after {@code party} decides; refused unless the proposal is open and the party has not answered. */
    public static Settlement.State afterAnswer(Settlement settlement, Settlement.Party party, Settlement.Decision decision) {
        if (settlement.state() != Settlement.State.PROPOSED) {
            throw new RuleViolationException(new RuleViolation(NOT_OPEN, ARTICLE, settlement.name(),
                    "the proposal is " + settlement.state().name().toLowerCase(Locale.ROOT) + " and takes no answer"));
        }
        if (settlement.answerOf(party) != null) {
            throw new RuleViolationException(new RuleViolation(ALREADY_ANSWERED, ARTICLE, settlement.name(),
                    "the " + party.name().toLowerCase(Locale.ROOT) + " already answered this proposal"));
        }
        if (decision == Settlement.Decision.DECLINE) {
            return Settlement.State.DECLINED;
        }
        Settlement.Answer other = settlement.answerOf(party == Settlement.Party.CONSUMER ? Settlement.Party.MERCHANT : Settlement.Party.CONSUMER);
        return other != null && other.decision() == Settlement.Decision.ACCEPT ? Settlement.State.AGREED : Settlement.State.PROPOSED;
    }
}
