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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.livecomply.api.identity.v1.AdministrativeLicence;
import org.livecomply.api.identity.v1.GetRoomOperatorRequest;
import org.livecomply.api.identity.v1.ListRoomOperatorRevisionsRequest;
import org.livecomply.api.identity.v1.LiveAccount;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.api.identity.v1.RoomOperatorRevision;
import org.livecomply.api.identity.v1.UpdateRoomOperatorRequest;
import org.livecomply.api.type.v1.Contact;

/** UpdateRoomOperator keeps every replaced version (Art. 8 ¶1 "verify and update"). */
@MicronautTest(environments = "test")
class RoomOperatorUpdateIT extends IdentityApiTest {

    private static UpdateRoomOperatorRequest.Builder update(RoomOperator operator, RoomOperator.Builder values, String... paths) {
        return UpdateRoomOperatorRequest.newBuilder().setRoomOperator(values.setName(operator.getName()))
                .setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(paths)));
    }

    private List<RoomOperatorRevision> revisions(RoomOperator operator) {
        return client.as(READ).listRoomOperatorRevisions(ListRoomOperatorRevisionsRequest.newBuilder().setParent(operator.getName()).build())
                .getRevisionsList();
    }

    @Test
    void anUpdateChangesOnlyTheMaskedFieldsAndKeepsThePreviousVersion() throws SQLException {
        RoomOperator before = fixtures.entity();
        clock.advance(java.time.Duration.ofMinutes(5));
        RoomOperator after = client.as(WRITE).updateRoomOperator(update(before, RoomOperator.newBuilder().setLegalName("杭州示例电商集团有限公司")
                .setContact(Contact.newBuilder().setPhone("13700001111")).setUscc("ignored: not in the mask"), "legal_name", "contact").build());

        assertEquals("杭州示例电商集团有限公司", after.getLegalName());
        assertEquals("137****1111", after.getContact().getPhone());
        assertEquals(before.getUscc(), after.getUscc(), "identifiers never change");
        assertEquals(before.getBusinessAddress(), after.getBusinessAddress());
        assertEquals(before.getLiveAccountsList(), after.getLiveAccountsList());
        assertTrue(after.getUpdateTime().getSeconds() > before.getUpdateTime().getSeconds());

        List<RoomOperatorRevision> history = revisions(before);
        assertEquals(1, history.size());
        RoomOperatorRevision revision = history.get(0);
        assertEquals(before.getName() + "/revisions/1", revision.getName());
        assertEquals(List.of("legal_name", "contact"), revision.getChangedFieldsList());
        assertEquals("platform-test", revision.getUpdatedBy());
        assertEquals(before.getLegalName(), revision.getPrevious().getLegalName());
        assertEquals(before.getContact(), revision.getPrevious().getContact());
        assertEquals(before.getLicencesList(), revision.getPrevious().getLicencesList());

        String stored = text("SELECT previous FROM subject_revisions");
        assertFalse(stored.contains(RoomOperators.PHONE), "the kept version holds no personal data in clear");
        assertFalse(stored.contains(RoomOperators.STREET));
    }

    @Test
    void listsAndAccountsAreReplacedWholeAndARetryChangesNothingMore() {
        RoomOperator operator = fixtures.entity();
        LiveAccount kept = operator.getLiveAccounts(0);
        LiveAccount added = LiveAccount.newBuilder().setAccountId(RoomOperators.uniqueAccount()).setDisplayName("第二直播间").build();
        UpdateRoomOperatorRequest request = update(operator, RoomOperator.newBuilder().addLiveAccounts(kept).addLiveAccounts(added)
                .addLicences(AdministrativeLicence.newBuilder().setKind("第二类医疗器械经营备案凭证").setNumber("浙杭药监械经营备20260001")),
                "live_accounts", "licences").setRequestId("update-" + RoomOperators.uniqueAccount()).build();

        RoomOperator updated = client.as(WRITE).updateRoomOperator(request);
        assertEquals(List.of(kept, added), updated.getLiveAccountsList());
        assertEquals(1, updated.getLicencesCount());
        assertEquals("第二类医疗器械经营备案凭证", updated.getLicences(0).getKind());
        assertEquals(updated, client.as(WRITE).updateRoomOperator(request));
        assertEquals(1, revisions(operator).size(), "a retried update keeps no second version");

        RoomOperator other = fixtures.entity();
        StatusRuntimeException taken = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).updateRoomOperator(
                update(other, RoomOperator.newBuilder().addLiveAccounts(added), "live_accounts").build()));
        assertEquals(Status.Code.ALREADY_EXISTS, taken.getStatus().getCode());
        assertEquals("LIVE_ACCOUNT_ALREADY_REGISTERED", errorInfo(taken).getReason());
        assertEquals(0, revisions(other).size());
    }

    @Test
    void badUpdatesAreRefusedFieldByFieldAndChangeNothing() {
        RoomOperator operator = fixtures.entity();
        Map<String, UpdateRoomOperatorRequest.Builder> bad = Map.of(
                "update_mask", update(operator, RoomOperator.newBuilder().setUscc(RoomOperators.freshUscc()), "uscc"),
                "room_operator.contact.phone", update(operator, RoomOperator.newBuilder().setContact(Contact.newBuilder().setPhone("1")), "contact"),
                "room_operator.legal_name", update(operator, RoomOperator.newBuilder(), "legal_name"),
                "room_operator.live_accounts", update(operator, RoomOperator.newBuilder(), "live_accounts"),
                "room_operator.name", update(operator, RoomOperator.newBuilder().setLegalName("x"), "legal_name")
                        .setRoomOperator(RoomOperator.newBuilder().setName("roomOperators/nope").setLegalName("x")));
        bad.forEach((field, request) -> {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).updateRoomOperator(request.build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), field);
            assertTrue(badFields(e).contains(field), field + " not among " + badFields(e));
        });
        StatusRuntimeException emptyMask = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).updateRoomOperator(
                UpdateRoomOperatorRequest.newBuilder().setRoomOperator(RoomOperator.newBuilder().setName(operator.getName())).build()));
        assertEquals(List.of("update_mask"), badFields(emptyMask));
        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).updateRoomOperator(
                update(operator, RoomOperator.newBuilder().setLegalName("x"), "legal_name").setRoomOperator(RoomOperator.newBuilder()
                        .setName("roomOperators/00000000-0000-4000-8000-000000000000").setLegalName("x")).build()));
        assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
        assertEquals(operator, client.as(READ).getRoomOperator(GetRoomOperatorRequest.newBuilder().setName(operator.getName()).build()));
        assertEquals(0, revisions(operator).size());
    }
}
