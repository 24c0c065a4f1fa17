package org.livecomply.identity.domain;

import java.time.Duration;
import java.time.Instant;
import org.livecomply.commons.error.Violations;

/** One real-identity check (Art. 8 ¶1, ¶3); append-only. */
public record Verification(
        SubjectType subjectType,
        String subjectId,
        int number,
        Method method,
        String provider,
        String providerReference,
        boolean passed,
        Instant verifyTime,
        String note,
        String recordedBy,
        Instant recordTime) {

    /** How far back a check may be recorded; older evidence is stale for a registration decision. */
    public static final Duration MAX_AGE = Duration.ofDays(30);
    /** Allowed clock difference between the provider and us. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final String PATH = "verification.";

    /** Verification methods. */
    public enum Method { TWO_ELEMENT_ID_CHECK, ID_AND_LIVENESS, BUSINESS_LICENCE_CHECK, MANUAL_DOCUMENT_REVIEW }

    public String name() {
        return subjectType.collection() + subjectId + "/verifications/" + number;
    }

    /** Checks the caller-supplied fields of a new verification. */
    public static void check(Method method, String provider, String providerReference, Boolean passed, Instant verifyTime,
                             String note, Instant now, Violations violations) {
        violations.when(method == null, PATH + "method", PATH + "method is required")
                .text(PATH + "provider", provider, 1, 50)
                .text(PATH + "provider_reference", providerReference, 1, 128)
                .when(passed == null, PATH + "result", PATH + "result is required")
                .text(PATH + "note", note, 0, 500);
        if (verifyTime == null) {
            violations.add(PATH + "verify_time", PATH + "verify_time is required");
        } else if (verifyTime.isAfter(now.plus(CLOCK_SKEW))) {
            violations.add(PATH + "verify_time", PATH + "verify_time must not be in the future");
        } else if (verifyTime.isBefore(now.minus(MAX_AGE))) {
            violations.add(PATH + "verify_time", PATH + "verify_time must be within the last " + MAX_AGE.toDays() + " days");
        }
    }
}
