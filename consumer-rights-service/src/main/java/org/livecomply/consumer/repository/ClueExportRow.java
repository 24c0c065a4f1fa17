package org.livecomply.consumer.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Who exported which clues, when; inserted, never updated. */
@MappedEntity("clue_exports")
public record ClueExportRow(
        @Id @GeneratedValue @Nullable Long seq,
        String resourceId,
        String exportedBy,
        Instant startTime,
        Instant endTime,
        String format,
        long clueCount,
        Instant exportTime) {
}
