package org.livecomply.identity.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** identity_key: the USCC, or the resident-id blind index (never the ID number itself). */
@MappedEntity("blacklist_entries")
public record BlacklistEntryRow(
        @Id @GeneratedValue @Nullable Long seq,
        String resourceId,
        String identityType,
        String identityKey,
        String identityMasked,
        String reason,
        String legalBasis,
        String appealChannel,
        String source,
        Instant startTime,
        @Nullable Instant endTime,
        Instant createTime,
        @Nullable Instant revokeTime,
        @Nullable String revokeReason,
        @Nullable String revokeSource) {
}
