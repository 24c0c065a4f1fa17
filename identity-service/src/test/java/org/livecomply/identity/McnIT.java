package org.livecomply.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.livecomply.api.identity.v1.CreateMarketerRequest;
import org.livecomply.api.identity.v1.CreateMcnAgreementRequest;
import org.livecomply.api.identity.v1.CreateMcnInstitutionRequest;
import org.livecomply.api.identity.v1.GetMcnInstitutionRequest;
import org.livecomply.api.identity.v1.ListMcnAgreementsRequest;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.McnAgreement;
import org.livecomply.api.identity.v1.McnInstitution;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.api.type.v1.Contact;
import org.livecomply.api.type.v1.Date;

/** MCN institutions, marketers' MCN affiliation (Art. 8 ¶2) and MCN–room-operator agreements (Art. 43). */
@MicronautTest(environments = "test")
class McnIT extends IdentityApiTest {

    private static final String SHA256 = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";

    private static McnInstitution.Builder mcnInput() {
        return McnInstitution.newBuilder().setLegalName("杭州星光文化传媒有限公司").setUscc(RoomOperators.freshUscc())
                .setBusinessAddress(RoomOperators.address()).setContact(Contact.newBuilder().setPhone("057188886666"));
    }

    private McnInstitution mcn() {
        return client.as(WRITE).createMcnInstitution(CreateMcnInstitutionRequest.newBuilder().setMcnInstitution(mcnInput()).build());
    }

    private McnAgreement.Builder agreement(RoomOperator operator) {
        return McnAgreement.newBuilder().setRoomOperator(operator.getName()).setAgreementDocumentSha256(SHA256)
                .setSignTime(IdentityFixtures.timestamp(TestClock.NOW.minusSeconds(86_400)))
                .setValidUntil(Date.newBuilder().setYear(2027).setMonth(11).setDay(30));
    }

    @Test
    void anMcnIsRegisteredOncePerUsccAndReadBackMasked() {
        McnInstitution.Builder input = mcnInput();
        McnInstitution created = client.as(WRITE).createMcnInstitution(CreateMcnInstitutionRequest.newBuilder().setMcnInstitution(input).build());
        assertTrue(created.getName().matches("mcnInstitutions/[0-9a-f-]{36}"));
        assertEquals("057*****6666", created.getContact().getPhone());
        assertEquals(created, client.as(READ).getMcnInstitution(GetMcnInstitutionRequest.newBuilder().setName(created.getName()).build()));
        StatusRuntimeException twice = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).createMcnInstitution(
                CreateMcnInstitutionRequest.newBuilder().setMcnInstitution(input).build()));
        assertEquals("MCN_INSTITUTION_ALREADY_REGISTERED", errorInfo(twice).getReason());

        Map<String, McnInstitution.Builder> bad = Map.of(
                "mcn_institution.legal_name", mcnInput().setLegalName(""),
                "mcn_institution.uscc", mcnInput().setUscc("91350100M000100Y44"),
                "mcn_institution.business_address", mcnInput().clearBusinessAddress(),
                "mcn_institution.contact.phone", mcnInput().setContact(Contact.newBuilder().setPhone("x")));
        bad.forEach((field, mcn) -> {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).createMcnInstitution(
                    CreateMcnInstitutionRequest.newBuilder().setMcnInstitution(mcn).build()));
            assertTrue(badFields(e).contains(field), field + " not among " + badFields(e));
        });
    }

    @Test
    void aMarketerNamesAnExistingMcn() {
        McnInstitution mcn = mcn();
        Marketer affiliated = client.as(WRITE).createMarketer(CreateMarketerRequest.newBuilder()
                .setMarketer(IdentityFixtures.marketerInput(LocalDate.of(1994, 4, 4)).setMcnInstitution(mcn.getName())).build());
        assertEquals(mcn.getName(), affiliated.getMcnInstitution());

        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).createMarketer(
                CreateMarketerRequest.newBuilder().setMarketer(IdentityFixtures.marketerInput(LocalDate.of(1994, 4, 5))
                        .setMcnInstitution("mcnInstitutions/00000000-0000-4000-8000-000000000000")).build()));
        assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
        assertEquals("MCN_INSTITUTION_NOT_FOUND", errorInfo(unknown).getReason());
    }

    @Test
    void anAgreementNeedsAVerifiedRoomOperator() {
        McnInstitution mcn = mcn();
        RoomOperator operator = fixtures.entity();
        StatusRuntimeException unverified = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).createMcnAgreement(
                CreateMcnAgreementRequest.newBuilder().setParent(mcn.getName()).setMcnAgreement(agreement(operator)).build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, unverified.getStatus().getCode());
        assertEquals("ROOM_OPERATOR_NOT_VERIFIED", errorInfo(unverified).getReason());
        assertTrue(preconditionFailure(unverified).getViolations(0).getDescription().startsWith("Art. 43"));

        fixtures.verify(operator.getName(), true, TestClock.NOW);
        McnAgreement signed = client.as(WRITE).createMcnAgreement(CreateMcnAgreementRequest.newBuilder().setParent(mcn.getName())
                .setMcnAgreement(agreement(operator)).build());
        assertEquals(mcn.getName() + "/agreements/1", signed.getName());
        assertEquals(operator.getName(), signed.getRoomOperator());
        assertEquals(List.of(signed), client.as(READ).listMcnAgreements(ListMcnAgreementsRequest.newBuilder().setParent(mcn.getName()).build())
                .getMcnAgreementsList());

        Map<String, McnAgreement.Builder> bad = Map.of(
                "mcn_agreement.room_operator", agreement(operator).setRoomOperator("roomOperators/1"),
                "mcn_agreement.agreement_document_sha256", agreement(operator).setAgreementDocumentSha256("abc"),
                "mcn_agreement.sign_time", agreement(operator).setSignTime(IdentityFixtures.timestamp(TestClock.NOW.plusSeconds(86_400))),
                "mcn_agreement.valid_until", agreement(operator).setValidUntil(Date.newBuilder().setYear(2020).setMonth(1).setDay(1)));
        bad.forEach((field, a) -> {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).createMcnAgreement(
                    CreateMcnAgreementRequest.newBuilder().setParent(mcn.getName()).setMcnAgreement(a).build()));
            assertTrue(badFields(e).contains(field), field + " not among " + badFields(e));
        });
        assertEquals(1, client.as(READ).listMcnAgreements(ListMcnAgreementsRequest.newBuilder().setParent(mcn.getName()).build())
                .getMcnAgreementsCount(), "refused agreements are not stored");
    }
}
