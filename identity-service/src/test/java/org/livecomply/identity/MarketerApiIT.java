package org.livecomply.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.identity.IdentityFixtures.READ;
import static org.livecomply.identity.IdentityFixtures.WRITE;
import static org.livecomply.testsupport.StatusDetails.badFields;
import static org.livecomply.testsupport.StatusDetails.errorInfo;
import static org.livecomply.testsupport.StatusDetails.preconditionFailure;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.livecomply.api.identity.v1.CreateMarketerRequest;
import org.livecomply.api.identity.v1.GetMarketerRequest;
import org.livecomply.api.identity.v1.GuardianConsent;
import org.livecomply.api.identity.v1.ListMarketersRequest;
import org.livecomply.api.identity.v1.ListMarketersResponse;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.Qualification;
import org.livecomply.api.identity.v1.RecordGuardianConsentRequest;
import org.livecomply.api.type.v1.Contact;
import org.livecomply.api.type.v1.Date;

/** CreateMarketer / GetMarketer / ListMarketers / RecordGuardianConsent through gRPC against the real database. */
@MicronautTest(environments = "test")
class MarketerApiIT extends IdentityApiTest {

    private static final LocalDate ADULT_BIRTH = LocalDate.of(1995, 6, 1);
    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void registersAMarketerWithEveryArt8Field2FieldAndMasksPersonalData() {
        Marketer.Builder input = IdentityFixtures.marketerInput(ADULT_BIRTH)
                .addQualifications(Qualification.newBuilder().setKind("执业药师注册证").setNumber("ZY2024001").setIssuer("浙江省药监局"));
        Marketer created = client.as(WRITE).createMarketer(CreateMarketerRequest.newBuilder().setMarketer(input).build());

        assertTrue(created.getName().matches("marketers/[0-9a-f-]{36}"));
        assertEquals(Marketer.State.STATE_PENDING_VERIFICATION, created.getState());
        assertEquals(input.getIdNumber().substring(0, 4) + "**********" + input.getIdNumber().substring(14), created.getIdNumber());
        assertEquals(Date.newBuilder().setYear(1995).setMonth(6).setDay(1).build(), created.getBirthDate());
        assertEquals("139****4321", created.getContact().getPhone());
        assertEquals("文三****", created.getHabitualAddress().getStreetAddress());
        assertEquals("主播", created.getOccupation());
        assertEquals(input.getQualifications(0), created.getQualifications(0));
        assertFalse(created.hasGuardianConsent());
        assertEquals(created, client.as(READ).getMarketer(GetMarketerRequest.newBuilder().setName(created.getName()).build()));
    }

    @Test
    void theSixteenthBirthdayIsTheFirstDayAMarketerMayRegister() {
        LocalDate today = LocalDate.of(2026, 11, 29);
        Marketer sixteen = fixtures.marketer(today.minusYears(16));
        assertEquals(Marketer.State.STATE_PENDING_VERIFICATION, sixteen.getState());

        StatusRuntimeException fifteen = assertThrows(StatusRuntimeException.class, () -> fixtures.marketer(today.minusYears(16).plusDays(1)));
        assertEquals(Status.Code.FAILED_PRECONDITION, fifteen.getStatus().getCode());
        assertEquals("MARKETER_UNDER_16", errorInfo(fifteen).getReason());
        assertTrue(preconditionFailure(fifteen).getViolations(0).getDescription().startsWith("MPL Art. 76"));
    }

    @Test
    void aPersonRegistersAsMarketerOnlyOnce() {
        Marketer.Builder input = IdentityFixtures.marketerInput(ADULT_BIRTH);
        Marketer first = client.as(WRITE).createMarketer(CreateMarketerRequest.newBuilder().setMarketer(input).build());
        StatusRuntimeException again = assertThrows(StatusRuntimeException.class,
                () -> client.as(WRITE).createMarketer(CreateMarketerRequest.newBuilder().setMarketer(input).build()));
        assertEquals(Status.Code.ALREADY_EXISTS, again.getStatus().getCode());
        assertEquals("MARKETER_ALREADY_REGISTERED", errorInfo(again).getReason());
        assertEquals(first.getName(), errorInfo(again).getMetadataOrThrow("existing"));
    }

