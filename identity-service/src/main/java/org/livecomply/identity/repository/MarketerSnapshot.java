package org.livecomply.identity.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The updatable part of a marketer as it was, stored with a revision; personal data stay encrypted. */
@Serdeable
public record MarketerSnapshot(
        String legalName,
        String regionCode,
        String province,
        String city,
        String district,
        String streetCipher,
        String streetMasked,
        @Nullable String postalCode,
        String phoneCipher,
        String phoneMasked,
        @Nullable String emailCipher,
        @Nullable String emailMasked,
        @Nullable String mcnInstitution,
        String occupation,
        String state,
        Instant updateTime,
        List<Qualification> qualifications) {

    /** Serde leaves out empty values (NON_EMPTY), so they come back as null. */
    public MarketerSnapshot {
        qualifications = qualifications == null ? List.of() : qualifications;
        occupation = occupation == null ? "" : occupation;
        legalName = legalName == null ? "" : legalName;
    }

    /** A qualification as it was. */
    @Serdeable
    public record Qualification(String kind, String number, String issuer, @Nullable LocalDate validUntil) {

        public Qualification {
            issuer = issuer == null ? "" : issuer;
        }
    }
}
