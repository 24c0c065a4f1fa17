package org.livecomply.identity.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A registered marketer as shown to callers (personal data masked unless disclosed). */
public record Marketer(
        String id,
        String legalName,
        String idNumber,
        LocalDate birthDate,
        PostalAddress habitualAddress,
        Contact contact,
        String mcnInstitutionId,
        List<Certificate> qualifications,
        String occupation,
        MarketerState state,
        Optional<GuardianConsent> guardianConsent,
        Instant lastVerifyTime,
        Instant createTime,
        Instant updateTime) {

    public static final String COLLECTION = "marketers/";

    public String name() {
        return COLLECTION + id;
    }
}
