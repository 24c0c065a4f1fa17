package org.livecomply.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.grading.GradingFixtures.DECIDE;
import static org.livecomply.grading.GradingFixtures.EXPORT;
import static org.livecomply.grading.GradingFixtures.READ;
import static org.livecomply.testsupport.StatusDetails.badFields;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livecomply.api.grading.v1.CreateDisposalRequest;
import org.livecomply.api.grading.v1.Disposal;
import org.livecomply.api.grading.v1.DisposalReportBatch;
import org.livecomply.api.grading.v1.DisposalReportChunk;
import org.livecomply.api.grading.v1.DisposalReportFormat;
import org.livecomply.api.grading.v1.ExportDisposalReportRequest;
import org.livecomply.api.grading.v1.ListDisposalReportBatchesRequest;
import org.livecomply.api.grading.v1.Measure;
import org.livecomply.api.grading.v1.ReportLevel;
import org.livecomply.api.grading.v1.Room;
import org.livecomply.api.grading.v1.Severity;
import org.livecomply.api.grading.v1.SubjectIdentity;
import org.livecomply.api.grading.v1.Violation;
import org.livecomply.grading.jobs.DisposalReportJob;

/** The regulator report queue (Art. 12 ¶3): batches per level, CSV / JSON Lines with a manifest, each disposal once. */
@MicronautTest(environments = "test", transactional = false)
class DisposalReportIT extends GradingApiTest {

    @TempDir
    static Path reportFolder;

