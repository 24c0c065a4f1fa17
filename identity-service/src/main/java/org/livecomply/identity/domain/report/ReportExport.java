package org.livecomply.identity.domain.report;

import org.livecomply.commons.report.ReportFormat;
import java.time.Instant;
import java.util.List;

/** The audit record of one report export: who received which period's personal data, when, how many records. */
public record ReportExport(String id, String exportedBy, Trigger trigger, ReportPeriod period, List<ReportFormat> formats,
                           long registeredRoomOperatorCount, long unregisteredRoomOperatorCount, long marketerCount, Instant exportTime) {

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
