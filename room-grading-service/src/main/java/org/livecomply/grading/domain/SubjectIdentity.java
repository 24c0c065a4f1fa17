package org.livecomply.grading.domain;

import java.time.LocalDate;
import org.livecomply.commons.error.Violations;
import org.livecomply.commons.pii.Masking;

/** The identity a blacklist or re-registration ban is keyed by in identity-service (Art. 14). Null type: unset. */
public record SubjectIdentity(Type type, String identity) {

    /** Which identifier. */
    public enum Type { RESIDENT_ID, USCC }

    public void check(String path, Violations violations, LocalDate today) {
        violations.when(type == null, path + ".identity_type", path + ".identity_type is required");
        if (identity == null || identity.isEmpty()) {
            violations.add(path + ".identity", path + ".identity is required");
        } else if (type == Type.USCC) {
            IdentityNumbers.usccProblem(identity).ifPresent(p -> violations.add(path + ".identity", path + ".identity (USCC) " + p));
        } else if (type == Type.RESIDENT_ID) {
            IdentityNumbers.residentIdProblem(identity, today)
                    .ifPresent(p -> violations.add(path + ".identity", path + ".identity (resident ID number) " + p));
        }
    }

    public String normalised() {
        return identity.toUpperCase(java.util.Locale.ROOT);
    }

    /** As shown to callers: a USCC is public registration data, an ID number is masked. */
    public String masked() {
        return type == Type.USCC ? identity : Masking.idNumber(identity);
    }
}
