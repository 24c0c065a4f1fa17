package org.livecomply.training.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A replica's claim on writing one year's report folder (Art. 10). */
@MappedEntity("report_runs")
public record ReportRunRow(
        @Id String periodKey,
        String claimedBy,
        Instant claimTime,
        @Nullable Instant completeTime,
        @Nullable String directory) {
}
