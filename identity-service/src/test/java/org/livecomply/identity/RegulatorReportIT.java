package org.livecomply.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.livecomply.api.identity.v1.CreateMarketerRequest;
import org.livecomply.api.identity.v1.CreateMcnInstitutionRequest;
import org.livecomply.api.identity.v1.CreateRoomOperatorRequest;
import org.livecomply.api.identity.v1.ExportRegulatorReportRequest;
import org.livecomply.api.identity.v1.IdentityReportServiceGrpc;
import org.livecomply.api.identity.v1.ListReportExportsRequest;
import org.livecomply.api.identity.v1.ListReportExportsResponse;
import org.livecomply.api.identity.v1.LiveAccount;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.McnInstitution;
import org.livecomply.api.identity.v1.Qualification;
import org.livecomply.api.identity.v1.ReportExport;
import org.livecomply.api.identity.v1.ReportFormat;
import org.livecomply.api.identity.v1.ReportHalf;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.api.type.v1.Contact;
import org.livecomply.api.type.v1.Date;
import org.livecomply.api.type.v1.PostalAddress;
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
 * The half-yearly identity report to the regulator (Art. 9) over a real gRPC channel and database:
 * exactly the fields of LEGAL.md I-5, unmasked, for subjects registered before the period end; manifest
 * counts and hashes; audit; the scheduled job writing the folder once.
 */
