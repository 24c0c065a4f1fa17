package org.livecomply.identity.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** The updatable part of an MCN institution as it was, stored with a revision; street and contact stay encrypted. */
@Serdeable
public record McnInstitutionSnapshot(
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
        Instant updateTime) {

    /** Serde leaves out empty values (NON_EMPTY), so they come back as null. */
    public McnInstitutionSnapshot {
        legalName = legalName == null ? "" : legalName;
    }
}
