package org.livecomply.training.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("training_refusals")
public record TrainingRefusalRow(
        @Id @GeneratedValue @Nullable Long seq,
        String resourceId,
        String subject,
        long courseSeq,
        String courseCode,
        int courseVersion,
        Instant refuseTime,
        String note,
        String recordedBy,
        Instant recordTime) {
}
