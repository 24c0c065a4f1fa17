package org.livecomply.identity.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

/** A row of room_operators: personal data only as ciphertext, blind index and mask. */
@MappedEntity("room_operators")
public record RoomOperatorRow(
        @Id @GeneratedValue @Nullable Long seq,
        String resourceId,
        String kind,
        String legalName,
        @Nullable String uscc,
        @Nullable String idNumberCipher,
        @Nullable String idNumberIndex,
        @Nullable String idNumberMasked,
        @Nullable LocalDate birthDate,
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
        String state,
        @Nullable Instant lastVerifyTime,
        @Nullable Instant reverificationDueTime,
        Instant createTime,
        Instant updateTime) implements SealedColumns {
}
