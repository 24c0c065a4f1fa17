package org.livecomply.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.training.TrainingServiceClient.READ;
import static org.livecomply.training.TrainingServiceClient.REPORTS;
import static org.livecomply.training.TrainingServiceClient.WRITE;
import static org.livecomply.testsupport.StatusDetails.badFields;
import static org.livecomply.testsupport.StatusDetails.errorInfo;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.livecomply.api.training.v1.Audience;
import org.livecomply.api.training.v1.ExportCompletionReportRequest;
import org.livecomply.api.training.v1.ListNonCompliantRequest;
import org.livecomply.api.training.v1.ListNonCompliantResponse;
import org.livecomply.api.training.v1.ListReportExportsRequest;
import org.livecomply.api.training.v1.ReportChunk;
import org.livecomply.api.training.v1.ReportExport;
import org.livecomply.api.training.v1.ReportFormat;
import org.livecomply.api.training.v1.TrainingRecord;
import org.livecomply.api.training.v1.VoidTrainingRecordRequest;
import org.livecomply.api.training.v1.YearlyCompletion;
import org.livecomply.training.jobs.CompletionReportJob;
import org.livecomply.commons.report.ReportFolders;
import org.livecomply.commons.report.ReportRunRepository;
import org.livecomply.training.service.CompletionReportService;

/**
 * Who has not completed a year's training (ListNonCompliant) and the yearly completion report with its
 * manifest, audit and scheduled job (Art. 10; T-1, T-4, T-5). Subjects come from the real identity-service,
 * which registers them at the real time: this class runs its training clock at the real time too.
 */