    static Stream<Arguments> badMarketers() {
        return Stream.of(
                bad("marketer", r -> r.clearMarketer()),
                bad("marketer.legal_name", r -> r.setMarketer(input().setLegalName(""))),
                bad("marketer.id_number", r -> r.setMarketer(input().setIdNumber(""))),
                bad("marketer.id_number", r -> r.setMarketer(input().setIdNumber("330106199506010012"))),
                bad("marketer.habitual_address", r -> r.setMarketer(input().clearHabitualAddress())),
                bad("marketer.habitual_address.city", r -> r.setMarketer(input().setHabitualAddress(RoomOperators.address().setCity("")))),
                bad("marketer.contact", r -> r.setMarketer(input().clearContact())),
                bad("marketer.contact.phone", r -> r.setMarketer(input().setContact(Contact.newBuilder().setPhone("call me")))),
                bad("marketer.mcn_institution", r -> r.setMarketer(input().setMcnInstitution("mcnInstitutions/x"))),
                bad("marketer.qualifications[0].number", r -> r.setMarketer(input().addQualifications(Qualification.newBuilder().setKind("k")))),
                bad("marketer.qualifications[0].valid_until", r -> r.setMarketer(input().addQualifications(Qualification.newBuilder()
                        .setKind("k").setNumber("n").setValidUntil(Date.newBuilder().setYear(2027).setMonth(2).setDay(30))))),
                bad("marketer.occupation", r -> r.setMarketer(input().setOccupation("职".repeat(101)))),
                bad("request_id", r -> r.setRequestId("no/slashes")));
    }

    private static Marketer.Builder input() {
        return IdentityFixtures.marketerInput(ADULT_BIRTH);
    }

    private static Arguments bad(String field, UnaryOperator<CreateMarketerRequest.Builder> change) {
        return Arguments.of(field, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMarketers")
    void badInputIsRefusedFieldByFieldAndStoresNothing(String field, UnaryOperator<CreateMarketerRequest.Builder> change) throws SQLException {
        long before = count("marketers");
        CreateMarketerRequest request = change.apply(CreateMarketerRequest.newBuilder().setRequestId("bad-" + RoomOperators.uniqueAccount())
                .setMarketer(input())).build();
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).createMarketer(request));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertTrue(badFields(e).contains(field), field + " not among " + badFields(e));
        assertEquals(before, count("marketers"));
    }

