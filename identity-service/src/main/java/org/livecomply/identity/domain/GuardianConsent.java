package org.livecomply.identity.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.livecomply.commons.error.Violations;

/**
 * A guardian's consent for a marketer aged 16 or 17 (MPL Art. 76; 2021 live-marketing rules Art. 17).
 * {@code guardianIdNumber} is the full number on input and the masked one on output.
 */
public record GuardianConsent(String guardianName, String guardianIdNumber, String relationship,
                              String consentDocumentSha256, Instant consentTime) {

    public static final int ADULT = 18;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String PATH = "guardian_consent.";

    public void check(Violations violations, Instant now) {
        violations.text(PATH + "guardian_name", guardianName, 1, 100)
                .text(PATH + "relationship", relationship, 1, 20)
                .text(PATH + "consent_document_sha256", consentDocumentSha256, 1, 64)
                .matches(PATH + "consent_document_sha256", consentDocumentSha256, SHA256, "64 lowercase hex characters (SHA-256)");
        LocalDate today = LocalDate.ofInstant(now, org.livecomply.commons.calendar.WorkingDayCalendar.CHINA);
        if (guardianIdNumber == null || guardianIdNumber.isEmpty()) {
            violations.add(PATH + "guardian_id_number", PATH + "guardian_id_number is required");
        } else {
            ResidentIdNumber.Result parsed = ResidentIdNumber.parse(guardianIdNumber, today);
            parsed.problem().ifPresent(p -> violations.add(PATH + "guardian_id_number", PATH + "guardian_id_number " + p));
            parsed.number().filter(id -> id.ageOn(today) < ADULT)
                    .ifPresent(id -> violations.add(PATH + "guardian_id_number", "the guardian must be an adult"));
        }
        if (consentTime == null) {
            violations.add(PATH + "consent_time", PATH + "consent_time is required");
        } else if (consentTime.isAfter(now)) {
            violations.add(PATH + "consent_time", PATH + "consent_time must not be in the future");
        }
    }
}
