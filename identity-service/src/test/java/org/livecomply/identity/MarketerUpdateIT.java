package org.livecomply.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.identity.IdentityFixtures.READ;
import static org.livecomply.identity.IdentityFixtures.WRITE;
import static org.livecomply.testsupport.StatusDetails.badFields;
import static org.livecomply.testsupport.StatusDetails.errorInfo;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.livecomply.api.identity.v1.CreateMcnInstitutionRequest;
import org.livecomply.api.identity.v1.GetMarketerRequest;
import org.livecomply.api.identity.v1.ListMarketerRevisionsRequest;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.MarketerRevision;
import org.livecomply.api.identity.v1.McnInstitution;
import org.livecomply.api.identity.v1.UpdateMarketerRequest;
import org.livecomply.api.type.v1.Contact;

/** UpdateMarketer keeps every replaced version (Art. 8 ¶2). */
@MicronautTest(environments = "test")
class MarketerUpdateIT extends IdentityApiTest {

    private static UpdateMarketerRequest.Builder update(Marketer marketer, Marketer.Builder values, String... paths) {
        return UpdateMarketerRequest.newBuilder().setMarketer(values.setName(marketer.getName()))
                .setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(paths)));
    }

    @Test
    void aMarketerMovesAndJoinsAnMcnWithThePreviousVersionKept() throws SQLException {
        Marketer before = fixtures.marketer(LocalDate.of(1991, 11, 11));
        McnInstitution mcn = client.as(WRITE).createMcnInstitution(CreateMcnInstitutionRequest.newBuilder().setMcnInstitution(
                McnInstitution.newBuilder().setLegalName("星光传媒").setUscc(RoomOperators.freshUscc()).setBusinessAddress(RoomOperators.address())
                        .setContact(Contact.newBuilder().setPhone("057188886666"))).build());

        Marketer after = client.as(WRITE).updateMarketer(update(before, Marketer.newBuilder()
                .setHabitualAddress(RoomOperators.address().setDistrict("滨江区").setStreetAddress("江南大道3588号"))
                .setMcnInstitution(mcn.getName()).setOccupation("带货主播"), "habitual_address", "mcn_institution", "occupation").build());

        assertEquals("滨江区", after.getHabitualAddress().getDistrict());
        assertEquals("江南****", after.getHabitualAddress().getStreetAddress());
        assertEquals(mcn.getName(), after.getMcnInstitution());
        assertEquals("带货主播", after.getOccupation());
        assertEquals(before.getIdNumber(), after.getIdNumber());
        assertEquals(before.getContact(), after.getContact());

        List<MarketerRevision> history = client.as(READ).listMarketerRevisions(ListMarketerRevisionsRequest.newBuilder()
                .setParent(before.getName()).build()).getRevisionsList();
        assertEquals(1, history.size());
        assertEquals(List.of("habitual_address", "mcn_institution", "occupation"), history.get(0).getChangedFieldsList());
        assertEquals(before.getHabitualAddress(), history.get(0).getPrevious().getHabitualAddress());
        assertEquals("", history.get(0).getPrevious().getMcnInstitution());
        assertEquals(before.getOccupation(), history.get(0).getPrevious().getOccupation());
        assertFalse(text("SELECT previous FROM subject_revisions WHERE subject_type = 'MARKETER'").contains(RoomOperators.STREET),
                "the kept version holds no street line in clear");
    }

    @Test
    void badUpdatesAreRefusedAndChangeNothing() {
        Marketer marketer = fixtures.marketer(LocalDate.of(1992, 12, 12));
        StatusRuntimeException idNumber = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).updateMarketer(
                update(marketer, Marketer.newBuilder().setIdNumber(RoomOperators.ID_NUMBER_1990), "id_number").build()));
        assertEquals(List.of("update_mask"), badFields(idNumber));
        StatusRuntimeException phone = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).updateMarketer(
                update(marketer, Marketer.newBuilder().setContact(Contact.newBuilder().setPhone("0")), "contact").build()));
        assertTrue(badFields(phone).contains("marketer.contact.phone"));
        StatusRuntimeException mcn = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).updateMarketer(
                update(marketer, Marketer.newBuilder().setMcnInstitution("mcnInstitutions/00000000-0000-4000-8000-000000000000"),
                        "mcn_institution").build()));
        assertEquals(Status.Code.NOT_FOUND, mcn.getStatus().getCode());
        assertEquals("MCN_INSTITUTION_NOT_FOUND", errorInfo(mcn).getReason());
        assertEquals(marketer, client.as(READ).getMarketer(GetMarketerRequest.newBuilder().setName(marketer.getName()).build()));
        assertEquals(0, client.as(READ).listMarketerRevisions(ListMarketerRevisionsRequest.newBuilder().setParent(marketer.getName()).build())
                .getRevisionsCount());
    }

    @Test
    void emptyValuesSurviveTheKeptVersion() {
        Marketer bare = client.as(WRITE).createMarketer(org.livecomply.api.identity.v1.CreateMarketerRequest.newBuilder()
                .setMarketer(IdentityFixtures.marketerInput(LocalDate.of(1993, 3, 3)).setOccupation("")
                        .addQualifications(org.livecomply.api.identity.v1.Qualification.newBuilder().setKind("k").setNumber("n"))).build());
        client.as(WRITE).updateMarketer(update(bare, Marketer.newBuilder().setOccupation("主播"), "occupation").build());
        MarketerRevision kept = client.as(READ).listMarketerRevisions(ListMarketerRevisionsRequest.newBuilder().setParent(bare.getName()).build())
                .getRevisions(0);
        assertEquals("", kept.getPrevious().getOccupation());
        assertEquals(bare.getQualificationsList(), kept.getPrevious().getQualificationsList(), "an empty issuer comes back empty");
    }
}