    @Inject
    DisposalReportJob job;

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of(DisposalReportJob.DIRECTORY_PROPERTY, reportFolder.toString());
    }

    private Disposal dispose(Measure measure, SubjectIdentity identity) {
        Room room = fixtures.room();
        Violation violation = fixtures.violation(room, Severity.SEVERITY_GRAVE, TestClock.NOW);
        Disposal.Builder decision = DisposalIT.decision(violation, measure).setFacts("=HYPERLINK(\"x\"), sold fakes").setDeviationReason("test");
        if (identity != null) {
            decision.setSubjectIdentity(identity);
        }
        return client.as(DECIDE).createDisposal(CreateDisposalRequest.newBuilder().setParent(room.getName()).setDisposal(decision).build());
    }

    private Map<String, byte[]> export(ExportDisposalReportRequest request) {
        Map<String, ByteArrayOutputStream> files = new LinkedHashMap<>();
        Iterator<DisposalReportChunk> chunks = client.reports(EXPORT).exportDisposalReport(request);
        chunks.forEachRemaining(c -> files.computeIfAbsent(c.getFileName(), n -> new ByteArrayOutputStream()).writeBytes(c.getData().toByteArray()));
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((name, out) -> bytes.put(name, out.toByteArray()));
        return bytes;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void eachLevelGetsItsDisposalsOnceWithAManifestThatChecksTheBytes() throws Exception {
        // Earlier tests' disposals are taken out of the queue first, so the batches below hold exactly this test's.
        export(ExportDisposalReportRequest.newBuilder().setLevel(ReportLevel.REPORT_LEVEL_COUNTY).setFormat(DisposalReportFormat.DISPOSAL_REPORT_FORMAT_CSV).build());
        export(ExportDisposalReportRequest.newBuilder().setLevel(ReportLevel.REPORT_LEVEL_PROVINCIAL).setFormat(DisposalReportFormat.DISPOSAL_REPORT_FORMAT_CSV).build());
        Disposal warning = dispose(Measure.MEASURE_WARNING, null);
        Disposal blacklist = dispose(Measure.MEASURE_BLACKLIST, SubjectIdentity.newBuilder()
                .setIdentityType(SubjectIdentity.IdentityType.IDENTITY_TYPE_RESIDENT_ID).setIdentity(DisposalIT.ID_NUMBER).build());

        Map<String, byte[]> county = export(ExportDisposalReportRequest.newBuilder().setLevel(ReportLevel.REPORT_LEVEL_COUNTY)
                .setFormat(DisposalReportFormat.DISPOSAL_REPORT_FORMAT_CSV).build());
        assertEquals(List.of("disposals.csv", "manifest.json"), List.copyOf(county.keySet()));
        String csv = new String(county.get("disposals.csv"), StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertEquals(3, lines.length, csv);
        assertTrue(lines[0].startsWith("report_level,disposal,room,live_account_id,room_operator,marketer,measure,"), lines[0]);
        assertTrue(lines[1].contains(warning.getName()) && lines[1].contains("WARNING"), lines[1]);
        assertTrue(lines[1].contains("\"'=HYPERLINK(\"\"x\"\"), sold fakes\""), "formula guard then RFC 4180 quoting: " + lines[1]);
        assertTrue(lines[2].contains(blacklist.getName()) && lines[2].contains(DisposalIT.ID_NUMBER), "regulators get the identity in clear");
        String manifest = new String(county.get("manifest.json"), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("\"record_count\" : 2"), manifest);
        assertTrue(manifest.contains(sha256(county.get("disposals.csv"))), manifest);
        assertTrue(manifest.contains("Art. 12 ¶3") && manifest.contains("\"level\" : \"COUNTY\""), manifest);

        Map<String, byte[]> provincial = export(ExportDisposalReportRequest.newBuilder().setLevel(ReportLevel.REPORT_LEVEL_PROVINCIAL)
                .setFormat(DisposalReportFormat.DISPOSAL_REPORT_FORMAT_JSON_LINES).build());
        String jsonl = new String(provincial.get("disposals.jsonl"), StandardCharsets.UTF_8);
        assertEquals(1, jsonl.lines().count(), "only the blacklist goes to the provincial level: " + jsonl);
        assertTrue(jsonl.contains("\"measure\":\"BLACKLIST\"") && jsonl.contains("\"red_line\":\"FALSE_CLAIM\""), jsonl);

        Map<String, byte[]> again = export(ExportDisposalReportRequest.newBuilder().setLevel(ReportLevel.REPORT_LEVEL_COUNTY)
                .setFormat(DisposalReportFormat.DISPOSAL_REPORT_FORMAT_CSV).build());
        assertEquals(1, new String(again.get("disposals.csv"), StandardCharsets.UTF_8).split("\r\n").length, "nothing is reported twice");

        List<DisposalReportBatch> batches = client.reports(EXPORT).listDisposalReportBatches(ListDisposalReportBatchesRequest.getDefaultInstance())
                .getDisposalReportBatchesList();
        DisposalReportBatch countyBatch = batches.get(2);
        assertEquals(2, countyBatch.getDisposalCount());
        assertEquals("officer-test", countyBatch.getCreatedBy());
        Map<String, byte[]> replay = export(ExportDisposalReportRequest.newBuilder().setBatch(countyBatch.getName())
                .setFormat(DisposalReportFormat.DISPOSAL_REPORT_FORMAT_CSV).build());
        assertEquals(csv, new String(replay.get("disposals.csv"), StandardCharsets.UTF_8), "a batch streams again unchanged");
    }

    @Test
    void theDailyJobWritesAFolderPerLevelOnceADayAndNothingWhenTheQueueIsEmpty() throws IOException {
        dispose(Measure.MEASURE_ACCOUNT_CLOSURE, null);
        List<Path> written = job.run();
        assertEquals(2, written.size(), "closure is reported to the county and the provincial level");
        for (Path folder : written) {
            assertTrue(Files.exists(folder.resolve("disposals.csv")) && Files.exists(folder.resolve("disposals.jsonl"))
                    && Files.exists(folder.resolve("manifest.json")), folder.toString());
        }
        assertEquals(List.of(), job.run(), "nothing queued");
        dispose(Measure.MEASURE_WARNING, null);
        assertEquals(List.of(), job.run(), "today's county report is claimed: once a day, whichever replica runs");
        clock.advance(java.time.Duration.ofDays(1));
        assertEquals(1, job.run().size(), "the next day's run reports what was queued since");
    }

    @Test
    void badExportsAreRefusedAndOnlyTheReportsScopeMayExport() {
        StatusRuntimeException bad = assertThrows(StatusRuntimeException.class, () -> export(ExportDisposalReportRequest.getDefaultInstance()));
        assertEquals(Status.Code.INVALID_ARGUMENT, bad.getStatus().getCode());
        assertEquals(List.of("format", "level"), badFields(bad));
        StatusRuntimeException badBatch = assertThrows(StatusRuntimeException.class, () -> export(ExportDisposalReportRequest.newBuilder()
                .setBatch("batches/1").setFormat(DisposalReportFormat.DISPOSAL_REPORT_FORMAT_CSV).build()));
        assertEquals(List.of("batch"), badFields(badBatch));
        StatusRuntimeException denied = assertThrows(StatusRuntimeException.class, () -> client.reports(READ, DECIDE)
                .listDisposalReportBatches(ListDisposalReportBatchesRequest.getDefaultInstance()));
        assertEquals(Status.Code.PERMISSION_DENIED, denied.getStatus().getCode());
        assertEquals(EXPORT, org.livecomply.testsupport.StatusDetails.errorInfo(denied).getMetadataOrThrow("required_scope"));
    }
}
