package org.livecomply.training.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

/** One course version. {@code topics}: comma-separated Topic names. */
@MappedEntity("courses")
public record CourseRow(
        @Id @GeneratedValue @Nullable Long seq,
        String code,
        int version,
        String title,
        String description,
        String audience,
        String kind,
        String topics,
        int minimumDurationSeconds,
        int passScore,
        LocalDate effectiveFrom,
        @Nullable LocalDate effectiveUntil,
        String state,
        boolean inUse,
        String createdBy,
        Instant createTime,
        Instant updateTime,
        @Nullable Instant publishTime) {
}
