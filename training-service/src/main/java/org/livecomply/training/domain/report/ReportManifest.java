package org.livecomply.training.domain.report;

import org.livecomply.commons.report.CsvReportWriter;
import org.livecomply.commons.report.ReportFormat;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.livecomply.training.domain.TrainingRules;

/**
 * The last file of every completion report: the year, when it was made, the selection and evaluation
 * rule, and for each file its record count, non-compliant count and SHA-256, so the reader can check it
 * received every byte.
 */
public record ReportManifest(ReportYear year, Instant generateTime, List<ReportFormat> formats, List<FileEntry> files) {

    public static final String SELECTION = "every subject registered in identity-service before period.end_time (any state), "
            + "evaluated at the last instant of the year with the calendar-year window: pre-service training (marketers) "
            + "complete by then, every annual course in force then passed within the year; voided records count for nothing";
    public static final String CSV_CONVENTIONS = "RFC 4180, UTF-8, header row, CRLF; list items separated by '"
            + CsvReportWriter.ITEM_SEPARATOR + "', item fields by '" + CsvReportWriter.FIELD_SEPARATOR
            + "'; cells starting with = + - @ are prefixed with a single quote (') against formula injection";

    private static final JsonFactory FACTORY = new JsonFactory();

    /** One data file: name, format, records (CSV header not counted), non-compliant records, SHA-256 (lowercase hex). */
    public record FileEntry(String name, ReportFormat format, long recordCount, long nonCompliantCount, String sha256) {
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
            json.writeStringField("report", "training completion report");
            json.writeStringField("legal_basis", "Measures for the Supervision and Administration of Live E-commerce, Art. 10; Arts. 38, 41");
            json.writeObjectFieldStart("period");
            json.writeNumberField("year", year.year());
            json.writeStringField("time_zone", TrainingRules.ZONE.getId());
            json.writeStringField("start_time", year.startTime().toString());
            json.writeStringField("end_time", year.endTime().toString());
            json.writeEndObject();
            json.writeStringField("selection", SELECTION);
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
                json.writeNumberField("non_compliant_count", file.nonCompliantCount());
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
