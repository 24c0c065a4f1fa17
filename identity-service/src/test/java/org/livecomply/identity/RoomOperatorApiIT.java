package org.livecomply.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.testsupport.StatusDetails.badFields;
import static org.livecomply.testsupport.StatusDetails.errorInfo;
import static org.livecomply.testsupport.StatusDetails.preconditionFailure;

import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.livecomply.api.identity.v1.AdministrativeLicence;
import org.livecomply.api.identity.v1.CreateRoomOperatorRequest;
import org.livecomply.api.identity.v1.GetRoomOperatorRequest;
import org.livecomply.api.identity.v1.IdentityServiceGrpc;
import org.livecomply.api.identity.v1.ListRoomOperatorsRequest;
import org.livecomply.api.identity.v1.ListRoomOperatorsResponse;
import org.livecomply.api.identity.v1.LiveAccount;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.api.type.v1.Date;
import org.livecomply.commons.auth.TokenMinter;
import org.livecomply.sdk.BearerToken;

/** CreateRoomOperator / GetRoomOperator / ListRoomOperators through a real gRPC channel and a real database. */
@MicronautTest(environments = "test")
class RoomOperatorApiIT extends IdentityApiTest {

    private static final String WRITE = "identity.write";
    private static final String READ = "identity.read";

    private RoomOperator create(RoomOperator.Builder operator) {
        return client.as(WRITE).createRoomOperator(CreateRoomOperatorRequest.newBuilder().setRoomOperator(operator).build());
    }