@MicronautTest(environments = "test")
class YearlyCompletionIT extends TrainingApiTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final List<String> COLUMNS = List.of("subject", "mcn_institution", "pre_service_required", "pre_service_complete",
            "pre_service_complete_time", "annual_complete", "annual_courses_passed", "missing_courses", "refusals_in_year", "compliant",
            "evaluate_time");

    private final Path reportDirectory = createTempDirectory();
    private final Instant realNow = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final int year = realNow.atZone(CHINA).getYear();

    @Inject
    JsonMapper json;

    @Inject
    CompletionReportJob job;

    @Inject
    CompletionReportService reports;

    @Inject
    ReportRunRepository runs;

    private TrainingFixtures.Catalogue catalogue;
    private String mcn;
    private String trained;
    private String annualMissing;
    private String untrained;
    private String operator;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(CompletionReportJob.DIRECTORY_PROPERTY, reportDirectory.toString());
    }

    @BeforeEach
    void runOnTheRealClock() {
        clock.set(realNow);
    }

    @BeforeAll
    void trainSomeSubjects() {
        clock.set(realNow);
        catalogue = fixtures.catalogue();
        mcn = identity.mcn().getName();
        trained = identity.marketer(mcn).getName();
        annualMissing = identity.marketer().getName();
        untrained = identity.marketer().getName();
        operator = identity.roomOperator().getName();
        Instant earlier = realNow.minusSeconds(3600);
        for (String marketer : List.of(trained, annualMissing)) {
            fixtures.pass(marketer, catalogue.preServiceLaw(), earlier);
            fixtures.pass(marketer, catalogue.preServiceQuality(), earlier);
            fixtures.pass(marketer, catalogue.preServiceConsumer(), earlier);
        }
        fixtures.record(TrainingFixtures.passing(trained, catalogue.annualMarketer(), earlier).setIssuer(mcn));
        fixtures.pass(mcn, catalogue.annualMcn(), earlier);
    }

    @Test
    void everyRegisteredSubjectWhoseYearIsIncompleteIsListedOnceAcrossPages() {
        Map<String, YearlyCompletion> listed = nonCompliant(Audience.AUDIENCE_MARKETER, 1);
        assertFalse(listed.containsKey(trained));
        YearlyCompletion missingAnnual = listed.get(annualMissing);
        assertTrue(missingAnnual.getPreServiceComplete());
        assertFalse(missingAnnual.getAnnualComplete());
        assertFalse(missingAnnual.getCompliant());
        assertEquals(year, missingAnnual.getYear());
        assertEquals(List.of("AN-MARKETER"), missingAnnual.getMissingCoursesList().stream().map(c -> c.getCode()).toList());
        YearlyCompletion nothing = listed.get(untrained);
        assertFalse(nothing.getPreServiceComplete());
        assertEquals(4, nothing.getMissingCoursesCount());

        assertEquals(listed.keySet(), nonCompliant(Audience.AUDIENCE_MARKETER, 200).keySet(), "the page size changes nothing listed");
        assertTrue(nonCompliant(Audience.AUDIENCE_ROOM_OPERATOR, 50).containsKey(operator));
        assertFalse(nonCompliant(Audience.AUDIENCE_MCN, 50).containsKey(mcn));
    }

    @Test
    void aVoidedRecordMakesTheSubjectNonCompliantAgain() {
        String marketer = identity.marketer().getName();
        fixtures.pass(marketer, catalogue.preServiceLaw(), realNow.minusSeconds(60));
        fixtures.pass(marketer, catalogue.preServiceQuality(), realNow.minusSeconds(60));
        fixtures.pass(marketer, catalogue.preServiceConsumer(), realNow.minusSeconds(60));
        TrainingRecord annual = fixtures.pass(marketer, catalogue.annualMarketer(), realNow.minusSeconds(60));
        assertFalse(nonCompliant(Audience.AUDIENCE_MARKETER, 100).containsKey(marketer));
        client.as(WRITE).voidTrainingRecord(VoidTrainingRecordRequest.newBuilder().setName(annual.getName()).setReason("proxy attendee").build());
        assertTrue(nonCompliant(Audience.AUDIENCE_MARKETER, 100).containsKey(marketer));
    }

    @Test
    void badListingsAreRefusedFieldByField() {
        assertEquals(List.of("page_size", "audience", "year"), badFields(assertThrows(StatusRuntimeException.class, () -> client.as(READ)
                .listNonCompliant(ListNonCompliantRequest.newBuilder().setPageSize(-5).setYear(2025).build()))));
        assertEquals(List.of("year"), badFields(assertThrows(StatusRuntimeException.class, () -> client.as(READ)
                .listNonCompliant(ListNonCompliantRequest.newBuilder().setAudience(Audience.AUDIENCE_MCN).setYear(year + 1).build()))));
        StatusRuntimeException forged = assertThrows(StatusRuntimeException.class, () -> client.as(READ).listNonCompliant(
                ListNonCompliantRequest.newBuilder().setAudience(Audience.AUDIENCE_MCN).setYear(year).setPageToken("AAAA").build()));
        assertEquals("INVALID_PAGE_TOKEN", errorInfo(forged).getReason());
    }

    @Test
    void theCsvReportOfAnEndedYearHasARowPerSubjectAndAManifestWithCountsAndHashes() throws Exception {
        StatusRuntimeException running = assertThrows(StatusRuntimeException.class, () -> export(ReportFormat.REPORT_FORMAT_CSV));
        assertEquals(Status.Code.FAILED_PRECONDITION, running.getStatus().getCode());
        assertEquals("REPORT_PERIOD_NOT_ENDED", errorInfo(running).getReason());

        clock.set(LocalDate.of(year + 1, 1, 2).atStartOfDay(CHINA).toInstant());
        Map<String, byte[]> files = export(ReportFormat.REPORT_FORMAT_CSV);
        assertEquals(List.of("marketers.csv", "room_operators.csv", "mcn_institutions.csv", "manifest.json"), List.copyOf(files.keySet()));
        Map<String, Object> manifest = json.readValue(files.get("manifest.json"), Argument.mapOf(String.class, Object.class));
        assertEquals(year, ((Number) ((Map<?, ?>) manifest.get("period")).get("year")).intValue());
        for (Object e : (List<?>) manifest.get("files")) {
            Map<?, ?> entry = (Map<?, ?>) e;
            List<Map<String, String>> rows = csv(files.get((String) entry.get("name")));
            assertEquals(sha256(files.get((String) entry.get("name"))), entry.get("sha256"), "manifest hash of " + entry.get("name"));
            assertEquals(rows.size(), ((Number) entry.get("record_count")).intValue(), "record count of " + entry.get("name"));
            assertEquals(rows.stream().filter(r -> r.get("compliant").equals("false")).count(),
                    ((Number) entry.get("non_compliant_count")).longValue(), "non-compliant count of " + entry.get("name"));
        }
        Map<String, Map<String, String>> marketers = bySubject(csv(files.get("marketers.csv")));
        Map<String, String> trainedRow = marketers.get(trained);
        assertEquals(mcn, trainedRow.get("mcn_institution"), "an MCN's marketers are visible as such (Arts. 38, 41)");
        assertEquals("true", trainedRow.get("compliant"));
        assertEquals("AN-MARKETER", trainedRow.get("annual_courses_passed"));
        assertEquals(LocalDate.of(year + 1, 1, 1).atStartOfDay(CHINA).toInstant().minusNanos(1_000).toString(), trainedRow.get("evaluate_time"));
        Map<String, String> missingRow = marketers.get(annualMissing);
        assertEquals("false", missingRow.get("annual_complete"));
        assertEquals("courses/AN-MARKETER/versions/1 / ANNUAL / false", missingRow.get("missing_courses"));
        assertEquals("false", marketers.get(untrained).get("pre_service_complete"));
        assertEquals("false", bySubject(csv(files.get("room_operators.csv"))).get(operator).get("pre_service_required"));
        assertEquals("true", bySubject(csv(files.get("mcn_institutions.csv"))).get(mcn).get("compliant"));

        ReportExport audit = client.reports(REPORTS).listReportExports(ListReportExportsRequest.getDefaultInstance()).getReportExports(0);
        assertEquals("platform-test", audit.getExportedBy());
        assertEquals(year, audit.getYear());
        assertEquals(ReportExport.Trigger.TRIGGER_API, audit.getTrigger());
        assertEquals(List.of(ReportFormat.REPORT_FORMAT_CSV), audit.getFormatsList());
    }

    @Test
    void theJsonLinesReportHoldsTheSameRecords() throws Exception {
        clock.set(LocalDate.of(year + 1, 1, 2).atStartOfDay(CHINA).toInstant());
        Map<String, byte[]> files = export(ReportFormat.REPORT_FORMAT_JSON_LINES);
        List<Map<String, Object>> marketers = new ArrayList<>();
        for (String line : new String(files.get("marketers.jsonl"), StandardCharsets.UTF_8).split("\n")) {
            marketers.add(json.readValue(line, Argument.mapOf(String.class, Object.class)));
        }
        Map<String, Object> trainedRecord = marketers.stream().filter(m -> trained.equals(m.get("subject"))).findFirst().orElseThrow();
        assertEquals(COLUMNS, List.copyOf(trainedRecord.keySet()));
        assertEquals(List.of(Map.of("code", "AN-MARKETER")), trainedRecord.get("annual_courses_passed"));
        assertEquals("true", trainedRecord.get("compliant"));
        Map<String, Object> manifest = json.readValue(files.get("manifest.json"), Argument.mapOf(String.class, Object.class));
        assertEquals(marketers.size(), ((Number) ((Map<?, ?>) ((List<?>) manifest.get("files")).get(0)).get("record_count")).intValue());
    }

    @Test
    void badExportsAreRefusedFieldByFieldAndOnlyWithTheReportsScope() {
        assertEquals(List.of("year", "format"), badFields(assertThrows(StatusRuntimeException.class, () -> drain(client.reports(REPORTS)
                .exportCompletionReport(ExportCompletionReportRequest.newBuilder().setYear(2025).build())))));
        StatusRuntimeException reader = assertThrows(StatusRuntimeException.class, () -> drain(client.reports(READ)
                .exportCompletionReport(ExportCompletionReportRequest.newBuilder().setYear(year).setFormat(ReportFormat.REPORT_FORMAT_CSV).build())));
        assertEquals(Status.Code.PERMISSION_DENIED, reader.getStatus().getCode());
        assertEquals(List.of("page_size"), badFields(assertThrows(StatusRuntimeException.class, () -> client.reports(REPORTS)
                .listReportExports(ListReportExportsRequest.newBuilder().setPageSize(-1).build()))));
    }

    @Test
    void theScheduledJobWritesThePrecedingYearOnceEvenWithTwoReplicas() throws Exception {
        clock.set(LocalDate.of(year + 1, 1, 1).atTime(3, 0).atZone(CHINA).toInstant());
        Optional<Path> written = onSchedulerThread(job::run);
        assertEquals(Optional.of(reportDirectory.resolve("training-completion-report-" + year)), written);
        List<String> names = list(written.get());
        assertEquals(List.of("manifest.json", "marketers.csv", "marketers.jsonl", "mcn_institutions.csv", "mcn_institutions.jsonl",
                "room_operators.csv", "room_operators.jsonl"), names);
        Map<String, Object> manifest = json.readValue(Files.readAllBytes(written.get().resolve("manifest.json")),
                Argument.mapOf(String.class, Object.class));
        for (Object e : (List<?>) manifest.get("files")) {
            Map<?, ?> entry = (Map<?, ?>) e;
            assertEquals(sha256(Files.readAllBytes(written.get().resolve((String) entry.get("name")))), entry.get("sha256"));
        }
        ReportExport audit = client.reports(REPORTS).listReportExports(ListReportExportsRequest.getDefaultInstance()).getReportExports(0);
        assertEquals("scheduler", audit.getExportedBy());
        assertEquals(ReportExport.Trigger.TRIGGER_SCHEDULED, audit.getTrigger());
        int audited = client.reports(REPORTS).listReportExports(ListReportExportsRequest.getDefaultInstance()).getReportExportsCount();

        clock.set(LocalDate.of(year + 1, 1, 2).atTime(3, 0).atZone(CHINA).toInstant());
        assertEquals(Optional.empty(), onSchedulerThread(job::run), "the year is done");
        CompletionReportJob otherReplica = new CompletionReportJob(reports, new ReportFolders(runs, clock), clock, reportDirectory.toString());
        assertEquals(Optional.empty(), onSchedulerThread(otherReplica::run), "another replica finds the year claimed");
        assertEquals(List.of("training-completion-report-" + year), list(reportDirectory), "no leftover temporary folder");
        assertEquals(audited, client.reports(REPORTS).listReportExports(ListReportExportsRequest.getDefaultInstance()).getReportExportsCount());
    }

    private Map<String, YearlyCompletion> nonCompliant(Audience audience, int pageSize) {
        Map<String, YearlyCompletion> listed = new LinkedHashMap<>();
        ListNonCompliantRequest request = ListNonCompliantRequest.newBuilder().setAudience(audience).setYear(year).setPageSize(pageSize).build();
        ListNonCompliantResponse page;
        do {
            page = client.as(READ).listNonCompliant(request);
            assertTrue(page.getNonCompliantCount() <= pageSize);
            for (YearlyCompletion completion : page.getNonCompliantList()) {
                assertEquals(null, listed.put(completion.getSubject(), completion), "listed twice: " + completion.getSubject());
            }
            request = request.toBuilder().setPageToken(page.getNextPageToken()).build();
        } while (!page.getNextPageToken().isEmpty());
        return listed;
    }

    private Map<String, byte[]> export(ReportFormat format) {
        Map<String, ByteArrayOutputStream> files = new LinkedHashMap<>();
        Iterator<ReportChunk> chunks = client.reports(REPORTS).exportCompletionReport(ExportCompletionReportRequest.newBuilder()
                .setYear(year).setFormat(format).build());
        chunks.forEachRemaining(chunk -> files.computeIfAbsent(chunk.getFileName(), n -> new ByteArrayOutputStream())
                .writeBytes(chunk.getData().toByteArray()));
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((name, out) -> bytes.put(name, out.toByteArray()));
        return bytes;
    }

    private static void drain(Iterator<ReportChunk> chunks) {
        chunks.forEachRemaining(chunk -> { });
    }

    /** RFC 4180 rows (the cells written here hold no line breaks) keyed by the header. */
    private static List<Map<String, String>> csv(byte[] bytes) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r\n");
        assertEquals(COLUMNS, cells(lines[0]));
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            List<String> cells = cells(lines[i]);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < COLUMNS.size(); c++) {
                row.put(COLUMNS.get(c), cells.get(c));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static Map<String, Map<String, String>> bySubject(List<Map<String, String>> rows) {
        Map<String, Map<String, String>> bySubject = new LinkedHashMap<>();
        rows.forEach(row -> bySubject.put(row.get("subject"), row));
        return bySubject;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * Runs the job on a thread of its own, as the scheduler does: @MicronautTest wraps the test thread in a
     * transaction that is rolled back, and the job's claim and audit rows must commit as in production.
     */
    private static <T> T onSchedulerThread(Callable<T> task) throws Exception {
        ExecutorService scheduler = Executors.newSingleThreadExecutor();
        try {
            return scheduler.submit(task).get();
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory(Path.of("target"), "training-reports-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
