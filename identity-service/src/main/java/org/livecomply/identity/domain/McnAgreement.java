package org.livecomply.identity.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.livecomply.commons.error.Violations;

/** A written MCN–room-operator agreement, signed after the MCN verified the operator (Art. 43). */
public record McnAgreement(String mcnId, int number, String roomOperatorId, String agreementDocumentSha256, Instant signTime,
                           LocalDate validUntil, Instant createTime) {

    public static final String ARTICLE = "Art. 43";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String PATH = "mcn_agreement.";

    public String name() {
        return McnInstitution.COLLECTION + mcnId + "/agreements/" + number;
    }

    public void check(Instant now, Violations violations) {
        violations.text(PATH + "agreement_document_sha256", agreementDocumentSha256, 1, 64)
                .matches(PATH + "agreement_document_sha256", agreementDocumentSha256, SHA256, "64 lowercase hex characters (SHA-256)")
                .when(signTime == null, PATH + "sign_time", PATH + "sign_time is required")
                .when(signTime != null && signTime.isAfter(now.plusSeconds(300)), PATH + "sign_time", PATH + "sign_time must not be in the future")
                .when(signTime != null && validUntil != null
                                && validUntil.isBefore(LocalDate.ofInstant(signTime, org.livecomply.commons.calendar.WorkingDayCalendar.CHINA)),
                        PATH + "valid_until", PATH + "valid_until must not be before the signing day");
    }
}
