package org.livecomply.identity.domain;

import java.time.Instant;

/** A blacklist entry keyed by identity (Art. 14); {@code identity} is masked for ID numbers; the revoke fields are null unless revoked. */
public record BlacklistEntry(
        String id,
        IdentityType identityType,
        String identity,
        String reason,
        String legalBasis,
        String appealChannel,
        String source,
        Instant startTime,
        Instant endTime,
        Instant createTime,
        Instant revokeTime,
        String revokeReason,
        String revokeSource) {

    public static final String COLLECTION = "blacklistEntries/";
    public static final String ARTICLE = "Art. 14";

    /** Which identifier keys the entry. */
    public enum IdentityType { RESIDENT_ID, USCC }

    /** Derived from the times: entries start and expire by themselves, or are revoked early. */
    public enum State { ACTIVE, SCHEDULED, EXPIRED, REVOKED }

    public String name() {
        return COLLECTION + id;
    }

    public State stateAt(Instant now) {
        if (revokeTime != null && !now.isBefore(revokeTime)) {
            return State.REVOKED;
        }
        if (now.isBefore(startTime)) {
            return State.SCHEDULED;
        }
        return endTime != null && !now.isBefore(endTime) ? State.EXPIRED : State.ACTIVE;
    }
}
