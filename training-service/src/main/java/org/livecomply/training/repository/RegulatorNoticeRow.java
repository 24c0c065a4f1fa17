package org.livecomply.training.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A circulated notice. {@code audiences}: comma-separated Audience names. */
@MappedEntity("regulator_notices")
public record RegulatorNoticeRow(
        @Id @GeneratedValue @Nullable Long seq,
        String resourceId,
        String title,
        String issuingAuthority,
        String documentReference,
        String digest,
        @Nullable String documentSha256,
        String audiences,
        Instant acknowledgeDeadline,
        String circulatedBy,
        Instant circulateTime) {
}
