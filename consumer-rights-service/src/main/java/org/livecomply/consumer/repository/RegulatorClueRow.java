package org.livecomply.consumer.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A regulator clue; inserted, never updated. */
@MappedEntity("regulator_clues")
public record RegulatorClueRow(
        @Id @GeneratedValue @Nullable Long seq,
        String resourceId,
        long complaintSeq,
        String regulator,
        String reasons,
        String escalatedBy,
        Instant createTime) {
}