    @Test
    void aSixteenYearOldGetsAGuardianConsentOnRecordAndAnAdultNeedsNone() {
        Marketer minor = fixtures.marketer(LocalDate.of(2009, 3, 1));
        GuardianConsent consent = consent().build();
        Marketer withConsent = client.as(WRITE).recordGuardianConsent(RecordGuardianConsentRequest.newBuilder()
                .setMarketer(minor.getName()).setGuardianConsent(consent).build());

        assertTrue(withConsent.hasGuardianConsent());
        assertEquals("王五", withConsent.getGuardianConsent().getGuardianName());
        assertEquals("3301**********" + consent.getGuardianIdNumber().substring(14), withConsent.getGuardianConsent().getGuardianIdNumber());
        assertEquals(SHA256, withConsent.getGuardianConsent().getConsentDocumentSha256());

        Marketer adult = fixtures.marketer(ADULT_BIRTH);
        StatusRuntimeException notNeeded = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).recordGuardianConsent(
                RecordGuardianConsentRequest.newBuilder().setMarketer(adult.getName()).setGuardianConsent(consent).build()));
        assertEquals("GUARDIAN_CONSENT_NOT_NEEDED", errorInfo(notNeeded).getReason());
    }

    static Stream<Arguments> badConsents() {
        return Stream.of(
                Arguments.of("guardian_consent", (UnaryOperator<RecordGuardianConsentRequest.Builder>) r -> r.clearGuardianConsent()),
                Arguments.of("guardian_consent.guardian_name", consent(c -> c.setGuardianName(""))),
                Arguments.of("guardian_consent.guardian_id_number", consent(c -> c.setGuardianIdNumber("123"))),
                Arguments.of("guardian_consent.guardian_id_number",
                        consent(c -> c.setGuardianIdNumber(RoomOperators.freshIdNumber(LocalDate.of(2010, 1, 1))))),
                Arguments.of("guardian_consent.relationship", consent(c -> c.setRelationship(""))),
                Arguments.of("guardian_consent.consent_document_sha256", consent(c -> c.setConsentDocumentSha256(SHA256.toUpperCase()))),
                Arguments.of("guardian_consent.consent_time", consent(c -> c.clearConsentTime())),
                Arguments.of("guardian_consent.consent_time", consent(c -> c.setConsentTime(IdentityFixtures.timestamp(TestClock.NOW.plusSeconds(3600))))),
                Arguments.of("marketer", (UnaryOperator<RecordGuardianConsentRequest.Builder>) r -> r.setMarketer("marketers/1")));
    }

    private static UnaryOperator<RecordGuardianConsentRequest.Builder> consent(UnaryOperator<GuardianConsent.Builder> change) {
        return r -> r.setGuardianConsent(change.apply(consent()));
    }

    private static GuardianConsent.Builder consent() {
        return GuardianConsent.newBuilder().setGuardianName("王五").setGuardianIdNumber(RoomOperators.freshIdNumber(LocalDate.of(1980, 2, 2)))
                .setRelationship("父亲").setConsentDocumentSha256(SHA256).setConsentTime(IdentityFixtures.timestamp(TestClock.NOW.minusSeconds(60)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConsents")
    void badConsentsAreRefusedFieldByField(String field, UnaryOperator<RecordGuardianConsentRequest.Builder> change) {
        Marketer minor = fixtures.marketer(LocalDate.of(2009, 5, 5));
        RecordGuardianConsentRequest request = change.apply(RecordGuardianConsentRequest.newBuilder().setMarketer(minor.getName())
                .setGuardianConsent(consent())).build();
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).recordGuardianConsent(request));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertTrue(badFields(e).contains(field), field + " not among " + badFields(e));
        assertFalse(client.as(READ).getMarketer(GetMarketerRequest.newBuilder().setName(minor.getName()).build()).hasGuardianConsent());
    }

    @Test
    void listPagesByStateWithTokensBoundToTheFilter() {
        for (int i = 0; i < 3; i++) {
            fixtures.marketer(LocalDate.of(1990 + i, 1, 1));
        }
        List<String> names = new java.util.ArrayList<>();
        String token = "";
        do {
            ListMarketersResponse page = client.as(READ).listMarketers(ListMarketersRequest.newBuilder()
                    .setState(Marketer.State.STATE_PENDING_VERIFICATION).setPageSize(2).setPageToken(token).build());
            page.getMarketersList().forEach(m -> names.add(m.getName()));
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        assertTrue(names.size() >= 3);
        assertEquals(names.size(), new HashSet<>(names).size());
        assertEquals(0, client.as(READ).listMarketers(ListMarketersRequest.newBuilder().setState(Marketer.State.STATE_VERIFIED).build())
                .getMarketersCount());

        String first = client.as(READ).listMarketers(ListMarketersRequest.newBuilder().setPageSize(1).build()).getNextPageToken();
        StatusRuntimeException changed = assertThrows(StatusRuntimeException.class, () -> client.as(READ).listMarketers(
                ListMarketersRequest.newBuilder().setPageSize(1).setPageToken(first).setState(Marketer.State.STATE_VERIFIED).build()));
        assertEquals("INVALID_PAGE_TOKEN", errorInfo(changed).getReason());
        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> client.as(READ).listMarketers(
                ListMarketersRequest.newBuilder().setStateValue(77).build()));
        assertEquals(List.of("state"), badFields(unknown));
    }

    private long count(String table) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
