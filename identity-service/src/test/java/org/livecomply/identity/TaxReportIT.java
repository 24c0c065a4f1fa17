package org.livecomply.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.identity.IdentityFixtures.WRITE;
import static org.livecomply.identity.ReportFiles.csv;
import static org.livecomply.identity.ReportFiles.list;
import static org.livecomply.identity.ReportFiles.onSchedulerThread;
import static org.livecomply.identity.ReportFiles.sha256;
import static org.livecomply.testsupport.StatusDetails.badFields;
import static org.livecomply.testsupport.StatusDetails.errorInfo;
import static org.livecomply.testsupport.StatusDetails.preconditionFailure;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.core.type.Argument;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.livecomply.api.identity.v1.CreateMarketerRequest;
import org.livecomply.api.identity.v1.CreateMcnInstitutionRequest;
import org.livecomply.api.identity.v1.CreateRoomOperatorRequest;
import org.livecomply.api.identity.v1.ExportTaxReportRequest;
import org.livecomply.api.identity.v1.IdentityReportServiceGrpc;
import org.livecomply.api.identity.v1.IncomeStatement;
import org.livecomply.api.identity.v1.ListReportExportsRequest;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.McnInstitution;
import org.livecomply.api.identity.v1.RecordQuarterlyIncomeRequest;
import org.livecomply.api.identity.v1.ReportExport;
import org.livecomply.api.identity.v1.ReportFormat;
import org.livecomply.api.identity.v1.ReportHalf;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.api.type.v1.Contact;
import org.livecomply.api.type.v1.Money;
import org.livecomply.identity.domain.report.ReportKind;
import org.livecomply.identity.jobs.ReportJob;
import org.livecomply.commons.report.ReportFolders;
import org.livecomply.commons.report.ReportRunRepository;
import org.livecomply.identity.repository.ReportSubjects;
import org.livecomply.identity.service.RegulatorReportService;
import org.livecomply.identity.service.TaxReportService;
import org.livecomply.sdk.BearerToken;
import org.livecomply.testsupport.MutableClock;
import org.livecomply.testsupport.TestDatabase;

/**
 * The quarterly identity and income report to the tax authority (State Council Order 810) over a real gRPC
 * channel and database: income statements recorded and superseded, refused field by field; the report's
 * identity and income columns for every subject registered before the quarter's end (China time), zeros for
 * those without a statement; manifest counts, hashes, legal basis and due date; audit; the job writing the
 * folder once while two replicas race.
 */
