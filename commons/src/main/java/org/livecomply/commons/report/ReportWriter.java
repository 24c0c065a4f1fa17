package org.livecomply.commons.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes one report file, row by row, to a stream it does not close. UTF-8. */
public interface ReportWriter {

    /** Called once, before any row (CSV writes the header row; JSON Lines writes nothing). */
    void header(List<ReportColumn> columns) throws IOException;

    /** One record, values aligned with the columns given to {@link #header}. */
    void row(List<Object> values) throws IOException;

    /** Flushes what is buffered; the stream stays open. */
    void finish() throws IOException;

    static ReportWriter of(ReportFormat format, OutputStream out) throws IOException {
        return format == ReportFormat.CSV ? new CsvReportWriter(out) : new JsonLinesReportWriter(out);
    }
}
