package org.livecomply.training.domain.report;

import org.livecomply.commons.report.ReportFormat;
import java.time.Instant;
import java.util.List;

/** The audit record of one completion report export: who received which year's report, when. */
public record ReportExport(String id, String exportedBy, Trigger trigger, int year, List<ReportFormat> formats, Instant exportTime) {

    public static final String COLLECTION = "reportExports/";
    /** The {@code exported_by} of the scheduled job. */
    public static final String SCHEDULER = "scheduler";

    /** Who started the export. */
    public enum Trigger {
        API,
        SCHEDULED
    }

    public ReportExport {
        formats = List.copyOf(formats);
    }

    public String name() {
        return COLLECTION + id;
    }
}
