package org.livecomply.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.identity.IdentityFixtures.READ;
import static org.livecomply.identity.IdentityFixtures.VERIFY;
import static org.livecomply.identity.IdentityFixtures.WRITE;
import static org.livecomply.testsupport.StatusDetails.badFields;
import static org.livecomply.testsupport.StatusDetails.errorInfo;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.livecomply.api.identity.v1.CreateMcnInstitutionRequest;
import org.livecomply.api.identity.v1.GetMcnInstitutionRequest;
import org.livecomply.api.identity.v1.ListMcnInstitutionRevisionsRequest;
import org.livecomply.api.identity.v1.ListMcnInstitutionRevisionsResponse;
import org.livecomply.api.identity.v1.ListVerificationsRequest;
import org.livecomply.api.identity.v1.McnInstitution;
import org.livecomply.api.identity.v1.McnInstitutionRevision;
import org.livecomply.api.identity.v1.RecordUnreachableNoticeRequest;
import org.livecomply.api.identity.v1.RecordVerificationRequest;
import org.livecomply.api.identity.v1.UnreachableNotice;
import org.livecomply.api.identity.v1.UpdateMcnInstitutionRequest;
import org.livecomply.api.type.v1.Contact;
import org.livecomply.api.type.v1.PostalAddress;

/**
 * UpdateMcnInstitution keeps every replaced version (Arts. 39, 43: the institution's file stays current, its
 * history kept), and MCNs, now a revisable subject type, stay out of verifications and notices.
 */
@MicronautTest(environments = "test")
class McnUpdateIT extends IdentityApiTest {

    private static final String MCN_PHONE = "057188886666";

    private McnInstitution mcn() {
        return client.as(WRITE).createMcnInstitution(CreateMcnInstitutionRequest.newBuilder().setMcnInstitution(McnInstitution.newBuilder()
                .setLegalName("杭州星光文化传媒有限公司").setUscc(RoomOperators.freshUscc()).setBusinessAddress(RoomOperators.address())
                .setContact(Contact.newBuilder().setPhone(MCN_PHONE).setEmail("mcn@example.cn"))).build());
    }

