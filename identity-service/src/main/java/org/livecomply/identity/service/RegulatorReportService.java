package org.livecomply.identity.service;

import org.livecomply.commons.report.ReportSink;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import org.livecomply.identity.domain.report.HalfYear;
import org.livecomply.identity.domain.report.ReportExport;
import org.livecomply.commons.report.ReportFormat;
import org.livecomply.identity.domain.report.ReportLayout;
import org.livecomply.identity.repository.RegulatorReportStore;

/** The half-yearly identity report to the provincial market regulator (Art. 9): its content; the export itself is shared. */
@Singleton
public class RegulatorReportService {

    private final RegulatorReportStore store;
    private final ReportExporter exporter;

    public RegulatorReportService(RegulatorReportStore store, ReportExporter exporter) {
        this.store = store;
        this.exporter = exporter;
    }

    /** Writes the three files per format, then {@code manifest.json}, to {@code sink}; returns the audit record. */
    public ReportExport export(HalfYear period, List<ReportFormat> formats, ReportSink sink, String exportedBy,
                               ReportExport.Trigger trigger) throws IOException {
        ReportExporter.SubjectFiles files = new ReportExporter.SubjectFiles(
                new ReportExporter.FileContent(ReportLayout.REGISTERED_COLUMNS, rows -> store.forEachRoomOperator(false, period.endTime(),
                        entry -> rows.row(ReportLayout.registered(entry)))),
                new ReportExporter.FileContent(ReportLayout.UNREGISTERED_COLUMNS, rows -> store.forEachRoomOperator(true, period.endTime(),
                        entry -> rows.row(ReportLayout.unregistered(entry)))),
                new ReportExporter.FileContent(ReportLayout.MARKETER_COLUMNS, rows -> store.forEachMarketer(period.endTime(),
                        entry -> rows.row(ReportLayout.marketer(entry)))));
        return exporter.export(period, formats, files, sink, exportedBy, trigger);
    }
}
