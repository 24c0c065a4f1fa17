package org.livecomply.identity.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

/** A row of marketers: personal data only as ciphertext, blind index and mask. */
@MappedEntity("marketers")
public record MarketerRow(
        @Id @GeneratedValue @Nullable Long seq,
        String resourceId,
        String legalName,
        String idNumberCipher,
        String idNumberIndex,
        String idNumberMasked,
        LocalDate birthDate,
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
        @Nullable Instant lastVerifyTime,
        Instant createTime,
        Instant updateTime) implements SealedColumns {
}