@MicronautTest(environments = "test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegulatorReportIT implements TestPropertyProvider {

    static final String EXPORT = "reports.export";
    /** 2026 H1 ends at 2026-07-01 00:00 China time. */
    static final Instant PERIOD_END = Instant.parse("2026-06-30T16:00:00Z");
    static final Instant AFTER_PERIOD = Instant.parse("2026-07-02T02:00:00Z");

    static final List<String> REGISTERED_COLUMNS = List.of("name", "uscc", "address_province", "address_city", "address_district",
            "address_street", "address_postal_code", "contact_phone", "contact_email", "live_accounts");
    static final List<String> UNREGISTERED_COLUMNS = List.of("name", "id_number", "address_province", "address_city", "address_district",
            "address_street", "address_postal_code", "contact_phone", "contact_email", "live_accounts");
    static final List<String> MARKETER_COLUMNS = List.of("name", "id_number", "habitual_address_province", "habitual_address_city",
            "habitual_address_district", "habitual_address_street", "habitual_address_postal_code", "contact_phone", "contact_email",
            "mcn_institution_name", "mcn_institution_uscc", "qualifications", "occupation");

    private final TestDatabase.Database database = TestDatabase.shared().newDatabase("identity_report");
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
    RegulatorReportService reports;

    @Inject
    TaxReportService taxReports;

    @Inject
    ReportRunRepository runs;

    private IdentityServiceClient client;

    private RoomOperator.Builder entity;
    private RoomOperator.Builder business;
    private RoomOperator.Builder person;
    private Marketer.Builder marketer;
    private McnInstitution mcn;
    private RoomOperator.Builder lateEntity;
    private Marketer.Builder lateMarketer;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(database.micronautProperties());
        properties.put(ReportJob.DIRECTORY_PROPERTY, reportDirectory.toString());
        properties.put(ReportSubjects.PAGE_SIZE_PROPERTY, "2"); // so the reports here span several pages
        return properties;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("identity-reports");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Subjects of both kinds registered during 2026 H1, and two registered exactly at its end (not in the report). */
    @BeforeAll
    void registerSubjects() {
        client = new IdentityServiceClient(server, clock);
        clock.set(Instant.parse("2026-03-10T02:00:00Z"));
        entity = RoomOperators.entity()
                .addLiveAccounts(LiveAccount.newBuilder().setAccountId(RoomOperators.uniqueAccount()).setDisplayName("示例优选二号"));
        create(entity);
        business = RoomOperators.entity().setKind(RoomOperator.Kind.KIND_INDIVIDUAL_BUSINESS)
                .setLegalName("-张记, \"老字号\"") // formula character, comma and quotes: guarded and quoted in CSV
                .setContact(Contact.newBuilder().setPhone("0571-88886666"))
                .clearLicences()
                .setBusinessAddress(PostalAddress.newBuilder().setRegionCode("CN").setProvince("浙江省").setCity("杭州市")
                        .setDistrict("上城区").setStreetAddress("=河坊街1号").setPostalCode("310002"))
                .clearLiveAccounts().addLiveAccounts(LiveAccount.newBuilder().setAccountId(RoomOperators.uniqueAccount()));
        create(business);
        mcn = client.as(WRITE).createMcnInstitution(CreateMcnInstitutionRequest.newBuilder().setMcnInstitution(McnInstitution.newBuilder()
                .setLegalName("杭州星光文化传媒有限公司").setUscc(RoomOperators.freshUscc()).setBusinessAddress(RoomOperators.address())
                .setContact(Contact.newBuilder().setPhone("057188886666"))).build());
        clock.set(PERIOD_END.minusSeconds(1));
        person = RoomOperators.person(RoomOperators.freshIdNumber(LocalDate.of(1990, 5, 17)));
        create(person);
        marketer = IdentityFixtures.marketerInput(LocalDate.of(1995, 2, 3))
                .addQualifications(Qualification.newBuilder().setKind("执业药师注册证").setNumber("YS-2024-0001").setIssuer("国家药品监督管理局")
                        .setValidUntil(Date.newBuilder().setYear(2030).setMonth(12).setDay(31)))
                .addQualifications(Qualification.newBuilder().setKind("营养师证").setNumber("N-7"))
                .setOccupation("执业药师")
                .setMcnInstitution(mcn.getName());
        client.as(WRITE).createMarketer(CreateMarketerRequest.newBuilder().setMarketer(marketer).build());

        clock.set(PERIOD_END);
        lateEntity = RoomOperators.entity().setLegalName("期末之后登记的公司");
        create(lateEntity);
        lateMarketer = IdentityFixtures.marketerInput(LocalDate.of(1992, 1, 1)).setLegalName("期末之后登记的主播");
        client.as(WRITE).createMarketer(CreateMarketerRequest.newBuilder().setMarketer(lateMarketer).build());
        clock.set(AFTER_PERIOD);
    }

    private void create(RoomOperator.Builder operator) {
        client.as(WRITE).createRoomOperator(CreateRoomOperatorRequest.newBuilder().setRoomOperator(operator).build());
    }

    @AfterEach
    void backAfterThePeriod() {
        clock.set(AFTER_PERIOD);
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

    private static ExportRegulatorReportRequest request(int year, ReportHalf half, ReportFormat format) {
        return ExportRegulatorReportRequest.newBuilder().setYear(year).setHalf(half).setFormat(format).build();
    }

    /** The files of a streamed report in arrival order. */
    private LinkedHashMap<String, byte[]> export(ExportRegulatorReportRequest request) {
        return ReportFiles.collect(reportsAs(EXPORT).exportRegulatorReport(request));
    }

    @Test
    void theCsvReportHoldsExactlyTheArticle9FieldsUnmaskedForSubjectsRegisteredByThePeriodEnd() throws Exception {
        Map<String, byte[]> files = export(request(2026, ReportHalf.REPORT_HALF_FIRST, ReportFormat.REPORT_FORMAT_CSV));
        assertEquals(List.of("registered_room_operators.csv", "unregistered_room_operators.csv", "marketers.csv", "manifest.json"),
                List.copyOf(files.keySet()), "three files, then the manifest last");

        List<Map<String, Object>> registered = csv(files.get("registered_room_operators.csv"), REGISTERED_COLUMNS);
        List<Map<String, Object>> unregistered = csv(files.get("unregistered_room_operators.csv"), UNREGISTERED_COLUMNS);
        List<Map<String, Object>> marketers = csv(files.get("marketers.csv"), MARKETER_COLUMNS);
        assertSubjects(registered, unregistered, marketers, true);

        assertManifest(files, "CSV", Map.of("registered_room_operators.csv", 2L, "unregistered_room_operators.csv", 1L, "marketers.csv", 1L));
        String raw = new String(files.get("registered_room_operators.csv"), StandardCharsets.UTF_8);
        assertTrue(raw.startsWith(String.join(",", REGISTERED_COLUMNS) + "\r\n"), "header row, CRLF");
        assertTrue(raw.contains("\"'-张记, \"\"老字号\"\"\""), "formula guard, then RFC 4180 quoting: " + raw);
        assertTrue(raw.contains(",'=河坊街1号,"), raw);
    }

    @Test
    void theJsonLinesReportHoldsTheSameRecordsWithListsAsArraysAndNoFormulaGuard() throws Exception {
        Map<String, byte[]> files = export(request(2026, ReportHalf.REPORT_HALF_FIRST, ReportFormat.REPORT_FORMAT_JSON_LINES));
        assertEquals(List.of("registered_room_operators.jsonl", "unregistered_room_operators.jsonl", "marketers.jsonl", "manifest.json"),
                List.copyOf(files.keySet()));
        assertSubjects(jsonLines(files.get("registered_room_operators.jsonl"), REGISTERED_COLUMNS),
                jsonLines(files.get("unregistered_room_operators.jsonl"), UNREGISTERED_COLUMNS),
                jsonLines(files.get("marketers.jsonl"), MARKETER_COLUMNS), false);
        assertManifest(files, "JSON_LINES",
                Map.of("registered_room_operators.jsonl", 2L, "unregistered_room_operators.jsonl", 1L, "marketers.jsonl", 1L));
    }

    @Test
    void theSecondHalfListsEverySubjectRegisteredOnOrBeforeItsEndIncludingEarlierOnes() throws Exception {
        clock.set(Instant.parse("2027-01-05T02:00:00Z"));
        Map<String, byte[]> files = export(request(2026, ReportHalf.REPORT_HALF_SECOND, ReportFormat.REPORT_FORMAT_JSON_LINES));
        List<Map<String, Object>> registered = jsonLines(files.get("registered_room_operators.jsonl"), REGISTERED_COLUMNS);
        assertEquals(List.of(entity.getLegalName(), business.getLegalName(), lateEntity.getLegalName()),
                registered.stream().map(r -> r.get("name")).toList());
        List<Map<String, Object>> marketers = jsonLines(files.get("marketers.jsonl"), MARKETER_COLUMNS);
        assertEquals(List.of(marketer.getIdNumber(), lateMarketer.getIdNumber()), marketers.stream().map(r -> r.get("id_number")).toList());
        assertEquals(null, marketers.get(1).get("mcn_institution_name"), "an independent marketer has no MCN");
        assertTrue(marketers.get(1).containsKey("mcn_institution_uscc"));
        assertManifest(files, "JSON_LINES",
                Map.of("registered_room_operators.jsonl", 3L, "unregistered_room_operators.jsonl", 1L, "marketers.jsonl", 2L));
    }

    /** Field by field: the four subjects registered by the period end, unmasked; the two registered at the end absent. */
    private void assertSubjects(List<Map<String, Object>> registered, List<Map<String, Object>> unregistered,
                                List<Map<String, Object>> marketers, boolean csv) {
        assertEquals(2, registered.size(), "the entity and the individual business; not the one registered at the period end");
        assertOperator(registered.get(0), entity, "uscc", entity.getUscc(), csv);
        assertOperator(registered.get(1), business, "uscc", business.getUscc(), csv);
        assertEquals(csv ? "'-张记, \"老字号\"" : "-张记, \"老字号\"", registered.get(1).get("name"));
        assertEquals(csv ? "'=河坊街1号" : "=河坊街1号", registered.get(1).get("address_street"));
        assertEquals("", text(registered.get(1), "contact_email"), "absent e-mail");

        assertEquals(1, unregistered.size());
        assertOperator(unregistered.get(0), person, "id_number", person.getIdNumber(), csv);
        assertEquals(18, person.getIdNumber().length());

        assertEquals(1, marketers.size(), "not the marketer registered at the period end");
        Map<String, Object> m = marketers.get(0);
        assertEquals(marketer.getLegalName(), m.get("name"));
        assertEquals(marketer.getIdNumber(), m.get("id_number"), "unmasked");
        assertAddress(m, "habitual_address_", marketer.getHabitualAddress(), csv);
        assertEquals(marketer.getContact().getPhone(), m.get("contact_phone"), "unmasked");
        assertEquals(marketer.getContact().getEmail(), m.get("contact_email"), "unmasked");
        assertEquals("杭州星光文化传媒有限公司", m.get("mcn_institution_name"), "the MCN by its registered name…");
        assertEquals(mcn.getUscc(), m.get("mcn_institution_uscc"), "…and USCC");
        assertEquals("执业药师", m.get("occupation"));
        if (csv) {
            assertEquals("执业药师注册证 / YS-2024-0001 / 国家药品监督管理局 / 2030-12-31; 营养师证 / N-7", m.get("qualifications"));
        } else {
            assertEquals(List.of(
                    map("kind", "执业药师注册证", "number", "YS-2024-0001", "issuer", "国家药品监督管理局", "valid_until", "2030-12-31"),
                    map("kind", "营养师证", "number", "N-7", "issuer", null, "valid_until", null)), m.get("qualifications"));
        }

        for (List<Map<String, Object>> file : List.of(registered, unregistered, marketers)) {
            for (Map<String, Object> record : file) {
                assertFalse(record.toString().contains("期末之后登记"), "registered after the period: " + record);
                assertFalse(record.toString().contains("*"), "nothing masked: " + record);
            }
        }
    }

    private static void assertOperator(Map<String, Object> record, RoomOperator.Builder input, String identifier, String value, boolean csv) {
        assertEquals(cell(input.getLegalName(), csv), record.get("name"));
        assertAddress(record, "address_", input.getBusinessAddress(), csv);
        assertEquals(value, record.get(identifier), "unmasked " + identifier);
        assertEquals(input.getContact().getPhone(), record.get("contact_phone"), "unmasked phone");
        assertEquals(input.getContact().getEmail(), text(record, "contact_email"));
        List<LiveAccount> accounts = input.getLiveAccountsList();
        if (csv) {
            assertEquals(String.join("; ", accounts.stream()
                            .map(a -> a.getDisplayName().isEmpty() ? a.getAccountId() : a.getAccountId() + " / " + a.getDisplayName()).toList()),
                    record.get("live_accounts"));
        } else {
            assertEquals(accounts.stream().map(a -> map("account_id", a.getAccountId(),
                    "display_name", a.getDisplayName().isEmpty() ? null : a.getDisplayName())).toList(), record.get("live_accounts"));
        }
    }

    private static void assertAddress(Map<String, Object> record, String prefix, PostalAddress address, boolean csv) {
        assertEquals(address.getProvince(), record.get(prefix + "province"));
        assertEquals(address.getCity(), record.get(prefix + "city"));
        assertEquals(address.getDistrict(), record.get(prefix + "district"));
        assertEquals(cell(address.getStreetAddress(), csv), record.get(prefix + "street"), "unmasked street");
        assertEquals(address.getPostalCode(), record.get(prefix + "postal_code"));
    }

    /** What a CSV reader sees of {@code value}: with the formula guard's quote when it starts with = + - @. */
    private static String cell(String value, boolean csv) {
        return csv && !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String text(Map<String, Object> record, String key) {
        Object value = record.get(key);
        return value == null ? "" : (String) value;
    }

    /** Manifest: the period, format, and per data file its count and the SHA-256 of the bytes received. */
    private void assertManifest(Map<String, byte[]> files, String format, Map<String, Long> counts) throws Exception {
        Map<String, Object> manifest = json.readValue(files.get("manifest.json"), Argument.mapOf(String.class, Object.class));
        Map<?, ?> period = (Map<?, ?>) manifest.get("period");
        assertNotNull(period);
        if ("HALF_FIRST".equals(period.get("half"))) {
            assertH1Period(period);
        } else {
            assertEquals("2026-07-01", period.get("first_day"));
            assertEquals("2026-12-31", period.get("last_day"));
            assertEquals("2026-12-31T16:00:00Z", period.get("end_time"));
        }
        assertTrue(((List<?>) manifest.get("formats")).contains(format), manifest.toString());
        assertEquals("identity regulator report", manifest.get("report"));
        assertTrue(((String) manifest.get("legal_basis")).endsWith("Art. 9"), manifest.toString());
        assertEquals("HALF_FIRST".equals(period.get("half")) ? "2026-07-31" : "2027-01-31", manifest.get("due_date"),
                "reported in the month after the half year");
        assertNotNull(Instant.parse((String) manifest.get("generate_time")));
        List<?> entries = (List<?>) manifest.get("files");
        assertEquals(counts.size(), entries.size());
        for (Object e : entries) {
            Map<?, ?> entry = (Map<?, ?>) e;
            String name = (String) entry.get("name");
            assertEquals(counts.get(name), ((Number) entry.get("record_count")).longValue(), name);
            assertEquals(sha256(files.get(name)), entry.get("sha256"), name);
            assertEquals(format, entry.get("format"));
        }
        if (format.equals("CSV")) {
            assertTrue(((String) manifest.get("csv")).contains("formula injection"));
        }
    }

    private void assertH1Period(Map<?, ?> period) {
        assertEquals(2026, ((Number) period.get("year")).intValue());
        assertEquals("HALF_FIRST", period.get("half"));
        assertEquals("2026-01-01", period.get("first_day"));
        assertEquals("2026-06-30", period.get("last_day"));
        assertEquals("2025-12-31T16:00:00Z", period.get("start_time"));
        assertEquals("2026-06-30T16:00:00Z", period.get("end_time"));
    }


    private List<Map<String, Object>> jsonLines(byte[] bytes, List<String> columns) throws IOException {
        return ReportFiles.jsonLines(json, bytes, columns);
    }

    @Test
    void badInputIsRefusedFieldByField() {
        StatusRuntimeException all = assertThrows(StatusRuntimeException.class, () -> export(
                request(2025, ReportHalf.REPORT_HALF_UNSPECIFIED, ReportFormat.REPORT_FORMAT_UNSPECIFIED)));
        assertEquals(Status.Code.INVALID_ARGUMENT, all.getStatus().getCode());
        assertEquals(List.of("year", "half", "format"), badFields(all));

        StatusRuntimeException late = assertThrows(StatusRuntimeException.class, () -> export(
                request(2101, ReportHalf.REPORT_HALF_SECOND, ReportFormat.REPORT_FORMAT_CSV)));
        assertEquals(List.of("year"), badFields(late));
        StatusRuntimeException noYear = assertThrows(StatusRuntimeException.class, () -> export(
                ExportRegulatorReportRequest.newBuilder().setHalf(ReportHalf.REPORT_HALF_FIRST).setFormat(ReportFormat.REPORT_FORMAT_CSV).build()));
        assertEquals(List.of("year"), badFields(noYear));
        StatusRuntimeException pageSize = assertThrows(StatusRuntimeException.class, () -> reportsAs(EXPORT)
                .listReportExports(ListReportExportsRequest.newBuilder().setPageSize(-1).build()));
        assertEquals(List.of("page_size"), badFields(pageSize));
    }

    @Test
    void aHalfYearStillRunningCannotBeReportedAndLeavesNoAuditRecord() {
        int before = allExports().size();
        clock.set(Instant.parse("2026-12-31T15:59:59Z")); // 23:59:59 on 31 December in China
        StatusRuntimeException running = assertThrows(StatusRuntimeException.class, () -> export(
                request(2026, ReportHalf.REPORT_HALF_SECOND, ReportFormat.REPORT_FORMAT_CSV)));
        assertEquals(Status.Code.FAILED_PRECONDITION, running.getStatus().getCode());
        assertEquals("REPORT_PERIOD_NOT_ENDED", errorInfo(running).getReason());
        assertTrue(preconditionFailure(running).getViolations(0).getDescription().startsWith("Art. 9"));
        assertEquals(before, allExports().size());
    }

    @Test
    void callersWithoutTheReportsScopeAreRefused() {
        int before = allExports().size();
        StatusRuntimeException export = assertThrows(StatusRuntimeException.class, () -> reportsAs("identity.read", "identity.pii.read")
                .exportRegulatorReport(request(2026, ReportHalf.REPORT_HALF_FIRST, ReportFormat.REPORT_FORMAT_CSV)).hasNext());
        assertEquals(Status.Code.PERMISSION_DENIED, export.getStatus().getCode());
        assertEquals(EXPORT, errorInfo(export).getMetadataOrThrow("required_scope"));
        StatusRuntimeException list = assertThrows(StatusRuntimeException.class, () -> reportsAs("identity.audit.read")
                .listReportExports(ListReportExportsRequest.getDefaultInstance()));
        assertEquals(Status.Code.PERMISSION_DENIED, list.getStatus().getCode());
        StatusRuntimeException anonymous = assertThrows(StatusRuntimeException.class, () -> IdentityReportServiceGrpc
                .newBlockingStub(client.channel()).exportRegulatorReport(request(2026, ReportHalf.REPORT_HALF_FIRST,
                        ReportFormat.REPORT_FORMAT_CSV)).hasNext());
        assertEquals(Status.Code.UNAUTHENTICATED, anonymous.getStatus().getCode());
        assertEquals(before, allExports().size(), "a refused export is not an export");
    }

    @Test
    void everyExportIsAuditedWithTheCallerPeriodAndCountsNewestFirst() {
        export(request(2026, ReportHalf.REPORT_HALF_FIRST, ReportFormat.REPORT_FORMAT_JSON_LINES));
        export(request(2026, ReportHalf.REPORT_HALF_FIRST, ReportFormat.REPORT_FORMAT_CSV));
        ListReportExportsResponse first = reportsAs(EXPORT).listReportExports(ListReportExportsRequest.newBuilder().setPageSize(1).build());
        assertEquals(1, first.getReportExportsCount());
        ReportExport newest = first.getReportExports(0);
        assertEquals("platform-test", newest.getExportedBy(), "the token's subject");
        assertEquals(ReportExport.Trigger.TRIGGER_API, newest.getTrigger());
        assertEquals(ReportExport.Kind.KIND_REGULATOR, newest.getKind());
        assertEquals(0, newest.getQuarter());
        assertEquals(2026, newest.getYear());
        assertEquals(ReportHalf.REPORT_HALF_FIRST, newest.getHalf());
        assertEquals(List.of(ReportFormat.REPORT_FORMAT_CSV), newest.getFormatsList());
        assertEquals(2, newest.getRegisteredRoomOperatorCount());
        assertEquals(1, newest.getUnregisteredRoomOperatorCount());
        assertEquals(1, newest.getMarketerCount());
        assertEquals(Instant.parse("2025-12-31T16:00:00Z").getEpochSecond(), newest.getPeriodStartTime().getSeconds());
        assertEquals(PERIOD_END.getEpochSecond(), newest.getPeriodEndTime().getSeconds());
        assertEquals(AFTER_PERIOD.getEpochSecond(), newest.getExportTime().getSeconds());
        assertTrue(newest.getName().startsWith("reportExports/"));

        assertFalse(first.getNextPageToken().isEmpty());
        ReportExport older = reportsAs(EXPORT).listReportExports(ListReportExportsRequest.newBuilder().setPageSize(1)
                .setPageToken(first.getNextPageToken()).build()).getReportExports(0);
        assertEquals(List.of(ReportFormat.REPORT_FORMAT_JSON_LINES), older.getFormatsList());
        StatusRuntimeException forged = assertThrows(StatusRuntimeException.class, () -> reportsAs(EXPORT)
                .listReportExports(ListReportExportsRequest.newBuilder().setPageToken("forged").build()));
        assertEquals("INVALID_PAGE_TOKEN", errorInfo(forged).getReason());
    }

    private List<ReportExport> allExports() {
        return reportsAs(EXPORT).listReportExports(ListReportExportsRequest.newBuilder().setPageSize(200).build()).getReportExportsList();
    }

    @Test
    void theScheduledJobWritesThePrecedingHalfYearOnceEvenWithTwoReplicas() throws Exception {
        clock.set(Instant.parse("2026-06-30T18:00:00Z")); // 02:00 on 1 July in China
        Optional<Path> written = onSchedulerThread(() -> job.run(ReportKind.REGULATOR));
        assertTrue(written.isPresent());
        Path folder = written.get();
        assertEquals(reportDirectory.resolve("identity-regulator-report-2026-H1"), folder);
        List<String> names = list(folder);
        assertEquals(List.of("manifest.json", "marketers.csv", "marketers.jsonl", "registered_room_operators.csv",
                "registered_room_operators.jsonl", "unregistered_room_operators.csv", "unregistered_room_operators.jsonl"), names);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : names) {
            files.put(name, Files.readAllBytes(folder.resolve(name)));
        }
        Map<String, Object> manifest = json.readValue(files.get("manifest.json"), Argument.mapOf(String.class, Object.class));
        assertH1Period((Map<?, ?>) manifest.get("period"));
        assertEquals(List.of("CSV", "JSON_LINES"), manifest.get("formats"));
        List<?> entries = (List<?>) manifest.get("files");
        assertEquals(6, entries.size());
        for (Object e : entries) {
            Map<?, ?> entry = (Map<?, ?>) e;
            String name = (String) entry.get("name");
            assertEquals(sha256(files.get(name)), entry.get("sha256"), "manifest hash of " + name + " matches the bytes on disk");
            long expected = name.startsWith("registered") ? 2 : 1;
            assertEquals(expected, ((Number) entry.get("record_count")).longValue(), name);
        }
        assertSubjects(csv(files.get("registered_room_operators.csv"), REGISTERED_COLUMNS),
                csv(files.get("unregistered_room_operators.csv"), UNREGISTERED_COLUMNS), csv(files.get("marketers.csv"), MARKETER_COLUMNS), true);
        assertEquals("scheduler", allExports().get(0).getExportedBy());
        assertEquals(ReportExport.Trigger.TRIGGER_SCHEDULED, allExports().get(0).getTrigger());
        int audited = allExports().size();

        clock.set(Instant.parse("2026-07-02T18:00:00Z")); // the next day's run
        assertEquals(Optional.empty(), onSchedulerThread(() -> job.run(ReportKind.REGULATOR)), "the period is done");
        ReportJob otherReplica = new ReportJob(reports, taxReports, new ReportFolders(runs, clock), clock, reportDirectory.toString());
        assertEquals(Optional.empty(), onSchedulerThread(() -> otherReplica.run(ReportKind.REGULATOR)), "another replica finds the period claimed");
        assertEquals(names, list(folder), "nothing new written");
        assertEquals(List.of("identity-regulator-report-2026-H1"), list(reportDirectory), "no leftover temporary folder");
        for (String name : names) {
            assertEquals(sha256(files.get(name)), sha256(Files.readAllBytes(folder.resolve(name))), name + " unchanged");
        }
        assertEquals(audited, allExports().size(), "no further export");
    }

    @Test
    void theJobDoesNothingBeforeTheFirstReportablePeriodHasEnded() throws Exception {
        clock.set(Instant.parse("2026-06-30T15:00:00Z")); // still June in China: the preceding half is 2025 H2
        assertEquals(Optional.empty(), onSchedulerThread(() -> job.run(ReportKind.REGULATOR)));
        assertFalse(Files.exists(reportDirectory.resolve("identity-regulator-report-2025-H2")));
    }
}
