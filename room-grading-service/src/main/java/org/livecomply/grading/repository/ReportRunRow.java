package org.livecomply.grading.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A replica's claim on the scheduled report of one level and day. */
@MappedEntity("report_runs")
public record ReportRunRow(
        @Id String runKey,
        String claimedBy,
        Instant claimTime,
        @Nullable Instant completeTime,
        @Nullable String directory) {
}
