package org.livecomply.identity.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A verification event; inserted, never updated. */
@MappedEntity("verifications")
public record VerificationRow(
        @Id @GeneratedValue @Nullable Long seq,
        String subjectType,
        Long subjectSeq,
        int number,
        String method,
        String provider,
        String providerReference,
        String result,
        Instant verifyTime,
        String note,
        String recordedBy,
        Instant recordTime) {
}
