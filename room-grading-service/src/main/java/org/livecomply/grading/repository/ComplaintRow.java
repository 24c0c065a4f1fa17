package org.livecomply.grading.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("verified_complaints")
public record ComplaintRow(
        @Id @GeneratedValue @Nullable Long seq,
        long roomSeq,
        String complaintId,
        String summary,
        Instant verifyTime,
        Instant recordTime) {
}
