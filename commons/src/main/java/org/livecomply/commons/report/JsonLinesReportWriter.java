package org.livecomply.commons.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * JSON Lines: one object per record and line (LF), keys in column order, absent values {@code null}, numbers
 * and booleans as JSON numbers and booleans, list columns as arrays of objects. Values are written as they are (no formula guard: this is machine input).
 */
public final class JsonLinesReportWriter implements ReportWriter {

    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .rootValueSeparator((String) null)
            .build();

    private final JsonGenerator json;
    private List<ReportColumn> columns;

    public JsonLinesReportWriter(OutputStream out) throws IOException {
        this.json = FACTORY.createGenerator(out);
    }

    @Override
    public void header(List<ReportColumn> columns) {
        this.columns = List.copyOf(columns);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void row(List<Object> values) throws IOException {
        if (columns == null || values.size() != columns.size()) {
            throw new IllegalStateException("a row needs the header first and one value per column");
        }
        json.writeStartObject();
        for (int i = 0; i < values.size(); i++) {
            ReportColumn column = columns.get(i);
            json.writeFieldName(column.name());
            if (column.isList()) {
                json.writeStartArray();
                for (List<String> item : values.get(i) == null ? List.<List<String>>of() : (List<List<String>>) values.get(i)) {
                    json.writeStartObject();
                    for (int f = 0; f < column.itemFields().size(); f++) {
                        json.writeStringField(column.itemFields().get(f), item.get(f));
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
            } else if (values.get(i) instanceof Long number) {
                json.writeNumber(number);
            } else if (values.get(i) instanceof Boolean flag) {
                json.writeBoolean(flag);
            } else {
                json.writeString((String) values.get(i));
            }
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    @Override
    public void finish() throws IOException {
        json.flush();
    }
}
