package org.livecomply.identity.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The updatable part of a room operator as it was, stored with a revision. Personal data keep the
 * ciphertexts and masks of the live row, so the snapshot holds nothing in clear.
 */
@Serdeable
public record RoomOperatorSnapshot(
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
        String state,
        Instant updateTime,
        List<Licence> licences,
        List<Account> liveAccounts) {

    /** Serde leaves out empty values (NON_EMPTY), so they come back as null. */
    public RoomOperatorSnapshot {
        licences = licences == null ? List.of() : licences;
        liveAccounts = liveAccounts == null ? List.of() : liveAccounts;
        legalName = legalName == null ? "" : legalName;
    }

    /** A licence as it was. */
    @Serdeable
    public record Licence(String kind, String number, String issuer, @Nullable LocalDate validUntil) {

        public Licence {
            issuer = issuer == null ? "" : issuer;
        }
    }

    /** A live account as it was. */
    @Serdeable
    public record Account(String accountId, String displayName) {

        public Account {
            displayName = displayName == null ? "" : displayName;
        }
    }
}
