package org.livecomply.consumer.domain.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV: a header row, CRLF, fields with a comma, quote, CR or LF quoted with inner quotes doubled.
 * Formula-injection guard: a cell starting with {@code = + - @} gets a leading single quote (consumers'
 * words end up in regulators' spreadsheets).
 */
public final class CsvRowWriter implements RowWriter {

    private final Writer out;
    private int columns = -1;

    public CsvRowWriter(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    @Override
    public void header(List<String> columns) throws IOException {
        this.columns = columns.size();
        line(columns);
    }

    @Override
    public void row(List<String> values) throws IOException {
        if (values.size() != columns) {
            throw new IllegalStateException("a row needs the header first and one value per column");
        }
        line(values);
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    private void line(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(escape(cells.get(i)));
        }
        out.write("\r\n");
    }

    public static String escape(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String cell = "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\r') >= 0 || cell.indexOf('\n') >= 0;
        return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
