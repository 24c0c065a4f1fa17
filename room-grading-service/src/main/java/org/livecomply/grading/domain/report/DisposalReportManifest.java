package org.livecomply.grading.domain.report;

import org.livecomply.commons.report.CsvReportWriter;
import org.livecomply.commons.report.ReportFormat;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** The last file of a disposal report: level, batch, generation time, and per file its record count and SHA-256. */
public record DisposalReportManifest(DisposalReportBatch batch, Instant generateTime, List<FileEntry> files) {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** One data file: name, format, records (CSV header not counted), SHA-256 (lowercase hex) of its bytes. */
    public record FileEntry(String name, ReportFormat format, long recordCount, String sha256) {
    }

    public DisposalReportManifest {
        files = List.copyOf(files);
    }

    public byte[] toJson() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("report", "disposal report");
            json.writeStringField("legal_basis", "Measures for the Supervision and Administration of Live E-commerce, Art. 12 ¶3");
            json.writeStringField("level", batch.level().name());
            json.writeStringField("recipients", batch.level() == org.livecomply.grading.domain.ReportLevel.COUNTY
                    ? "county-level (or higher) market regulator and cyberspace administration"
                    : "provincial market regulator and cyberspace administration (account closure, re-registration ban, blacklist)");
            json.writeStringField("batch", batch.name());
            json.writeStringField("batch_create_time", batch.createTime().toString());
            json.writeStringField("generate_time", generateTime.toString());
            json.writeStringField("encoding", "UTF-8");
            json.writeStringField("csv", "RFC 4180, UTF-8, header row, CRLF; violations separated by '" + CsvReportWriter.ITEM_SEPARATOR
                    + "', their fields by '" + CsvReportWriter.FIELD_SEPARATOR + "'; cells starting with = + - @ are prefixed with '");
            json.writeArrayFieldStart("files");
            for (FileEntry file : files) {
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
