package org.livecomply.identity.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** An MCN institution; street, phone and e-mail sealed like every subject's. */
@MappedEntity("mcn_institutions")
public record McnInstitutionRow(
        @Id @GeneratedValue @Nullable Long seq,
        String resourceId,
        String legalName,
        String uscc,
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
        Instant createTime,
        Instant updateTime) implements SealedColumns {
}
