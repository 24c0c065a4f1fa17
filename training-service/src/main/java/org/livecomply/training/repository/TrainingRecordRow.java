package org.livecomply.training.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One training statement, inserted and never updated; {@code courseTopics} as in {@link CourseRow#topics()}. */
@MappedEntity("training_records")
public record TrainingRecordRow(
        @Id @GeneratedValue @Nullable Long seq,
        String resourceId,
        String subject,
        String audience,
        long courseSeq,
        String courseCode,
        int courseVersion,
        String courseKind,
        String courseTopics,
        Instant startTime,
        Instant completeTime,
        long watchedMicros,
        int score,
        boolean passed,
        String identityCheckMethod,
        String identityCheckReference,
        Instant identityCheckTime,
        String issuer,
        @Nullable String certificateId,
        String recordedBy,
        Instant recordTime) {
}
