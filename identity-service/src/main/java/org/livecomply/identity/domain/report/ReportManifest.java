package org.livecomply.identity.domain.report;

import org.livecomply.commons.report.CsvReportWriter;
import org.livecomply.commons.report.ReportFormat;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The last file of every report (ARCHITECTURE "Reports"): which report, on what legal basis, what period it
 * covers and when it is due, when it was made, and for each file its record count and SHA-256, so the
 * recipient can check it received every byte. It also states the selection rule and the CSV conventions.
 */
public record ReportManifest(ReportPeriod period, Instant generateTime, List<ReportFormat> formats, List<FileEntry> files) {

    public static final String CSV_CONVENTIONS = "RFC 4180, UTF-8, header row, CRLF; list items separated by '"
            + CsvReportWriter.ITEM_SEPARATOR + "', item fields by '" + CsvReportWriter.FIELD_SEPARATOR
            + "'; cells starting with = + - @ are prefixed with a single quote (') against formula injection";

    private static final JsonFactory FACTORY = new JsonFactory();

    /** One data file: name, format, number of records (CSV header not counted), SHA-256 (lowercase hex) of its bytes. */
    public record FileEntry(String name, ReportFormat format, long recordCount, String sha256) {
    }

    public ReportManifest {
        formats = List.copyOf(formats);
        files = List.copyOf(files);
    }

    public byte[] toJson() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("report", period.kind().title());
            json.writeStringField("legal_basis", period.kind().legalBasis());
            json.writeObjectFieldStart("period");
            json.writeNumberField("year", period.year());
            for (Map.Entry<String, Object> label : period.label().entrySet()) {
                json.writeObjectField(label.getKey(), label.getValue());
            }
            json.writeStringField("first_day", period.firstDay().toString());
            json.writeStringField("last_day", period.lastDay().toString());
            json.writeStringField("time_zone", ReportPeriod.ZONE.getId());
            json.writeStringField("start_time", period.startTime().toString());
            json.writeStringField("end_time", period.endTime().toString());
            json.writeEndObject();
            json.writeStringField("due_date", period.dueDate().toString());
            json.writeStringField("selection", period.kind().selection());
            json.writeStringField("generate_time", generateTime.toString());
            json.writeArrayFieldStart("formats");
            for (ReportFormat format : formats) {
                json.writeString(format.name());
            }
            json.writeEndArray();
            json.writeStringField("encoding", "UTF-8");
            if (formats.contains(ReportFormat.CSV)) {
                json.writeStringField("csv", CSV_CONVENTIONS);
            }
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