    private static UpdateMcnInstitutionRequest.Builder update(McnInstitution mcn, McnInstitution.Builder values, String... paths) {
        return UpdateMcnInstitutionRequest.newBuilder().setMcnInstitution(values.setName(mcn.getName()))
                .setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(paths)));
    }

    private ListMcnInstitutionRevisionsResponse revisions(McnInstitution mcn, int pageSize, String pageToken) {
        return client.as(READ).listMcnInstitutionRevisions(ListMcnInstitutionRevisionsRequest.newBuilder().setParent(mcn.getName())
                .setPageSize(pageSize).setPageToken(pageToken).build());
    }

    private McnInstitution get(McnInstitution mcn) {
        return client.as(READ).getMcnInstitution(GetMcnInstitutionRequest.newBuilder().setName(mcn.getName()).build());
    }

    @Test
    void anUpdateChangesOnlyTheMaskedFieldsAndKeepsEachPreviousVersionEncrypted() throws SQLException {
        McnInstitution before = mcn();
        assertEquals(before.getCreateTime(), before.getUpdateTime(), "not updated yet");
        clock.advance(Duration.ofMinutes(5));
        McnInstitution renamed = client.as(WRITE).updateMcnInstitution(update(before, McnInstitution.newBuilder().setLegalName("杭州星光传媒集团有限公司")
                .setContact(Contact.newBuilder().setPhone("13700001111")).setUscc("ignored: not in the mask"), "legal_name", "contact").build());

        assertEquals("杭州星光传媒集团有限公司", renamed.getLegalName());
        assertEquals("137****1111", renamed.getContact().getPhone(), "masked");
        assertEquals("", renamed.getContact().getEmail(), "the contact is replaced whole");
        assertEquals(before.getUscc(), renamed.getUscc(), "the USCC never changes");
        assertEquals(before.getBusinessAddress(), renamed.getBusinessAddress());
        assertEquals(before.getCreateTime(), renamed.getCreateTime());
        assertEquals(before.getUpdateTime().getSeconds() + 300, renamed.getUpdateTime().getSeconds());
        assertEquals(renamed, get(before));

        clock.advance(Duration.ofMinutes(5));
        PostalAddress moved = RoomOperators.address().setDistrict("滨江区").setStreetAddress("江南大道3888号").build();
        McnInstitution relocated = client.as(WRITE).updateMcnInstitution(update(before, McnInstitution.newBuilder().setBusinessAddress(moved),
                "business_address").build());
        assertEquals("滨江区", relocated.getBusinessAddress().getDistrict());
        assertEquals(renamed.getLegalName(), relocated.getLegalName());

        ListMcnInstitutionRevisionsResponse newest = revisions(before, 1, "");
        McnInstitutionRevision second = newest.getRevisions(0);
        assertEquals(before.getName() + "/revisions/2", second.getName(), "newest first");
        assertEquals(List.of("business_address"), second.getChangedFieldsList());
        assertEquals(renamed, second.getPrevious(), "the version the second update replaced, masked as read");
        McnInstitutionRevision first = revisions(before, 1, newest.getNextPageToken()).getRevisions(0);
        assertEquals(before.getName() + "/revisions/1", first.getName());
        assertEquals(List.of("legal_name", "contact"), first.getChangedFieldsList());
        assertEquals(before, first.getPrevious());
        assertEquals("platform-test", first.getUpdatedBy());
        assertEquals(renamed.getUpdateTime(), first.getUpdateTime(), "when the update happened");

        String stored = text("SELECT previous FROM subject_revisions WHERE subject_type = 'MCN_INSTITUTION'");
        assertFalse(stored.contains(MCN_PHONE), "the kept versions hold no personal data in clear");
        assertFalse(stored.contains(RoomOperators.STREET));
        assertFalse(stored.contains("mcn@example.cn"));
    }

    @Test
    void aRetryReturnsTheSameAnswerAndKeepsNoSecondVersion() {
        McnInstitution mcn = mcn();
        UpdateMcnInstitutionRequest request = update(mcn, McnInstitution.newBuilder().setLegalName("重试传媒有限公司"), "legal_name")
                .setRequestId("mcn-update-" + RoomOperators.uniqueAccount()).build();
        McnInstitution updated = client.as(WRITE).updateMcnInstitution(request);
        clock.advance(Duration.ofMinutes(1));
        assertEquals(updated, client.as(WRITE).updateMcnInstitution(request));
        assertEquals(1, revisions(mcn, 50, "").getRevisionsCount());
        StatusRuntimeException reused = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).updateMcnInstitution(
                request.toBuilder().setMcnInstitution(request.getMcnInstitution().toBuilder().setLegalName("别的名字")).build()));
        assertEquals("REQUEST_ID_REUSED", errorInfo(reused).getReason());
        StatusRuntimeException readOnly = assertThrows(StatusRuntimeException.class, () -> client.as(READ).updateMcnInstitution(
                update(mcn, McnInstitution.newBuilder().setLegalName("只读"), "legal_name").build()));
        assertEquals(Status.Code.PERMISSION_DENIED, readOnly.getStatus().getCode());
    }

    @Test
    void badUpdatesAreRefusedFieldByFieldAndChangeNothing() {
        McnInstitution mcn = mcn();
        Map<String, UpdateMcnInstitutionRequest.Builder> bad = Map.of(
                "update_mask", update(mcn, McnInstitution.newBuilder().setUscc(RoomOperators.freshUscc()), "uscc"),
                "mcn_institution.contact.phone", update(mcn, McnInstitution.newBuilder().setContact(Contact.newBuilder().setPhone("1")), "contact"),
                "mcn_institution.contact", update(mcn, McnInstitution.newBuilder(), "contact"),
                "mcn_institution.legal_name", update(mcn, McnInstitution.newBuilder(), "legal_name"),
                "mcn_institution.business_address", update(mcn, McnInstitution.newBuilder(), "business_address"),
                "mcn_institution.name", update(mcn, McnInstitution.newBuilder().setLegalName("x"), "legal_name")
                        .setMcnInstitution(McnInstitution.newBuilder().setName("mcnInstitutions/nope").setLegalName("x")),
                "request_id", update(mcn, McnInstitution.newBuilder().setLegalName("x"), "legal_name").setRequestId("no spaces allowed"));
        bad.forEach((field, request) -> {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).updateMcnInstitution(request.build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), field);
            assertTrue(badFields(e).contains(field), field + " not among " + badFields(e));
        });
        StatusRuntimeException emptyMask = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).updateMcnInstitution(
                UpdateMcnInstitutionRequest.newBuilder().setMcnInstitution(McnInstitution.newBuilder().setName(mcn.getName())).build()));
        assertEquals(List.of("update_mask"), badFields(emptyMask));
        StatusRuntimeException unknownPath = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).updateMcnInstitution(
                update(mcn, McnInstitution.newBuilder().setLegalName("x"), "legal_name", "create_time").build()));
        assertEquals(List.of("update_mask"), badFields(unknownPath), "one unknown path refuses the whole update");

        String unknownName = "mcnInstitutions/00000000-0000-4000-8000-000000000000";
        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).updateMcnInstitution(
                update(mcn, McnInstitution.newBuilder().setLegalName("x"), "legal_name")
                        .setMcnInstitution(McnInstitution.newBuilder().setName(unknownName).setLegalName("x")).build()));
        assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
        assertEquals("MCN_INSTITUTION_NOT_FOUND", errorInfo(unknown).getReason());
        StatusRuntimeException unknownRevisions = assertThrows(StatusRuntimeException.class, () -> client.as(READ).listMcnInstitutionRevisions(
                ListMcnInstitutionRevisionsRequest.newBuilder().setParent(unknownName).build()));
        assertEquals(Status.Code.NOT_FOUND, unknownRevisions.getStatus().getCode());
        assertEquals(List.of("parent"), badFields(assertThrows(StatusRuntimeException.class, () -> client.as(READ).listMcnInstitutionRevisions(
                ListMcnInstitutionRevisionsRequest.newBuilder().setParent("roomOperators/00000000-0000-4000-8000-000000000000").build()))));

        assertEquals(mcn, get(mcn), "nothing changed");
        assertEquals(0, revisions(mcn, 50, "").getRevisionsCount());
    }

    @Test
    void anMcnIsStillNoSubjectOfVerificationsOrUnreachableNotices() {
        McnInstitution mcn = mcn();
        StatusRuntimeException verification = assertThrows(StatusRuntimeException.class, () -> client.as(VERIFY).recordVerification(
                RecordVerificationRequest.newBuilder().setParent(mcn.getName()).setVerification(IdentityFixtures.check(true, TestClock.NOW)).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, verification.getStatus().getCode());
        assertEquals(List.of("parent"), badFields(verification));
        StatusRuntimeException list = assertThrows(StatusRuntimeException.class, () -> client.as(READ).listVerifications(
                ListVerificationsRequest.newBuilder().setParent(mcn.getName()).build()));
        assertEquals(List.of("parent"), badFields(list));
        StatusRuntimeException notice = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).recordUnreachableNotice(
                RecordUnreachableNoticeRequest.newBuilder().setUnreachableNotice(UnreachableNotice.newBuilder().setSubject(mcn.getName())
                        .setRegulator("杭州市市场监督管理局").setNoticeReference("杭市监〔2026〕1号")
                        .setNoticeTime(IdentityFixtures.timestamp(TestClock.NOW))).build()));
        assertEquals(List.of("unreachable_notice.subject"), badFields(notice));
    }
}
