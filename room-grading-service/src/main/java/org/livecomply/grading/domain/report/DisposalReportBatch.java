package org.livecomply.grading.domain.report;

import java.time.Instant;
import org.livecomply.grading.domain.ReportLevel;

/** A batch of queued disposals reported to one regulator level (Art. 12 ¶3). */
public record DisposalReportBatch(String id, ReportLevel level, long disposalCount, String createdBy, Trigger trigger, Instant createTime) {

    public static final String COLLECTION = "disposalReportBatches/";
    /** The {@code created_by} of the scheduled job. */
    public static final String SCHEDULER = "scheduler";

    /** Who made the batch. */
    public enum Trigger { API, SCHEDULED }

    public String name() {
        return COLLECTION + id;
    }
}
