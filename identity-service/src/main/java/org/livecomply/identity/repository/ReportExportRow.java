package org.livecomply.identity.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * One report export (Art. 9 or State Council Order 810; PIPL): inserted, never updated. {@code formats} is
 * comma-separated; {@code reportHalf} is set for the regulator report, {@code reportQuarter} for the tax report.
 */
@MappedEntity("report_exports")
public record ReportExportRow(
        @Id @GeneratedValue @Nullable Long seq,
        String resourceId,
        String exportedBy,
        String triggerKind,
        int reportYear,
        @Nullable String reportHalf,
        String formats,
        Instant periodStart,
        Instant periodEnd,
        long registeredRoomOperatorCount,
        long unregisteredRoomOperatorCount,
        long marketerCount,
        Instant exportTime,
        String reportKind,
        @Nullable Integer reportQuarter) {
}
