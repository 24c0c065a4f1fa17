package org.livecomply.devrun.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.livecomply.api.identity.v1.ExportRegulatorReportRequest;
import org.livecomply.api.identity.v1.ReportChunk;
import org.livecomply.api.identity.v1.ReportFormat;
import org.livecomply.api.identity.v1.ReportHalf;
import org.livecomply.sdk.LiveComplyClient;

/**
 * identity's half-yearly report to the provincial market regulator (Art. 9): streamed, written to a folder
 * file by file, and checked against its manifest (every file's record count is listed and its SHA-256 matches
 * the bytes received).
 */
final class RegulatorReportDownload {

    /** The folder, and per data file its record count from the manifest. */
    record Report(Path folder, Map<String, Long> recordCounts, String dueDate) {
    }

    private RegulatorReportDownload() {
    }

    static Report download(LiveComplyClient client, int year, ReportHalf half, Path folder) {
        Iterator<ReportChunk> chunks = LiveComplyClient.withDeadline(client.identityReports(), Duration.ofMinutes(2))
                .exportRegulatorReport(ExportRegulatorReportRequest.newBuilder().setYear(year).setHalf(half)
                        .setFormat(ReportFormat.REPORT_FORMAT_CSV).build());
        Map<String, ByteArrayOutputStream> files = new LinkedHashMap<>();
        while (chunks.hasNext()) {
            ReportChunk chunk = chunks.next();
            files.computeIfAbsent(chunk.getFileName(), name -> new ByteArrayOutputStream()).writeBytes(chunk.getData().toByteArray());
        }
        DemoFailure.expect(files.containsKey("manifest.json"), "the report arrived without manifest.json: " + files.keySet());
        try {
            Files.createDirectories(folder);
            for (Map.Entry<String, ByteArrayOutputStream> file : files.entrySet()) {
                DemoFailure.expect(!file.getKey().contains("/") && !file.getKey().startsWith("."), "odd file name " + file.getKey());
                Files.write(folder.resolve(file.getKey()), file.getValue().toByteArray());
            }
            JsonNode manifest = new ObjectMapper().readTree(files.get("manifest.json").toByteArray());
            Map<String, Long> counts = new LinkedHashMap<>();
            for (JsonNode entry : manifest.path("files")) {
                String name = entry.path("name").asText();
                DemoFailure.expect(files.containsKey(name), "the manifest lists " + name + ", which did not arrive");
                DemoFailure.expect(sha256(files.get(name).toByteArray()).equals(entry.path("sha256").asText()),
                        "the SHA-256 of " + name + " differs from the manifest's");
                counts.put(name, entry.path("record_count").asLong());
            }
            DemoFailure.expect(counts.size() == files.size() - 1, "the manifest lists " + counts.keySet() + " but " + files.keySet() + " arrived");
            return new Report(folder, counts, manifest.path("due_date").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report to " + folder, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
