package org.livecomply.consumer.domain.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes one export file row by row to a stream it does not close; values are strings (null: absent). UTF-8. */
public interface RowWriter {

    void header(List<String> columns) throws IOException;

    void row(List<String> values) throws IOException;

    /** Flushes; the stream stays open. */
    void finish() throws IOException;

    static RowWriter of(ReportFormat format, OutputStream out) throws IOException {
        return format == ReportFormat.CSV ? new CsvRowWriter(out) : new JsonLinesRowWriter(out);
    }
}
