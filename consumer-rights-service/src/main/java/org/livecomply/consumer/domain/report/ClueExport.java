package org.livecomply.consumer.domain.report;

import java.time.Instant;
import org.livecomply.commons.report.ReportFormat;

/** The audit record of one clue export. */
public record ClueExport(String id, String exportedBy, Instant startTime, Instant endTime, ReportFormat format, long clueCount, Instant exportTime) {

    public static final String COLLECTION = "clueExports/";

    public String name() {
        return COLLECTION + id;
    }
}
