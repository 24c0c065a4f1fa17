package org.livecomply.commons.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A replica's claim on writing one period's report folder; the table is {@code report_runs} in each service's own schema. */
@MappedEntity("report_runs")
public record ReportRunRow(
        @Id String periodKey,
        String claimedBy,
        Instant claimTime,
        @Nullable Instant completeTime,
        @Nullable String directory) {
}
