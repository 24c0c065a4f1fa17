package org.livecomply.identity.grpc;

import org.livecomply.api.identity.v1.ReportExport;
import org.livecomply.api.identity.v1.ReportFormat;
import org.livecomply.api.identity.v1.ReportHalf;
import org.livecomply.commons.error.Violations;
import org.livecomply.identity.domain.report.HalfYear;
import org.livecomply.identity.domain.report.ReportKind;
import org.livecomply.identity.domain.report.ReportPeriod;
import org.livecomply.identity.domain.report.TaxQuarter;

/** Report periods, enums and audit records between proto and domain. */
final class ReportMapper {

    private ReportMapper() {
    }

    /** The half year, or null with violations on {@code year} / {@code half} (Art. 9: half years from 2026). */
    static HalfYear halfYear(int year, ReportHalf half, Violations violations) {
        boolean yearOk = year(year, "year", violations);
        HalfYear.Half domainHalf = switch (half) {
            case REPORT_HALF_FIRST -> HalfYear.Half.FIRST;
            case REPORT_HALF_SECOND -> HalfYear.Half.SECOND;
            default -> null;
        };
        violations.when(domainHalf == null, "half", "half is required: REPORT_HALF_FIRST (Jan–Jun) or REPORT_HALF_SECOND (Jul–Dec)");
        return yearOk && domainHalf != null ? new HalfYear(year, domainHalf) : null;
    }

    /** The quarter, or null with violations on the two fields (Order 810: calendar quarters, reportable from 2026). */
    static TaxQuarter taxQuarter(int year, int quarter, String yearField, String quarterField, Violations violations) {
        boolean yearOk = year(year, yearField, violations);
        boolean quarterOk = quarter >= 1 && quarter <= 4;
        violations.when(!quarterOk, quarterField, quarterField + " must be 1..4 (Q1 = January–March, China time), not " + quarter);
        return yearOk && quarterOk ? new TaxQuarter(year, quarter) : null;
    }

    private static boolean year(int year, String field, Violations violations) {
        boolean ok = ReportPeriod.reportableYear(year);
        violations.when(!ok, field, field + " must be " + ReportPeriod.MIN_YEAR + ".." + ReportPeriod.MAX_YEAR + ", not " + year);
        return ok;
    }

    static org.livecomply.commons.report.ReportFormat format(ReportFormat format, Violations violations) {
        return switch (format) {
            case REPORT_FORMAT_CSV -> org.livecomply.commons.report.ReportFormat.CSV;
            case REPORT_FORMAT_JSON_LINES -> org.livecomply.commons.report.ReportFormat.JSON_LINES;
            default -> {
                violations.add("format", "format is required: REPORT_FORMAT_CSV or REPORT_FORMAT_JSON_LINES");
                yield null;
            }
        };
    }

    static ReportExport toProto(org.livecomply.identity.domain.report.ReportExport export) {
        ReportPeriod period = export.period();
        ReportExport.Builder proto = ReportExport.newBuilder()
                .setName(export.name())
                .setExportedBy(export.exportedBy())
                .setExportTime(ProtoValues.timestamp(export.exportTime()))
                .setKind(period.kind() == ReportKind.REGULATOR ? ReportExport.Kind.KIND_REGULATOR : ReportExport.Kind.KIND_TAX)
                .setYear(period.year())
                .setTrigger(export.trigger() == org.livecomply.identity.domain.report.ReportExport.Trigger.API
                        ? ReportExport.Trigger.TRIGGER_API : ReportExport.Trigger.TRIGGER_SCHEDULED)
                .setPeriodStartTime(ProtoValues.timestamp(period.startTime()))
                .setPeriodEndTime(ProtoValues.timestamp(period.endTime()))
                .setRegisteredRoomOperatorCount(export.registeredRoomOperatorCount())
                .setUnregisteredRoomOperatorCount(export.unregisteredRoomOperatorCount())
                .setMarketerCount(export.marketerCount());
        if (period instanceof HalfYear half) {
            proto.setHalf(half.half() == HalfYear.Half.FIRST ? ReportHalf.REPORT_HALF_FIRST : ReportHalf.REPORT_HALF_SECOND);
        } else if (period instanceof TaxQuarter quarter) {
            proto.setQuarter(quarter.quarter());
        }
        export.formats().forEach(f -> proto.addFormats(f == org.livecomply.commons.report.ReportFormat.CSV
                ? ReportFormat.REPORT_FORMAT_CSV : ReportFormat.REPORT_FORMAT_JSON_LINES));
        return proto.build();
    }
}
