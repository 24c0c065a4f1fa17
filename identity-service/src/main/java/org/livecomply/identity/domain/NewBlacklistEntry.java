package org.livecomply.identity.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.livecomply.commons.error.Violations;

/** A blacklist entry as room-grading submits it: the Art. 14 notice content and its period. */
public record NewBlacklistEntry(
        BlacklistEntry.IdentityType identityType,
        String identity,
        String reason,
        String legalBasis,
        String appealChannel,
        String source,
        Instant startTime,
        Instant endTime) {

    private static final String PATH = "blacklist_entry.";

    public void check(Violations violations, LocalDate today) {
        violations.when(identityType == null, PATH + "identity_type", PATH + "identity_type is required");
        if (identity == null || identity.isEmpty()) {
            violations.add(PATH + "identity", PATH + "identity is required");
        } else if (identityType == BlacklistEntry.IdentityType.USCC) {
            Uscc.problem(identity).ifPresent(p -> violations.add(PATH + "identity", PATH + "identity (USCC) " + p));
        } else if (identityType == BlacklistEntry.IdentityType.RESIDENT_ID) {
            ResidentIdNumber.parse(identity, today).problem()
                    .ifPresent(p -> violations.add(PATH + "identity", PATH + "identity (resident ID number) " + p));
        }
        violations.text(PATH + "reason", reason, 1, 2000)
                .text(PATH + "legal_basis", legalBasis, 1, 500)
                .text(PATH + "appeal_channel", appealChannel, 1, 500)
                .text(PATH + "source", source, 0, 200)
                .when(startTime == null, PATH + "start_time", PATH + "start_time is required")
                .when(startTime != null && endTime != null && !endTime.isAfter(startTime), PATH + "end_time",
                        PATH + "end_time must be after start_time");
    }

    /** The normalised identifier (ID numbers with an upper-case X). */
    public String normalisedIdentity() {
        return identity.toUpperCase(java.util.Locale.ROOT);
    }
}
