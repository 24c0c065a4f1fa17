package org.livecomply.identity.domain;

import java.time.Instant;

/** One disclosure of unmasked personal data: to whom, why, about whom, when (Art. 18; PIPL). */
public record DisclosureAudit(String id, String disclosedTo, Purpose purpose, String caseReference, String roomOperatorId,
                              String marketerId, Instant discloseTime) {

    public static final String COLLECTION = "disclosureAudits/";

    /** Why the data are disclosed. */
    public enum Purpose { CONSUMER_DISPUTE, REGULATOR_REQUEST, CONSUMER_CLAIM }

    public String name() {
        return COLLECTION + id;
    }
}