@MicronautTest(environments = "test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaxReportIT implements TestPropertyProvider {

    static final String EXPORT = "reports.export";
    /** 2026 Q3 ends at 2026-10-01 00:00 China time. */
    static final Instant Q3_END = Instant.parse("2026-09-30T16:00:00Z");
    static final Instant AFTER_Q3 = Instant.parse("2026-10-05T02:00:00Z");

    static final List<String> REGISTERED_COLUMNS = List.of("name", "uscc", "contact_phone", "gross_income_fen", "refunds_fen",
            "net_income_fen", "transaction_count", "income_statement_recorded");
    static final List<String> PERSON_COLUMNS = List.of("name", "id_number", "contact_phone", "gross_income_fen", "refunds_fen",
            "net_income_fen", "transaction_count", "income_statement_recorded");

    private final TestDatabase.Database database = TestDatabase.shared().newDatabase("identity_tax_report");
    private final Path reportDirectory = temporaryDirectory();

    @Inject
    GrpcEmbeddedServer server;

    @Inject
    MutableClock clock;

    @Inject
    JsonMapper json;

    @Inject
    ReportJob job;

    @Inject
    RegulatorReportService regulatorReports;

    @Inject
    TaxReportService taxReports;

    @Inject
    ReportRunRepository runs;

    private IdentityServiceClient client;

    /** Registered in Q3; two Q3 statements, the second in force. */
    private RoomOperator entity;
    private RoomOperator.Builder entityInput;
    /** A natural person registered in the last second of Q3 (China time); no statement. */
    private RoomOperator.Builder personInput;
    /** A marketer registered in Q2 with a Q2 statement only: in the Q3 report with zeros. */
    private Marketer.Builder idleInput;
    /** A marketer registered in Q3 with one Q3 statement, refunds left unset. */
    private Marketer.Builder earnerInput;
    /** Registered at 00:30 on 1 October in China (Q4), with a Q3 and a Q4 statement. */
    private RoomOperator.Builder lateInput;
    private Marketer.Builder lateMarketerInput;
    private McnInstitution mcn;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(database.micronautProperties());
        properties.put(ReportJob.DIRECTORY_PROPERTY, reportDirectory.toString());
        properties.put(ReportSubjects.PAGE_SIZE_PROPERTY, "1"); // every subject on a page of its own, with its statements
        return properties;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("identity-tax-reports");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void registerSubjectsAndStatements() {
        client = new IdentityServiceClient(server, clock);
        clock.set(Instant.parse("2026-05-10T02:00:00Z"));
        idleInput = IdentityFixtures.marketerInput(LocalDate.of(1993, 3, 3)).setLegalName("王五").setContact(Contact.newBuilder().setPhone("13600001111"));
        Marketer idle = createMarketer(idleInput);
        record(statement(idle.getName(), 2026, 2, 500_000, 0, 20));

        clock.set(Instant.parse("2026-08-10T02:00:00Z"));
        entityInput = RoomOperators.entity().setLegalName("=杭州示例电子商务有限公司"); // formula guard applies in CSV
        entity = createOperator(entityInput);
        earnerInput = IdentityFixtures.marketerInput(LocalDate.of(1995, 2, 3)).setLegalName("赵六");
        Marketer earner = createMarketer(earnerInput);
        mcn = client.as(WRITE).createMcnInstitution(CreateMcnInstitutionRequest.newBuilder().setMcnInstitution(McnInstitution.newBuilder()
                .setLegalName("杭州星光文化传媒有限公司").setUscc(RoomOperators.freshUscc()).setBusinessAddress(RoomOperators.address())
                .setContact(Contact.newBuilder().setPhone("057188886666"))).build());

        clock.set(Q3_END.minusSeconds(1));
        personInput = RoomOperators.person(RoomOperators.freshIdNumber(LocalDate.of(1990, 5, 17)));
        createOperator(personInput);

        clock.set(Instant.parse("2026-09-30T16:30:00Z"));
        lateInput = RoomOperators.entity().setLegalName("第四季度登记的公司");
        RoomOperator late = createOperator(lateInput);
        lateMarketerInput = IdentityFixtures.marketerInput(LocalDate.of(1992, 1, 1)).setLegalName("第四季度登记的主播");
        createMarketer(lateMarketerInput);

        clock.set(Instant.parse("2026-10-02T02:00:00Z"));
        record(statement(entity.getName(), 2026, 3, 1_000_000, 50_000, 120));
        record(statement(entity.getName(), 2026, 3, 1_200_000, 60_000, 130));
        record(statement(earner.getName(), 2026, 3, 300_000, 0, 10).clearRefunds());
        record(statement(late.getName(), 2026, 3, 999_999, 0, 1));
        record(statement(late.getName(), 2026, 4, 800_000, 100_000, 40));
        clock.set(AFTER_Q3);
    }

    private RoomOperator createOperator(RoomOperator.Builder input) {
        return client.as(WRITE).createRoomOperator(CreateRoomOperatorRequest.newBuilder().setRoomOperator(input).build());
    }

    private Marketer createMarketer(Marketer.Builder input) {
        return client.as(WRITE).createMarketer(CreateMarketerRequest.newBuilder().setMarketer(input).build());
    }

    private static IncomeStatement.Builder statement(String subject, int year, int quarter, long gross, long refunds, long transactions) {
        return IncomeStatement.newBuilder().setSubject(subject).setYear(year).setQuarter(quarter).setGrossIncome(cny(gross))
                .setRefunds(cny(refunds)).setTransactionCount(transactions);
    }

    private static Money cny(long fen) {
        return Money.newBuilder().setCurrencyCode("CNY").setAmountMinor(fen).build();
    }

    private IncomeStatement record(IncomeStatement.Builder statement) {
        return client.as(WRITE).recordQuarterlyIncome(RecordQuarterlyIncomeRequest.newBuilder().setIncomeStatement(statement).build());
    }

    @AfterEach
    void backAfterTheQuarter() {
        clock.set(AFTER_Q3);
    }

    @AfterAll
    void disconnect() throws IOException {
        clock.set(TestClock.NOW);
        client.close();
        try (Stream<Path> files = Files.walk(reportDirectory)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private IdentityReportServiceGrpc.IdentityReportServiceBlockingStub reportsAs(String... scopes) {
        return IdentityReportServiceGrpc.newBlockingStub(client.channel()).withCallCredentials(BearerToken.of(client.token(scopes)));
    }

    private LinkedHashMap<String, byte[]> export(int year, int quarter, ReportFormat format) {
        return ReportFiles.collect(reportsAs(EXPORT).exportTaxReport(ExportTaxReportRequest.newBuilder().setYear(year).setQuarter(quarter)
                .setFormat(format).build()));
    }

    private List<ReportExport> allExports() {
        return reportsAs(EXPORT).listReportExports(ListReportExportsRequest.newBuilder().setPageSize(200).build()).getReportExportsList();
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void aStatementIsRecordedAndALaterOneForTheSameQuarterSupersedesItWhileBothAreKept() throws SQLException {
        clock.set(Instant.parse("2027-02-01T02:00:00Z")); // Q1 2027; these subjects are in no 2026 report
        RoomOperator operator = createOperator(RoomOperators.entity());
        Marketer marketer = createMarketer(IdentityFixtures.marketerInput(LocalDate.of(1998, 8, 8)));
        RecordQuarterlyIncomeRequest first = RecordQuarterlyIncomeRequest.newBuilder().setRequestId("income-" + RoomOperators.uniqueAccount())
                .setIncomeStatement(statement(operator.getName(), 2027, 1, 10_000, 2_000, 3)).build();

        IncomeStatement recorded = client.as(WRITE).recordQuarterlyIncome(first);
        assertTrue(recorded.getName().matches("incomeStatements/[0-9a-f-]{36}"), recorded.getName());
        assertEquals(operator.getName(), recorded.getSubject());
        assertEquals(1, recorded.getRevision(), "the first statement of the quarter");
        assertEquals(cny(8_000), recorded.getNetIncome(), "net = gross - refunds");
        assertEquals(3, recorded.getTransactionCount());
        assertEquals("platform-test", recorded.getRecordedBy());
        assertEquals(Instant.parse("2027-02-01T02:00:00Z").getEpochSecond(), recorded.getRecordTime().getSeconds());
        assertEquals(recorded, client.as(WRITE).recordQuarterlyIncome(first), "a retry returns the first answer");

        IncomeStatement correction = record(statement(operator.getName(), 2027, 1, 15_000, 0, 4));
        assertEquals(2, correction.getRevision(), "a later statement for the same quarter supersedes the earlier one");
        assertNotEquals(recorded.getName(), correction.getName());
        assertEquals(1, record(statement(marketer.getName(), 2027, 1, 5_000, 0, 1)).getRevision(), "revisions count per subject");
        assertEquals(1, record(statement(operator.getName(), 2026, 4, 7_000, 0, 1)).getRevision(), "…and per quarter");

        String id = operator.getName().substring("roomOperators/".length());
        assertEquals(2, count("SELECT COUNT(*) FROM income_statements WHERE subject_id = '" + id + "' AND report_year = 2027"),
                "the superseded statement is kept; the retry stored nothing");
        StatusRuntimeException reused = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).recordQuarterlyIncome(
                first.toBuilder().setIncomeStatement(statement(operator.getName(), 2027, 1, 1, 0, 1)).build()));
        assertEquals("REQUEST_ID_REUSED", errorInfo(reused).getReason());
    }

    @Test
    void badStatementsAreRefusedFieldByFieldAndStoreNothing() throws SQLException {
        long before = count("SELECT COUNT(*) FROM income_statements");
        String subject = entity.getName();
        List<Map.Entry<String, RecordQuarterlyIncomeRequest.Builder>> bad = List.of(
                bad("request_id", request(statement(subject, 2026, 3, 1, 0, 1)).setRequestId("not an id!")),
                bad("income_statement", RecordQuarterlyIncomeRequest.newBuilder()),
                bad("income_statement.subject", request(statement(mcn.getName(), 2026, 3, 1, 0, 1))),
                bad("income_statement.subject", request(statement("rooms/" + entity.getName(), 2026, 3, 1, 0, 1))),
                bad("income_statement.subject", request(statement("", 2026, 3, 1, 0, 1))),
                bad("income_statement.year", request(statement(subject, 2025, 4, 1, 0, 1))),
                bad("income_statement.year", request(statement(subject, 2101, 1, 1, 0, 1))),
                bad("income_statement.quarter", request(statement(subject, 2026, 0, 1, 0, 1))),
                bad("income_statement.quarter", request(statement(subject, 2026, 5, 1, 0, 1))),
                bad("income_statement.quarter", request(statement(subject, 2027, 1, 1, 0, 1))), // not begun on 5 October 2026
                bad("income_statement.gross_income", request(statement(subject, 2026, 3, 1, 0, 1).clearGrossIncome())),
                bad("income_statement.gross_income.currency_code", request(statement(subject, 2026, 3, 1, 0, 1)
                        .setGrossIncome(Money.newBuilder().setCurrencyCode("USD").setAmountMinor(1)))),
                bad("income_statement.gross_income.currency_code", request(statement(subject, 2026, 3, 1, 0, 1)
                        .setGrossIncome(Money.newBuilder().setAmountMinor(1)))),
                bad("income_statement.gross_income.amount_minor", request(statement(subject, 2026, 3, -1, 0, 1))),
                bad("income_statement.refunds.amount_minor", request(statement(subject, 2026, 3, 1, -1, 1))),
                bad("income_statement.refunds.amount_minor", request(statement(subject, 2026, 3, 1_000, 1_001, 1))),
                bad("income_statement.refunds.currency_code", request(statement(subject, 2026, 3, 1, 0, 1)
                        .setRefunds(Money.newBuilder().setCurrencyCode("HKD")))),
                bad("income_statement.transaction_count", request(statement(subject, 2026, 3, 1, 0, -1))));
        for (Map.Entry<String, RecordQuarterlyIncomeRequest.Builder> each : bad) {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                    () -> client.as(WRITE).recordQuarterlyIncome(each.getValue().build()), each.getKey());
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), each.getKey());
            assertTrue(badFields(e).contains(each.getKey()), each.getKey() + " not among " + badFields(e) + " for " + each.getValue());
        }

        StatusRuntimeException all = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).recordQuarterlyIncome(
                request(statement("marketers/nope", 2025, 9, 0, 0, -5).clearGrossIncome()).build()));
        assertEquals(List.of("income_statement.subject", "income_statement.year", "income_statement.quarter", "income_statement.gross_income",
                "income_statement.transaction_count"), badFields(all), "every bad field at once");
        assertEquals(before, count("SELECT COUNT(*) FROM income_statements"), "nothing stored");
    }

    private static RecordQuarterlyIncomeRequest.Builder request(IncomeStatement.Builder statement) {
        return RecordQuarterlyIncomeRequest.newBuilder().setIncomeStatement(statement);
    }

    private static Map.Entry<String, RecordQuarterlyIncomeRequest.Builder> bad(String field, RecordQuarterlyIncomeRequest.Builder request) {
        return new AbstractMap.SimpleImmutableEntry<>(field, request);
    }

    @Test
    void aStatementForAnUnknownSubjectIsNotFoundAndOnlyTheWriteScopeMayRecord() throws SQLException {
        long before = count("SELECT COUNT(*) FROM income_statements");
        for (String subject : List.of("roomOperators/00000000-0000-4000-8000-000000000000", "marketers/00000000-0000-4000-8000-000000000000")) {
            StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> record(statement(subject, 2026, 3, 1, 0, 1)));
            assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
            assertEquals("SUBJECT_NOT_FOUND", errorInfo(unknown).getReason());
        }
        StatusRuntimeException readOnly = assertThrows(StatusRuntimeException.class, () -> client.as("identity.read", EXPORT)
                .recordQuarterlyIncome(request(statement(entity.getName(), 2026, 3, 1, 0, 1)).build()));
        assertEquals(Status.Code.PERMISSION_DENIED, readOnly.getStatus().getCode());
        StatusRuntimeException noExportScope = assertThrows(StatusRuntimeException.class, () -> reportsAs(WRITE, "identity.pii.read")
                .exportTaxReport(ExportTaxReportRequest.newBuilder().setYear(2026).setQuarter(3).setFormat(ReportFormat.REPORT_FORMAT_CSV).build())
                .hasNext());
        assertEquals(Status.Code.PERMISSION_DENIED, noExportScope.getStatus().getCode());
        assertEquals(before, count("SELECT COUNT(*) FROM income_statements"));
    }

    @Test
    void theCsvReportListsEverySubjectOfTheQuarterWithItsLatestStatementOrZeros() throws Exception {
        Map<String, byte[]> files = export(2026, 3, ReportFormat.REPORT_FORMAT_CSV);
        assertEquals(List.of("registered_room_operators.csv", "unregistered_room_operators.csv", "marketers.csv", "manifest.json"),
                List.copyOf(files.keySet()), "three files, then the manifest last");
        assertQ3(csv(files.get("registered_room_operators.csv"), REGISTERED_COLUMNS),
                csv(files.get("unregistered_room_operators.csv"), PERSON_COLUMNS), csv(files.get("marketers.csv"), PERSON_COLUMNS), true);
        assertManifest(files, "CSV", 3, Map.of("registered_room_operators.csv", 1L, "unregistered_room_operators.csv", 1L, "marketers.csv", 2L));
    }

    @Test
    void theJsonLinesReportHoldsTheSameRecordsWithNumbersAndBooleans() throws Exception {
        Map<String, byte[]> files = export(2026, 3, ReportFormat.REPORT_FORMAT_JSON_LINES);
        assertEquals(List.of("registered_room_operators.jsonl", "unregistered_room_operators.jsonl", "marketers.jsonl", "manifest.json"),
                List.copyOf(files.keySet()));
        assertQ3(ReportFiles.jsonLines(json, files.get("registered_room_operators.jsonl"), REGISTERED_COLUMNS),
                ReportFiles.jsonLines(json, files.get("unregistered_room_operators.jsonl"), PERSON_COLUMNS),
                ReportFiles.jsonLines(json, files.get("marketers.jsonl"), PERSON_COLUMNS), false);
        assertManifest(files, "JSON_LINES", 3,
                Map.of("registered_room_operators.jsonl", 1L, "unregistered_room_operators.jsonl", 1L, "marketers.jsonl", 2L));
    }

    @Test
    void theFourthQuarterHasTheSubjectsRegisteredAtItsStartAndNoStatementOfAnotherQuarter() throws Exception {
        clock.set(Instant.parse("2027-01-05T02:00:00Z"));
        Map<String, byte[]> files = export(2026, 4, ReportFormat.REPORT_FORMAT_JSON_LINES);
        List<Map<String, Object>> registered = ReportFiles.jsonLines(json, files.get("registered_room_operators.jsonl"), REGISTERED_COLUMNS);
        assertEquals(List.of(entityInput.getLegalName(), lateInput.getLegalName()), registered.stream().map(r -> r.get("name")).toList());
        assertIncome(registered.get(0), 0, 0, 0, false, false); // its statements are for Q3
        assertIncome(registered.get(1), 800_000, 100_000, 40, true, false);
        List<Map<String, Object>> marketers = ReportFiles.jsonLines(json, files.get("marketers.jsonl"), PERSON_COLUMNS);
        assertEquals(List.of(idleInput.getIdNumber(), earnerInput.getIdNumber(), lateMarketerInput.getIdNumber()),
                marketers.stream().map(r -> r.get("id_number")).toList());
        marketers.forEach(m -> assertIncome(m, 0, 0, 0, false, false));
        assertManifest(files, "JSON_LINES", 4,
                Map.of("registered_room_operators.jsonl", 2L, "unregistered_room_operators.jsonl", 1L, "marketers.jsonl", 3L));
    }

    /** Field by field: the four subjects registered by the end of Q3 (China time), unmasked, with their Q3 income or zeros. */
    private void assertQ3(List<Map<String, Object>> registered, List<Map<String, Object>> unregistered, List<Map<String, Object>> marketers,
                          boolean csv) {
        assertEquals(1, registered.size(), "not the operator registered at 00:30 on 1 October in China, though it has a Q3 statement");
        Map<String, Object> e = registered.get(0);
        assertEquals(csv ? "'" + entityInput.getLegalName() : entityInput.getLegalName(), e.get("name"), "formula guard in CSV only");
        assertEquals(entityInput.getUscc(), e.get("uscc"));
        assertEquals(RoomOperators.PHONE, e.get("contact_phone"), "unmasked");
        assertIncome(e, 1_200_000, 60_000, 130, true, csv); // the second statement, not the first

        assertEquals(1, unregistered.size());
        Map<String, Object> p = unregistered.get(0);
        assertEquals(personInput.getLegalName(), p.get("name"));
        assertEquals(personInput.getIdNumber(), p.get("id_number"), "registered at 23:59:59 on 30 September in China: in Q3, unmasked");
        assertEquals(RoomOperators.PHONE, p.get("contact_phone"));
        assertIncome(p, 0, 0, 0, false, csv);

        assertEquals(List.of(idleInput.getIdNumber(), earnerInput.getIdNumber()), marketers.stream().map(m -> m.get("id_number")).toList(),
                "in registration order; not the marketer registered in Q4");
        assertEquals("13600001111", marketers.get(0).get("contact_phone"));
        assertIncome(marketers.get(0), 0, 0, 0, false, csv); // its statement is for Q2
        assertEquals(earnerInput.getLegalName(), marketers.get(1).get("name"));
        assertIncome(marketers.get(1), 300_000, 0, 10, true, csv);
    }

    private static void assertIncome(Map<String, Object> record, long gross, long refunds, long transactions, boolean recorded, boolean csv) {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("gross_income_fen", gross);
        expected.put("refunds_fen", refunds);
        expected.put("net_income_fen", gross - refunds);
        expected.put("transaction_count", transactions);
        expected.put("income_statement_recorded", recorded);
        Map<String, Object> actual = new LinkedHashMap<>();
        expected.keySet().forEach(key -> {
            Object value = record.get(key);
            actual.put(key, csv ? (key.equals("income_statement_recorded") ? Boolean.valueOf((String) value) : Long.valueOf((String) value))
                    : value instanceof Number n ? (Object) n.longValue() : value);
            if (csv) {
                assertEquals(key.equals("income_statement_recorded") ? String.valueOf(recorded) : String.valueOf(expected.get(key)), value);
            }
        });
        assertEquals(expected, actual, record.toString());
    }

    /** Manifest: report, legal basis, quarter and due date, and per data file its count and the SHA-256 of the bytes received. */
    private void assertManifest(Map<String, byte[]> files, String format, int quarter, Map<String, Long> counts) throws Exception {
        Map<String, Object> manifest = json.readValue(files.get("manifest.json"), Argument.mapOf(String.class, Object.class));
        assertEquals("identity tax report", manifest.get("report"));
        assertTrue(((String) manifest.get("legal_basis")).contains("State Council Order 810"), manifest.toString());
        Map<?, ?> period = (Map<?, ?>) manifest.get("period");
        assertEquals(2026, ((Number) period.get("year")).intValue());
        assertEquals(quarter, ((Number) period.get("quarter")).intValue());
        assertEquals("Asia/Shanghai", period.get("time_zone"));
        if (quarter == 3) {
            assertEquals("2026-07-01", period.get("first_day"));
            assertEquals("2026-09-30", period.get("last_day"));
            assertEquals("2026-06-30T16:00:00Z", period.get("start_time"));
            assertEquals(Q3_END.toString(), period.get("end_time"));
            assertEquals("2026-10-31", manifest.get("due_date"), "the last day of the month after the quarter");
        } else {
            assertEquals("2026-12-31T16:00:00Z", period.get("end_time"));
            assertEquals("2027-01-31", manifest.get("due_date"));
        }
        assertTrue(((String) manifest.get("selection")).contains("latest income statement"));
        assertEquals(List.of(format), manifest.get("formats"));
        assertNotNull(Instant.parse((String) manifest.get("generate_time")));
        List<?> entries = (List<?>) manifest.get("files");
        assertEquals(counts.size(), entries.size());
        for (Object each : entries) {
            Map<?, ?> entry = (Map<?, ?>) each;
            String name = (String) entry.get("name");
            assertEquals(counts.get(name), ((Number) entry.get("record_count")).longValue(), name);
            assertEquals(sha256(files.get(name)), entry.get("sha256"), name);
        }
    }

    @Test
    void badExportRequestsAreRefusedFieldByFieldAndARunningQuarterCannotBeReported() {
        StatusRuntimeException all = assertThrows(StatusRuntimeException.class, () -> export(2025, 0, ReportFormat.REPORT_FORMAT_UNSPECIFIED));
        assertEquals(Status.Code.INVALID_ARGUMENT, all.getStatus().getCode());
        assertEquals(List.of("year", "quarter", "format"), badFields(all));
        assertEquals(List.of("quarter"), badFields(assertThrows(StatusRuntimeException.class,
                () -> export(2026, 5, ReportFormat.REPORT_FORMAT_CSV))));

        int before = allExports().size();
        clock.set(Instant.parse("2026-12-31T15:59:59Z")); // 23:59:59 on 31 December in China
        StatusRuntimeException running = assertThrows(StatusRuntimeException.class, () -> export(2026, 4, ReportFormat.REPORT_FORMAT_CSV));
        assertEquals(Status.Code.FAILED_PRECONDITION, running.getStatus().getCode());
        assertEquals("REPORT_PERIOD_NOT_ENDED", errorInfo(running).getReason());
        assertTrue(preconditionFailure(running).getViolations(0).getDescription().startsWith("State Council Order 810"),
                preconditionFailure(running).toString());
        assertEquals(before, allExports().size(), "a refused export leaves no audit record");
        clock.set(Instant.parse("2026-12-31T16:00:00Z"));
        assertEquals(4, export(2026, 4, ReportFormat.REPORT_FORMAT_CSV).size(), "from 00:00 on 1 January in China it can be reported");
    }

    @Test
    void everyTaxExportIsAuditedWithItsKindQuarterAndCountsAlongsideRegulatorExports() {
        export(2026, 3, ReportFormat.REPORT_FORMAT_CSV);
        ReportExport newest = reportsAs(EXPORT).listReportExports(ListReportExportsRequest.newBuilder().setPageSize(1).build()).getReportExports(0);
        assertEquals(ReportExport.Kind.KIND_TAX, newest.getKind());
        assertEquals(2026, newest.getYear());
        assertEquals(3, newest.getQuarter());
        assertEquals(ReportHalf.REPORT_HALF_UNSPECIFIED, newest.getHalf());
        assertEquals("platform-test", newest.getExportedBy());
        assertEquals(ReportExport.Trigger.TRIGGER_API, newest.getTrigger());
        assertEquals(List.of(ReportFormat.REPORT_FORMAT_CSV), newest.getFormatsList());
        assertEquals(1, newest.getRegisteredRoomOperatorCount());
        assertEquals(1, newest.getUnregisteredRoomOperatorCount());
        assertEquals(2, newest.getMarketerCount());
        assertEquals(Instant.parse("2026-06-30T16:00:00Z").getEpochSecond(), newest.getPeriodStartTime().getSeconds());
        assertEquals(Q3_END.getEpochSecond(), newest.getPeriodEndTime().getSeconds());
        assertEquals(AFTER_Q3.getEpochSecond(), newest.getExportTime().getSeconds());

        clock.set(Instant.parse("2027-01-05T02:00:00Z"));
        ReportFiles.collect(reportsAs(EXPORT).exportRegulatorReport(org.livecomply.api.identity.v1.ExportRegulatorReportRequest.newBuilder()
                .setYear(2026).setHalf(ReportHalf.REPORT_HALF_SECOND).setFormat(ReportFormat.REPORT_FORMAT_CSV).build()));
        List<ReportExport> both = allExports();
        assertEquals(ReportExport.Kind.KIND_REGULATOR, both.get(0).getKind(), "one list for both kinds, newest first");
        assertEquals(ReportHalf.REPORT_HALF_SECOND, both.get(0).getHalf());
        assertEquals(0, both.get(0).getQuarter());
        assertEquals(newest, both.get(1));
    }

    @Test
    void theJobWritesThePrecedingQuarterOnceWhileTwoReplicasRaceAndNotTheRegulatorReportInOctober() throws Exception {
        clock.set(Instant.parse("2026-09-30T18:00:00Z")); // 02:00 on 1 October in China
        ReportJob otherReplica = new ReportJob(regulatorReports, taxReports, new ReportFolders(runs, clock), clock, reportDirectory.toString());
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        List<Optional<Path>> outcomes = new ArrayList<>();
        try {
            List<Future<Optional<Path>>> runsOf = new ArrayList<>();
            for (ReportJob replica : List.of(job, otherReplica)) {
                runsOf.add(replicas.submit(() -> {
                    start.await();
                    return replica.run(ReportKind.TAX);
                }));
            }
            for (Future<Optional<Path>> run : runsOf) {
                outcomes.add(run.get());
            }
        } finally {
            replicas.shutdownNow();
        }
        List<Path> written = outcomes.stream().flatMap(Optional::stream).toList();
        assertEquals(1, written.size(), "exactly one replica wrote: " + outcomes);
        Path folder = written.get(0);
        assertEquals(reportDirectory.resolve("identity-tax-report-2026-Q3"), folder);
        List<String> names = list(folder);
        assertEquals(List.of("manifest.json", "marketers.csv", "marketers.jsonl", "registered_room_operators.csv",
                "registered_room_operators.jsonl", "unregistered_room_operators.csv", "unregistered_room_operators.jsonl"), names);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : names) {
            files.put(name, Files.readAllBytes(folder.resolve(name)));
        }
        Map<String, Object> manifest = json.readValue(files.get("manifest.json"), Argument.mapOf(String.class, Object.class));
        assertEquals(List.of("CSV", "JSON_LINES"), manifest.get("formats"));
        assertEquals("2026-10-31", manifest.get("due_date"));
        for (Object each : (List<?>) manifest.get("files")) {
            Map<?, ?> entry = (Map<?, ?>) each;
            String name = (String) entry.get("name");
            assertEquals(sha256(files.get(name)), entry.get("sha256"), "manifest hash of " + name + " matches the bytes on disk");
            assertEquals(name.startsWith("marketers") ? 2L : 1L, ((Number) entry.get("record_count")).longValue(), name);
        }
        assertQ3(csv(files.get("registered_room_operators.csv"), REGISTERED_COLUMNS), csv(files.get("unregistered_room_operators.csv"),
                PERSON_COLUMNS), csv(files.get("marketers.csv"), PERSON_COLUMNS), true);
        List<ReportExport> scheduled = allExports().stream().filter(e -> e.getTrigger() == ReportExport.Trigger.TRIGGER_SCHEDULED).toList();
        assertEquals(1, scheduled.size(), "one audited export for the two replicas");
        assertEquals(ReportExport.Kind.KIND_TAX, scheduled.get(0).getKind());
        assertEquals("scheduler", scheduled.get(0).getExportedBy());

        clock.set(Instant.parse("2026-10-01T18:00:00Z")); // the next day's scheduled run
        onSchedulerThread(() -> {
            job.onSchedule();
            return null;
        });
        assertEquals(List.of("identity-tax-report-2026-Q3"), list(reportDirectory),
                "nothing new, no temporary folder, and no Art. 9 report: that one is made in January and July only");
        for (String name : names) {
            assertEquals(sha256(files.get(name)), sha256(Files.readAllBytes(folder.resolve(name))), name + " unchanged");
        }
        assertEquals(1, allExports().stream().filter(e -> e.getTrigger() == ReportExport.Trigger.TRIGGER_SCHEDULED).count());
        assertFalse(Files.exists(reportDirectory.resolve("identity-regulator-report-2026-H1")));
    }
}
