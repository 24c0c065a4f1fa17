package org.livecomply.consumer.domain.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.livecomply.commons.report.ReportFormat;

/** The last file of a clue export: what, on what basis, which period, when, and each data file's count and SHA-256. */
public record ClueManifest(Instant startTime, Instant endTime, Instant generateTime, List<File> files) {

    public static final String LEGAL_BASIS = "Measures for the Supervision and Administration of Live E-commerce (SAMR-CAC Order 117) "
            + "Art. 46; E-Commerce Law Art. 29";
    private static final JsonFactory FACTORY = new JsonFactory();

    /** One data file of the export. */
    public record File(String name, ReportFormat format, long recordCount, String sha256) {
    }

    public ClueManifest {
        files = List.copyOf(files);
    }

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
            if (files.size() == 1) {
                json.writeStringField("format", files.get(0).format().name());
            }
            json.writeStringField("encoding", "UTF-8");
            if (files.stream().anyMatch(f -> f.format() == ReportFormat.CSV)) {
                json.writeStringField("csv", "RFC 4180, header row, CRLF; cells starting with = + - @ are prefixed with ' against formula injection");
            }
            json.writeArrayFieldStart("files");
            for (File file : files) {
                json.writeStartObject();
                json.writeStringField("name", file.name());
                json.writeStringField("format", file.format().name());
                json.writeNumberField("record_count", file.recordCount());
                json.writeStringField("sha256", file.sha256());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }
}