    private StatusRuntimeException refusedCreate(CreateRoomOperatorRequest request) {
        return assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).createRoomOperator(request));
    }

    @Test
    void registersAnEntityAndReadsItBackMasked() {
        RoomOperator.Builder input = RoomOperators.entity();
        RoomOperator created = create(input);

        assertTrue(created.getName().matches("roomOperators/[0-9a-f-]{36}"), created.getName());
        assertEquals(RoomOperator.State.STATE_PENDING_VERIFICATION, created.getState());
        assertEquals(input.getUscc(), created.getUscc(), "a USCC is public business registration data");
        assertEquals("138****5678", created.getContact().getPhone());
        assertEquals("c***@example.cn", created.getContact().getEmail());
        assertEquals("文三****", created.getBusinessAddress().getStreetAddress());
        assertEquals("西湖区", created.getBusinessAddress().getDistrict());
        assertEquals(input.getLicences(0), created.getLicences(0));
        assertEquals(input.getLiveAccounts(0), created.getLiveAccounts(0));
        assertTrue(created.getCreateTime().getSeconds() > 0);

        RoomOperator read = client.as(READ).getRoomOperator(GetRoomOperatorRequest.newBuilder().setName(created.getName()).build());
        assertEquals(created, read);
    }

    @Test
    void registersANaturalPersonWithTheIdNumberMaskedAndEncryptedAtRest() throws SQLException {
        RoomOperator created = create(RoomOperators.person(RoomOperators.ID_NUMBER_1990));

        assertEquals("1101**********1232", created.getIdNumber());
        assertEquals(Date.newBuilder().setYear(1990).setMonth(1).setDay(1).build(), created.getBirthDate());
        assertEquals("", created.getUscc());

        String row = rowText("SELECT * FROM room_operators WHERE resource_id = '" + created.getName().substring(14) + "'");
        assertFalse(row.contains(RoomOperators.ID_NUMBER_1990), "ID number stored in clear");
        assertFalse(row.contains(RoomOperators.PHONE), "phone stored in clear");
        assertFalse(row.contains(RoomOperators.STREET), "street stored in clear");
        assertTrue(row.contains("1101**********1232"), row);
    }

    @Test
    void aSixteenYearOldMayRegisterButNotAFifteenYearOld() {
        RoomOperator sixteen = create(RoomOperators.person(RoomOperators.ID_NUMBER_TURNS_16_TODAY));
        assertEquals(Date.newBuilder().setYear(2010).setMonth(11).setDay(29).build(), sixteen.getBirthDate());

        StatusRuntimeException e = refusedCreate(CreateRoomOperatorRequest.newBuilder()
                .setRoomOperator(RoomOperators.person(RoomOperators.ID_NUMBER_UNDER_16)).build());
        assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
        assertEquals("ROOM_OPERATOR_UNDER_16", errorInfo(e).getReason());
        assertEquals("identity.livecomply", errorInfo(e).getDomain());
        assertTrue(preconditionFailure(e).getViolations(0).getDescription().startsWith("MPL Art. 76"));
    }

    @Test
    void theSameIdentityOrLiveAccountCannotRegisterTwice() {
        RoomOperator.Builder first = RoomOperators.entity();
        RoomOperator existing = create(first);

        StatusRuntimeException sameUscc = refusedCreate(CreateRoomOperatorRequest.newBuilder()
                .setRoomOperator(RoomOperators.entity().setUscc(first.getUscc())).build());
        assertEquals(Status.Code.ALREADY_EXISTS, sameUscc.getStatus().getCode());
        assertEquals("ROOM_OPERATOR_ALREADY_REGISTERED", errorInfo(sameUscc).getReason());
        assertEquals(existing.getName(), errorInfo(sameUscc).getMetadataOrThrow("existing"));

        String idNumber = RoomOperators.freshIdNumber(LocalDate.of(1985, 5, 17));
        create(RoomOperators.person(idNumber));
        StatusRuntimeException sameId = refusedCreate(CreateRoomOperatorRequest.newBuilder()
                .setRoomOperator(RoomOperators.person(idNumber)).build());
        assertEquals("ROOM_OPERATOR_ALREADY_REGISTERED", errorInfo(sameId).getReason());

        StatusRuntimeException sameAccount = refusedCreate(CreateRoomOperatorRequest.newBuilder()
                .setRoomOperator(RoomOperators.entity().setLiveAccounts(0, first.getLiveAccounts(0))).build());
        assertEquals(Status.Code.ALREADY_EXISTS, sameAccount.getStatus().getCode());
        assertEquals("LIVE_ACCOUNT_ALREADY_REGISTERED", errorInfo(sameAccount).getReason());
    }

    @Test
    void aRetryWithTheSameRequestIdReturnsTheFirstResultAndChangesNothing() throws SQLException {
        CreateRoomOperatorRequest request = CreateRoomOperatorRequest.newBuilder()
                .setRequestId("retry-" + RoomOperators.uniqueAccount()).setRoomOperator(RoomOperators.entity()).build();
        long before = count("room_operators");
        RoomOperator first = client.as(WRITE).createRoomOperator(request);
        RoomOperator again = client.as(WRITE).createRoomOperator(request);

        assertEquals(first, again);
        assertEquals(before + 1, count("room_operators"));

        StatusRuntimeException reused = refusedCreate(request.toBuilder()
                .setRoomOperator(RoomOperators.entity()).build());
        assertEquals(Status.Code.INVALID_ARGUMENT, reused.getStatus().getCode());
        assertEquals("REQUEST_ID_REUSED", errorInfo(reused).getReason());
        assertEquals(List.of("request_id"), badFields(reused));
        assertEquals(before + 1, count("room_operators"));
    }

    static Stream<Arguments> badRegistrations() {
        return Stream.of(
                bad("request_id", r -> r.setRequestId("has spaces")),
                bad("request_id", r -> r.setRequestId("x".repeat(65))),
                bad("room_operator", r -> r.clearRoomOperator()),
                bad("room_operator.kind", r -> r.setRoomOperator(RoomOperators.entity().setKind(RoomOperator.Kind.KIND_UNSPECIFIED))),
                bad("room_operator.kind", r -> r.setRoomOperator(RoomOperators.entity().setKindValue(99))),
                bad("room_operator.legal_name", r -> r.setRoomOperator(RoomOperators.entity().setLegalName(""))),
                bad("room_operator.legal_name", r -> r.setRoomOperator(RoomOperators.entity().setLegalName("名".repeat(101)))),
                bad("room_operator.legal_name", r -> r.setRoomOperator(RoomOperators.entity().setLegalName("a\u0000b"))),
                bad("room_operator.uscc", r -> r.setRoomOperator(RoomOperators.entity().setUscc("91350100M000100Y44"))),
                bad("room_operator.uscc", r -> r.setRoomOperator(RoomOperators.entity().setUscc(""))),
                bad("room_operator.uscc", r -> r.setRoomOperator(RoomOperators.entity().setUscc("9".repeat(10_000)))),
                bad("room_operator.id_number", r -> r.setRoomOperator(RoomOperators.entity().setIdNumber(RoomOperators.ID_NUMBER_1990))),
                bad("room_operator.id_number", r -> r.setRoomOperator(RoomOperators.person("110105199001011233"))),
                bad("room_operator.id_number", r -> r.setRoomOperator(RoomOperators.person("11010519900230001X"))),
                bad("room_operator.id_number", r -> r.setRoomOperator(RoomOperators.person(""))),
                bad("room_operator.uscc", r -> r.setRoomOperator(RoomOperators.person(RoomOperators.ID_NUMBER_1990).setUscc(RoomOperators.USCC))),
                bad("room_operator.business_address", r -> r.setRoomOperator(RoomOperators.entity().clearBusinessAddress())),
                bad("room_operator.business_address.province", r -> r.setRoomOperator(RoomOperators.entity()
                        .setBusinessAddress(RoomOperators.address().setProvince("")))),
                bad("room_operator.business_address.street_address", r -> r.setRoomOperator(RoomOperators.entity()
                        .setBusinessAddress(RoomOperators.address().setStreetAddress("路".repeat(201))))),
                bad("room_operator.business_address.postal_code", r -> r.setRoomOperator(RoomOperators.entity()
                        .setBusinessAddress(RoomOperators.address().setPostalCode("31001")))),
                bad("room_operator.business_address.region_code", r -> r.setRoomOperator(RoomOperators.entity()
                        .setBusinessAddress(RoomOperators.address().setRegionCode("china")))),
                bad("room_operator.contact", r -> r.setRoomOperator(RoomOperators.entity().clearContact())),
                bad("room_operator.contact.phone", r -> r.setRoomOperator(RoomOperators.entity()
                        .setContact(org.livecomply.api.type.v1.Contact.newBuilder().setPhone("12345")))),
                bad("room_operator.contact.email", r -> r.setRoomOperator(RoomOperators.entity()
                        .setContact(org.livecomply.api.type.v1.Contact.newBuilder().setPhone(RoomOperators.PHONE).setEmail("not-an-email")))),
                bad("room_operator.licences", r -> r.setRoomOperator(withLicences(21))),
                bad("room_operator.licences[0].number", r -> r.setRoomOperator(RoomOperators.entity()
                        .setLicences(0, AdministrativeLicence.newBuilder().setKind("食品经营许可证")))),
                bad("room_operator.licences[0].valid_until", r -> r.setRoomOperator(RoomOperators.entity()
                        .setLicences(0, AdministrativeLicence.newBuilder().setKind("k").setNumber("n")
                                .setValidUntil(Date.newBuilder().setYear(2029).setMonth(13).setDay(1))))),
                bad("room_operator.live_accounts", r -> r.setRoomOperator(RoomOperators.entity().clearLiveAccounts())),
                bad("room_operator.live_accounts[0].account_id", r -> r.setRoomOperator(RoomOperators.entity()
                        .setLiveAccounts(0, LiveAccount.newBuilder().setAccountId("has space")))),
                bad("room_operator.live_accounts[1].account_id", r -> {
                    RoomOperator.Builder operator = RoomOperators.entity();
                    return r.setRoomOperator(operator.addLiveAccounts(operator.getLiveAccounts(0)));
                }));
    }

    private static Arguments bad(String field, UnaryOperator<CreateRoomOperatorRequest.Builder> change) {
        return Arguments.of(field, change);
    }

    private static RoomOperator.Builder withLicences(int n) {
        RoomOperator.Builder operator = RoomOperators.entity().clearLicences();
        for (int i = 0; i < n; i++) {
            operator.addLicences(AdministrativeLicence.newBuilder().setKind("许可证" + i).setNumber("N" + i));
        }
        return operator;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRegistrations")
    void badInputIsRefusedFieldByFieldAndStoresNothing(String field, UnaryOperator<CreateRoomOperatorRequest.Builder> change)
            throws SQLException {
        long before = count("room_operators");
        CreateRoomOperatorRequest request = change.apply(CreateRoomOperatorRequest.newBuilder()
                .setRequestId("bad-" + RoomOperators.uniqueAccount()).setRoomOperator(RoomOperators.entity())).build();

        StatusRuntimeException e = refusedCreate(request);

        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.getStatus().toString());
        assertEquals("INVALID_ARGUMENT", errorInfo(e).getReason());
        assertTrue(badFields(e).contains(field), field + " not among " + badFields(e));
        assertEquals(before, count("room_operators"));
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        StatusRuntimeException e = refusedCreate(CreateRoomOperatorRequest.newBuilder().setRequestId("many-bad")
                .setRoomOperator(RoomOperator.newBuilder().setKind(RoomOperator.Kind.KIND_REGISTERED_ENTITY)).build());
        assertEquals(Set.of("room_operator.legal_name", "room_operator.uscc", "room_operator.business_address",
                "room_operator.contact", "room_operator.live_accounts"), new HashSet<>(badFields(e)));
    }

    @Test
    void callersWithoutAValidTokenOrScopeAreRefused() {
        CreateRoomOperatorRequest request = CreateRoomOperatorRequest.newBuilder().setRoomOperator(RoomOperators.entity()).build();

        StatusRuntimeException anonymous = assertThrows(StatusRuntimeException.class, () -> client.anonymous().createRoomOperator(request));
        assertEquals(Status.Code.UNAUTHENTICATED, anonymous.getStatus().getCode());
        assertEquals("TOKEN_MISSING", errorInfo(anonymous).getReason());

        StatusRuntimeException readOnly = assertThrows(StatusRuntimeException.class, () -> client.as(READ).createRoomOperator(request));
        assertEquals(Status.Code.PERMISSION_DENIED, readOnly.getStatus().getCode());
        ErrorInfo info = errorInfo(readOnly);
        assertEquals("SCOPE_MISSING", info.getReason());
        assertEquals(WRITE, info.getMetadataOrThrow("required_scope"));

        String expired = TokenMinter.mintHs256(IdentityServiceClient.SECRET, "old", List.of(WRITE),
                TestClock.NOW.minusSeconds(7200), java.time.Duration.ofHours(1));
        StatusRuntimeException late = assertThrows(StatusRuntimeException.class, () -> IdentityServiceGrpc
                .newBlockingStub(client.channel()).withCallCredentials(BearerToken.of(expired)).createRoomOperator(request));
        assertEquals(Status.Code.UNAUTHENTICATED, late.getStatus().getCode());
        assertEquals("TOKEN_EXPIRED", errorInfo(late).getReason());

        String forged = TokenMinter.mintHs256("another-secret-of-at-least-32-bytes-long!!", "mallory", List.of(WRITE),
                TestClock.NOW, java.time.Duration.ofHours(1));
        StatusRuntimeException wrongKey = assertThrows(StatusRuntimeException.class, () -> IdentityServiceGrpc
                .newBlockingStub(client.channel()).withCallCredentials(BearerToken.of(forged)).createRoomOperator(request));
        assertEquals("TOKEN_INVALID", errorInfo(wrongKey).getReason());
    }

    @Test
    void getRefusesMalformedNamesAndReportsUnknownOnes() {
        StatusRuntimeException malformed = assertThrows(StatusRuntimeException.class, () -> client.as(READ)
                .getRoomOperator(GetRoomOperatorRequest.newBuilder().setName("rooms/1").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, malformed.getStatus().getCode());
        assertEquals(List.of("name"), badFields(malformed));

        String unknown = "roomOperators/00000000-0000-4000-8000-000000000000";
        StatusRuntimeException missing = assertThrows(StatusRuntimeException.class, () -> client.as(READ)
                .getRoomOperator(GetRoomOperatorRequest.newBuilder().setName(unknown).build()));
        assertEquals(Status.Code.NOT_FOUND, missing.getStatus().getCode());
        assertEquals("ROOM_OPERATOR_NOT_FOUND", errorInfo(missing).getReason());
        assertEquals(unknown, errorInfo(missing).getMetadataOrThrow("resource_name"));
    }

    @Test
    void listPagesThroughEveryOperatorOnceInOrderAndFilters() {
        for (int i = 0; i < 5; i++) {
            create(RoomOperators.person(RoomOperators.freshIdNumber(LocalDate.of(1980 + i, 3, 3))));
        }
        List<String> all = listAll(ListRoomOperatorsRequest.newBuilder().setKind(RoomOperator.Kind.KIND_NATURAL_PERSON), 2);
        assertTrue(all.size() >= 5);
        assertEquals(all.size(), new HashSet<>(all).size(), "no operator twice");

        ListRoomOperatorsResponse unpaged = client.as(READ).listRoomOperators(ListRoomOperatorsRequest.newBuilder()
                .setKind(RoomOperator.Kind.KIND_NATURAL_PERSON).setPageSize(200).build());
        assertEquals(all, unpaged.getRoomOperatorsList().stream().map(RoomOperator::getName).toList(), "same order either way");
        assertTrue(unpaged.getRoomOperatorsList().stream().allMatch(o -> o.getKind() == RoomOperator.Kind.KIND_NATURAL_PERSON));
        assertEquals("", unpaged.getNextPageToken());

        ListRoomOperatorsResponse none = client.as(READ).listRoomOperators(ListRoomOperatorsRequest.newBuilder()
                .setState(RoomOperator.State.STATE_SUSPENDED).build());
        assertEquals(0, none.getRoomOperatorsCount());
    }

    @Test
    void aPageTokenOnlyWorksForItsOwnFilterAndCannotBeForged() {
        for (int i = 0; i < 3; i++) {
            create(RoomOperators.entity());
        }
        String token = client.as(READ).listRoomOperators(ListRoomOperatorsRequest.newBuilder().setPageSize(1).build()).getNextPageToken();
        assertFalse(token.isEmpty());

        StatusRuntimeException changedFilter = assertThrows(StatusRuntimeException.class, () -> client.as(READ).listRoomOperators(
                ListRoomOperatorsRequest.newBuilder().setPageSize(1).setPageToken(token).setKind(RoomOperator.Kind.KIND_NATURAL_PERSON).build()));
        assertEquals("INVALID_PAGE_TOKEN", errorInfo(changedFilter).getReason());
        assertEquals(List.of("page_token"), badFields(changedFilter));

        char[] chars = token.toCharArray();
        chars[chars.length / 2] = chars[chars.length / 2] == 'A' ? 'B' : 'A';
        StatusRuntimeException forged = assertThrows(StatusRuntimeException.class, () -> client.as(READ).listRoomOperators(
                ListRoomOperatorsRequest.newBuilder().setPageSize(1).setPageToken(new String(chars)).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, forged.getStatus().getCode());

        StatusRuntimeException negative = assertThrows(StatusRuntimeException.class, () -> client.as(READ)
                .listRoomOperators(ListRoomOperatorsRequest.newBuilder().setPageSize(-1).build()));
        assertEquals(List.of("page_size"), badFields(negative));

        StatusRuntimeException unknownState = assertThrows(StatusRuntimeException.class, () -> client.as(READ)
                .listRoomOperators(ListRoomOperatorsRequest.newBuilder().setStateValue(42).build()));
        assertEquals(List.of("state"), badFields(unknownState));
    }

    @Test
    void healthIsServingWithTheDatabaseUpAndNeedsNoToken() {
        HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(client.channel());
        for (String service : List.of("", "livecomply.identity.v1.IdentityService", "livecomply.liveness")) {
            assertEquals(HealthCheckResponse.ServingStatus.SERVING,
                    health.check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus(), service);
        }
    }

    private List<String> listAll(ListRoomOperatorsRequest.Builder query, int pageSize) {
        List<String> names = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            ListRoomOperatorsResponse page = client.as(READ).listRoomOperators(query.setPageSize(pageSize).setPageToken(token).build());
            assertTrue(page.getRoomOperatorsCount() <= pageSize);
            page.getRoomOperatorsList().forEach(o -> names.add(o.getName()));
            token = page.getNextPageToken();
            assertTrue(++pages < 100);
        } while (!token.isEmpty());
        assertNotEquals(0, pages);
        return names;
    }

    private long count(String table) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private String rowText(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next(), "row not found: " + sql);
            ResultSetMetaData meta = rows.getMetaData();
            StringBuilder text = new StringBuilder();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                text.append(meta.getColumnName(i)).append('=').append(rows.getString(i)).append(' ');
            }
            return text.toString();
        }
    }
}
