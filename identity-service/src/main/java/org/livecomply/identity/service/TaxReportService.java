package org.livecomply.identity.service;

import org.livecomply.commons.report.ReportSink;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import org.livecomply.identity.domain.report.ReportExport;
import org.livecomply.commons.report.ReportFormat;
import org.livecomply.identity.domain.report.TaxQuarter;
import org.livecomply.identity.domain.report.TaxReportLayout;
import org.livecomply.identity.repository.TaxReportStore;

/**
 * The quarterly identity and income report to the tax authority (State Council Order 810): its content;
 * the export itself (period check, audit, hashing, manifest) is shared with the Art. 9 report.
 */
@Singleton
public class TaxReportService {

    private final TaxReportStore store;
    private final ReportExporter exporter;

    public TaxReportService(TaxReportStore store, ReportExporter exporter) {
        this.store = store;
        this.exporter = exporter;
    }

    /** Writes the three files per format, then {@code manifest.json}, to {@code sink}; returns the audit record. */
    public ReportExport export(TaxQuarter quarter, List<ReportFormat> formats, ReportSink sink, String exportedBy,
                               ReportExport.Trigger trigger) throws IOException {
        ReportExporter.SubjectFiles files = new ReportExporter.SubjectFiles(
                new ReportExporter.FileContent(TaxReportLayout.REGISTERED_COLUMNS,
                        rows -> store.forEachRoomOperator(false, quarter, entry -> rows.row(TaxReportLayout.row(entry)))),
                new ReportExporter.FileContent(TaxReportLayout.UNREGISTERED_COLUMNS,
                        rows -> store.forEachRoomOperator(true, quarter, entry -> rows.row(TaxReportLayout.row(entry)))),
                new ReportExporter.FileContent(TaxReportLayout.MARKETER_COLUMNS,
                        rows -> store.forEachMarketer(quarter, entry -> rows.row(TaxReportLayout.row(entry)))));
        return exporter.export(quarter, formats, files, sink, exportedBy, trigger);
    }
}
