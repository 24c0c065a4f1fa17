package org.livecomply.training.grpc;

import org.livecomply.api.training.v1.ReportExport;
import org.livecomply.commons.error.Violations;
import org.livecomply.commons.report.ReportFormat;
import org.livecomply.training.domain.report.ReportYear;

/** Completion report requests and audit records between proto and domain. */
final class ReportMapper {

    private ReportMapper() {
    }

    static ReportYear year(int year, Violations violations) {
        if (year < ReportYear.MIN_YEAR || year > ReportYear.MAX_YEAR) {
            violations.add("year", "year must be " + ReportYear.MIN_YEAR + ".." + ReportYear.MAX_YEAR);
            return null;
        }
        return new ReportYear(year);
    }

    static ReportFormat format(org.livecomply.api.training.v1.ReportFormat format, Violations violations) {
        return ProtoValues.required(format, "REPORT_FORMAT_", ReportFormat.class, "format", violations);
    }

    static ReportExport toProto(org.livecomply.training.domain.report.ReportExport export) {
        ReportExport.Builder proto = ReportExport.newBuilder()
                .setName(export.name())
                .setExportedBy(export.exportedBy())
                .setExportTime(ProtoValues.timestamp(export.exportTime()))
                .setYear(export.year())
                .setTrigger(ProtoValues.toProto(export.trigger(), "TRIGGER_", ReportExport.Trigger.class));
        export.formats().forEach(f -> proto.addFormats(ProtoValues.toProto(f, "REPORT_FORMAT_", org.livecomply.api.training.v1.ReportFormat.class)));
        return proto.build();
    }
}
