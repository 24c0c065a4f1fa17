package org.livecomply.consumer.domain.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.livecomply.commons.report.ReportFormat;

/** The last file of a clue export: what, on what basis, which period, when, and the data file's count and SHA-256. */
public record ClueManifest(Instant startTime, Instant endTime, Instant generateTime, ReportFormat format, String fileName, long recordCount,
                           String sha256) {

    public static final String LEGAL_BASIS = "Measures for the Supervision and Administration of Live E-commerce (SAMR-CAC Order 117) "
            + "Art. 46; E-Commerce Law Art. 29";
    private static final JsonFactory FACTORY = new JsonFactory();

    public byte[] toJson() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("report", "Regulator clues from escalated consumer complaints");
            json.writeStringField("legal_basis", LEGAL_BASIS);
            json.writeObjectFieldStart("period");
            json.writeStringField("start_time", startTime.toString());
            json.writeStringField("end_time", endTime.toString());
            json.writeStringField("selection", "clues created at or after start_time and before end_time");
            json.writeEndObject();
            json.writeStringField("generate_time", generateTime.toString());
            json.writeStringField("format", format.name());
            json.writeStringField("encoding", "UTF-8");
            if (format == ReportFormat.CSV) {
                json.writeStringField("csv", "RFC 4180, header row, CRLF; cells starting with = + - @ are prefixed with ' against formula injection");
            }
            json.writeArrayFieldStart("files");
            json.writeStartObject();
            json.writeStringField("name", fileName);
            json.writeStringField("format", format.name());
            json.writeNumberField("record_count", recordCount);
            json.writeStringField("sha256", sha256);
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }
}
