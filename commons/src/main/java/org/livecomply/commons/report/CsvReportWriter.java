package org.livecomply.commons.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * RFC 4180 CSV: a header row, CRLF line ends, fields with a comma, quote, CR or LF enclosed in double
 * quotes with inner quotes doubled; absent values are empty. A list cell holds its items separated by
 * {@value #ITEM_SEPARATOR}, each item's non-empty fields separated by {@value #FIELD_SEPARATOR}.
 * Formula-injection guard: a cell starting with {@code = + - @} is prefixed with a single quote, so a
 * spreadsheet shows it as text instead of evaluating it.
 */
public final class CsvReportWriter implements ReportWriter {

    public static final String ITEM_SEPARATOR = "; ";
    public static final String FIELD_SEPARATOR = " / ";
    private static final String CRLF = "\r\n";

    private final Writer out;
    private List<ReportColumn> columns;

    public CsvReportWriter(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    @Override
    public void header(List<ReportColumn> columns) throws IOException {
        this.columns = List.copyOf(columns);
        line(columns.stream().map(ReportColumn::name).toList());
    }

    @Override
    public void row(List<Object> values) throws IOException {
        if (columns == null || values.size() != columns.size()) {
            throw new IllegalStateException("a row needs the header first and one value per column");
        }
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            cells.add(columns.get(i).isList() ? listCell(values.get(i)) : values.get(i) == null ? null : values.get(i).toString());
        }
        line(cells);
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
        out.write(CRLF);
    }

    @SuppressWarnings("unchecked")
    private static String listCell(Object value) {
        List<List<String>> items = value == null ? List.of() : (List<List<String>>) value;
        return String.join(ITEM_SEPARATOR, items.stream()
                .map(item -> String.join(FIELD_SEPARATOR, item.stream().filter(Objects::nonNull).filter(f -> !f.isEmpty()).toList()))
                .toList());
    }

    /** One cell: formula guard, then RFC 4180 quoting. Null is the empty cell. */
    public static String escape(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String cell = neutralise(value);
        boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\r') >= 0 || cell.indexOf('\n') >= 0;
        return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    /** Prefixes {@code '} to a value a spreadsheet would read as a formula (= + - @). */
    public static String neutralise(String value) {
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
