package org.livecomply.grading.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A disposal waiting to be reported to one regulator level (Art. 12 ¶3); batch_seq set once exported. */
@MappedEntity("disposal_report_queue")
public record ReportQueueRow(
        @Id @GeneratedValue @Nullable Long seq,
        long disposalSeq,
        String level,
        @Nullable Long batchSeq,
        Instant enqueueTime) {
}
