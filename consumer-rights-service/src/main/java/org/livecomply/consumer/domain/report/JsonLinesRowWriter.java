package org.livecomply.consumer.domain.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** JSON Lines: one object per record and line (LF), keys in column order, absent values null; values as they are (machine input). */
public final class JsonLinesRowWriter implements RowWriter {

    private static final JsonFactory FACTORY = new JsonFactoryBuilder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .rootValueSeparator((String) null).build();

    private final JsonGenerator json;
    private List<String> columns;

    public JsonLinesRowWriter(OutputStream out) throws IOException {
        this.json = FACTORY.createGenerator(out);
    }

    @Override
    public void header(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    @Override
    public void row(List<String> values) throws IOException {
        if (columns == null || values.size() != columns.size()) {
            throw new IllegalStateException("a row needs the header first and one value per column");
        }
        json.writeStartObject();
        for (int i = 0; i < values.size(); i++) {
            json.writeStringField(columns.get(i), values.get(i));
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    @Override
    public void finish() throws IOException {
        json.flush();
    }
}
