package org.livecomply.grading.domain;

import java.time.Instant;
import java.util.List;
import org.livecomply.grading.domain.rules.Proposal;

/**
 * A decided disposal with its Art. 14 notice. {@code identityMasked} is the masked subject identity of a
 * blacklist or re-registration ban (null otherwise); {@code endTime} null means indefinite or no period.
 * The state is derived from the times, so measures end by themselves and replicas never disagree.
 */
public record Disposal(String id, String roomId, Measure measure, List<String> violationIds, String marketer, String sessionId,
                       String facts, String reasons, String legalBasis, String appealChannel, Instant startTime, Instant endTime,
                       SubjectIdentity.Type identityType, String identityMasked, String deviationReason, Proposal proposal,
                       String decidedBy, Instant decideTime, Instant appealDeadline, IdentityDelivery identityDelivery,
                       String blacklistEntry, Instant revokeTime) {

    public static final String COLLECTION = "disposals/";

    /** Derived lifecycle. */
    public enum State { SCHEDULED, ACTIVE, EXPIRED, ISSUED, REVOKED }

    /** Whether identity-service holds the entry a blacklist or re-registration ban needs. */
    public enum IdentityDelivery { NOT_NEEDED, PENDING, DELIVERED, FAILED, REVOKED }

    public Disposal {
        violationIds = List.copyOf(violationIds);
    }

    public String name() {
        return Room.COLLECTION + roomId + "/" + COLLECTION + id;
    }

    public State stateAt(Instant now) {
        if (revokeTime != null && !now.isBefore(revokeTime)) {
            return State.REVOKED;
        }
        if (now.isBefore(startTime)) {
            return State.SCHEDULED;
        }
        if (measure == Measure.WARNING) {
            return State.ISSUED;
        }
        return endTime != null && !now.isBefore(endTime) ? State.EXPIRED : State.ACTIVE;
    }

    /** Art. 12 ¶3: every disposal to the county level, the three gravest also to the provincial level. */
    public List<ReportLevel> reportLevels() {
        return measure.provincialReport() ? List.of(ReportLevel.COUNTY, ReportLevel.PROVINCIAL) : List.of(ReportLevel.COUNTY);
    }
}
