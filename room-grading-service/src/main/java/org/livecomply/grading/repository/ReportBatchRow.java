package org.livecomply.grading.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One regulator report batch: who took which queued disposals, when. Append-only. */
@MappedEntity("disposal_report_batches")
public record ReportBatchRow(
        @Id @GeneratedValue @Nullable Long seq,
        String resourceId,
        String level,
        long disposalCount,
        String createdBy,
        String triggerKind,
        Instant createTime) {
}
