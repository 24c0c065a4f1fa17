package org.livecomply.training.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;
import org.livecomply.commons.error.Violations;

/** A regulator's requirement passed on to subjects with a read-receipt deadline (Art. 10 ¶2). Immutable. */
public record RegulatorNotice(
        String id,
        String title,
        String issuingAuthority,
        String documentReference,
        String digest,
        String documentSha256,
        Set<Audience> audiences,
        Instant acknowledgeDeadline,
        String circulatedBy,
        Instant circulateTime) {

    public static final String COLLECTION = "regulatorNotices/";
    public static final String ARTICLE = "Art. 10 ¶2";
    /** The longest time subjects may be given to acknowledge: regulators' requirements pass on promptly. */
    public static final Duration LONGEST_DEADLINE = Duration.ofDays(366);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String PATH = "regulator_notice.";

    public RegulatorNotice {
        audiences = Set.copyOf(audiences);
    }

    public String name() {
        return COLLECTION + id;
    }

    public boolean overdueAt(Instant at) {
        return !at.isBefore(acknowledgeDeadline);
    }

    /** Checks the caller's fields of a notice circulated at {@code now}. */
    public void check(Instant now, Violations violations) {
        violations.text(PATH + "title", title, 1, 200)
                .text(PATH + "issuing_authority", issuingAuthority, 1, 100)
                .text(PATH + "document_reference", documentReference, 1, 100)
                .matches(PATH + "document_sha256", documentSha256, SHA256, "64 lowercase hex characters (SHA-256)")
                .when(audiences.isEmpty(), PATH + "audiences", PATH + "audiences must name 1..3 distinct audiences");
        // The digest may run over lines: only its length and emptiness are checked.
        int digestLength = digest == null ? 0 : digest.codePointCount(0, digest.length());
        violations.when(digestLength == 0 || digest.isBlank() || digestLength > 5000, PATH + "digest", PATH + "digest must be 1..5000 characters");
        if (acknowledgeDeadline == null) {
            violations.add(PATH + "acknowledge_deadline_time", PATH + "acknowledge_deadline_time is required");
        } else if (!acknowledgeDeadline.isAfter(now) || acknowledgeDeadline.isAfter(now.plus(LONGEST_DEADLINE))) {
            violations.add(PATH + "acknowledge_deadline_time", ARTICLE + ": acknowledge_deadline_time must be after the circulation and at most "
                    + LONGEST_DEADLINE.toDays() + " days later");
        }
    }
}
