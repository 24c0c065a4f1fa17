package org.livecomply.consumer.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Money recovered from the merchant; inserted, never updated. */
@MappedEntity("compensation_recoveries")
public record CompensationRecoveryRow(
        @Id @GeneratedValue @Nullable Long seq,
        long compensationSeq,
        long amountFen,
        String reference,
        Instant recoverTime,
        String recordedBy,
        Instant recordTime) {
}
