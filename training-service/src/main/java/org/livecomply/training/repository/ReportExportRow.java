package org.livecomply.training.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One completion report export: inserted, never updated. {@code formats} is comma-separated. */
@MappedEntity("report_exports")
public record ReportExportRow(
        @Id @GeneratedValue @Nullable Long seq,
        String resourceId,
        String exportedBy,
        String triggerKind,
        int reportYear,
        String formats,
        Instant exportTime) {
}
