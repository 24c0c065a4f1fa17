package org.livecomply.identity.grpc;

import org.livecomply.api.identity.v1.ReportExport;
import org.livecomply.api.identity.v1.ReportFormat;
import org.livecomply.api.identity.v1.ReportHalf;
import org.livecomply.commons.error.Violations;
import org.livecomply.identity.domain.report.ReportPeriod;

/** Report enums and audit records between proto and domain. */
final class ReportMapper {

    private ReportMapper() {
    }

    /** The period, or null with violations on {@code year} / {@code half} (Art. 9: half years from 2026). */
    static ReportPeriod period(int year, ReportHalf half, Violations violations) {
        violations.when(year < ReportPeriod.MIN_YEAR || year > ReportPeriod.MAX_YEAR, "year",
                "year must be " + ReportPeriod.MIN_YEAR + ".." + ReportPeriod.MAX_YEAR + ", not " + year);
        ReportPeriod.Half domainHalf = switch (half) {
            case REPORT_HALF_FIRST -> ReportPeriod.Half.FIRST;
            case REPORT_HALF_SECOND -> ReportPeriod.Half.SECOND;
            default -> null;
        };
        violations.when(domainHalf == null, "half", "half is required: REPORT_HALF_FIRST (Jan–Jun) or REPORT_HALF_SECOND (Jul–Dec)");
        return violations.isEmpty() ? new ReportPeriod(year, domainHalf) : null;
    }

    static org.livecomply.identity.domain.report.ReportFormat format(ReportFormat format, Violations violations) {
        return switch (format) {
            case REPORT_FORMAT_CSV -> org.livecomply.identity.domain.report.ReportFormat.CSV;
            case REPORT_FORMAT_JSON_LINES -> org.livecomply.identity.domain.report.ReportFormat.JSON_LINES;
            default -> {
                violations.add("format", "format is required: REPORT_FORMAT_CSV or REPORT_FORMAT_JSON_LINES");
                yield null;
            }
        };
    }

    static ReportExport toProto(org.livecomply.identity.domain.report.ReportExport export) {
        ReportExport.Builder proto = ReportExport.newBuilder()
                .setName(export.name())
                .setExportedBy(export.exportedBy())
                .setExportTime(ProtoValues.timestamp(export.exportTime()))
                .setYear(export.period().year())
                .setHalf(export.period().half() == ReportPeriod.Half.FIRST ? ReportHalf.REPORT_HALF_FIRST : ReportHalf.REPORT_HALF_SECOND)
                .setTrigger(export.trigger() == org.livecomply.identity.domain.report.ReportExport.Trigger.API
                        ? ReportExport.Trigger.TRIGGER_API : ReportExport.Trigger.TRIGGER_SCHEDULED)
                .setPeriodStartTime(ProtoValues.timestamp(export.period().startTime()))
                .setPeriodEndTime(ProtoValues.timestamp(export.period().endTime()))
                .setRegisteredRoomOperatorCount(export.registeredRoomOperatorCount())
                .setUnregisteredRoomOperatorCount(export.unregisteredRoomOperatorCount())
                .setMarketerCount(export.marketerCount());
        export.formats().forEach(f -> proto.addFormats(f == org.livecomply.identity.domain.report.ReportFormat.CSV
                ? ReportFormat.REPORT_FORMAT_CSV : ReportFormat.REPORT_FORMAT_JSON_LINES));
        return proto.build();
    }
}
