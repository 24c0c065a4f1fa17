package org.livecomply.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.livecomply.api.identity.v1.ReportChunk;

/** Reading identity reports in tests, independently of the code that writes them: streamed chunks, CSV, JSON Lines, hashes, folders. */
final class ReportFiles {

    private ReportFiles() {
    }

    /** The files of a streamed report in arrival order, checking chunk sizes and that a file's chunks are contiguous. */
    static LinkedHashMap<String, byte[]> collect(Iterator<ReportChunk> chunks) {
        LinkedHashMap<String, ByteArrayOutputStream> files = new LinkedHashMap<>();
        String current = null;
        while (chunks.hasNext()) {
            ReportChunk chunk = chunks.next();
            assertTrue(chunk.getData().size() <= 64 * 1024, "chunk of " + chunk.getData().size() + " bytes");
            if (!chunk.getFileName().equals(current)) {
                assertFalse(files.containsKey(chunk.getFileName()), chunk.getFileName() + " came in two runs of chunks");
                current = chunk.getFileName();
                files.put(current, new ByteArrayOutputStream());
            }
            files.get(current).writeBytes(chunk.getData().toByteArray());
        }
        LinkedHashMap<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((name, out) -> bytes.put(name, out.toByteArray()));
        return bytes;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Records of a CSV file, after checking its header; parsed here by RFC 4180, independently of the writer. */
    static List<Map<String, Object>> csv(byte[] bytes, List<String> columns) {
        List<List<String>> rows = Rfc4180.parse(new String(bytes, StandardCharsets.UTF_8));
        assertEquals(columns, rows.get(0), "header row: exactly the report's fields");
        List<Map<String, Object>> records = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertEquals(columns.size(), row.size(), row.toString());
            Map<String, Object> record = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                record.put(columns.get(i), row.get(i));
            }
            records.add(record);
        }
        return records;
    }

    static List<Map<String, Object>> jsonLines(JsonMapper json, byte[] bytes, List<String> columns) throws IOException {
        List<Map<String, Object>> records = new ArrayList<>();
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.isEmpty() || text.endsWith("\n"), "every line ends with LF");
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            Map<String, Object> record = json.readValue(line.getBytes(StandardCharsets.UTF_8), Argument.mapOf(String.class, Object.class));
            assertEquals(columns, List.copyOf(record.keySet()), "exactly the report's fields, in order");
            records.add(record);
        }
        return records;
    }

    /**
     * Runs the job on a thread of its own, as the scheduler does: @MicronautTest wraps the test thread in a
     * transaction that is rolled back, and the job's claim and audit rows must commit as in production.
     */
    static <T> T onSchedulerThread(Callable<T> job) throws Exception {
        ExecutorService scheduler = Executors.newSingleThreadExecutor();
        try {
            return scheduler.submit(job).get();
        } finally {
            scheduler.shutdownNow();
        }
    }

    static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A small RFC 4180 reader for the tests. */
    static final class Rfc4180 {

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    i++;
                } else {
                    assertFalse(c == '\n' || c == '\r', "bare line break outside quotes");
                    cell.append(c);
                }
            }
            assertTrue(cell.isEmpty() && row.isEmpty(), "the last record ends with CRLF");
            return rows;
        }
    }
}
