package org.livecomply.consumer.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One timeline event; inserted, never updated. */
@MappedEntity("complaint_events")
public record ComplaintEventRow(
        @Id @GeneratedValue @Nullable Long seq,
        long complaintSeq,
        String kind,
        String actor,
        String state,
        @Nullable String waitingOn,
        String note,
        Instant occurTime) {
}
