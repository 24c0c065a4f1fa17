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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.livecomply.api.identity.v1.BlacklistEntry;
import org.livecomply.api.identity.v1.CreateBlacklistEntryRequest;
import org.livecomply.api.identity.v1.CreateMarketerRequest;
import org.livecomply.api.identity.v1.CreateRoomOperatorRequest;
import org.livecomply.api.identity.v1.DisclosureAudit;
import org.livecomply.api.identity.v1.DisclosurePurpose;
import org.livecomply.api.identity.v1.DiscloseSellerInformationRequest;
import org.livecomply.api.identity.v1.GetBlacklistEntryRequest;
import org.livecomply.api.identity.v1.ListBlacklistEntriesRequest;
import org.livecomply.api.identity.v1.ListDisclosureAuditsRequest;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.RevokeBlacklistEntryRequest;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.api.identity.v1.SellerInformation;
import org.livecomply.api.identity.v1.SubmitSessionRosterRequest;

/** Blacklist entries keyed by identity (Art. 14) and audited seller-information disclosure (Art. 18; CRPL Art. 44). */
@MicronautTest(environments = "test")
class BlacklistAndDisclosureIT extends IdentityApiTest {

    private static final String BLACKLIST = "identity.blacklist.write";
    private static final String PII = "identity.pii.read";
    private static final String AUDIT = "identity.audit.read";

    private static BlacklistEntry.Builder entry(BlacklistEntry.IdentityType type, String identity, Instant start, Instant end) {
        BlacklistEntry.Builder entry = BlacklistEntry.newBuilder().setIdentityType(type).setIdentity(identity)
                .setReason("Sold counterfeit cosmetics in three sessions after two warnings")
                .setLegalBasis("Art. 12 ¶1; platform rule 4.2").setAppealChannel("appeals@platform.example, within 15 days")
                .setSource("rooms/r-1/disposals/d-9").setStartTime(IdentityFixtures.timestamp(start));
        if (end != null) {
            entry.setEndTime(IdentityFixtures.timestamp(end));
        }
        return entry;
    }

    private BlacklistEntry blacklist(BlacklistEntry.Builder entry) {
        return client.as(BLACKLIST).createBlacklistEntry(CreateBlacklistEntryRequest.newBuilder().setBlacklistEntry(entry).build());
    }

    @Test
    void aBlacklistedIdentityCannotRegisterAgainVerifyOrAppearUntilTheEntryExpires() {
        Marketer.Builder person = IdentityFixtures.marketerInput(LocalDate.of(1988, 8, 8));
        Marketer registered = client.as(WRITE).createMarketer(CreateMarketerRequest.newBuilder().setMarketer(person).build());
        RoomOperator operator = fixtures.entity();
        fixtures.verify(operator.getName(), true, TestClock.NOW);
        fixtures.verify(registered.getName(), true, TestClock.NOW);
        Instant end = TestClock.NOW.plus(Duration.ofDays(10));

        BlacklistEntry created = blacklist(entry(BlacklistEntry.IdentityType.IDENTITY_TYPE_RESIDENT_ID, person.getIdNumber(), TestClock.NOW, end));
        assertEquals(BlacklistEntry.State.STATE_ACTIVE, created.getState());
        assertEquals(person.getIdNumber().substring(0, 4) + "**********" + person.getIdNumber().substring(14), created.getIdentity());

        StatusRuntimeException roster = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).submitSessionRoster(
                SubmitSessionRosterRequest.newBuilder().setRoomOperator(operator.getName()).setSessionId("s-bl").addMarketers(registered.getName()).build()));
        assertEquals("MARKETER_BLACKLISTED", preconditionFailure(roster).getViolations(0).getType());
        assertTrue(preconditionFailure(roster).getViolations(0).getDescription().startsWith("Art. 14"));
        StatusRuntimeException verify = assertThrows(StatusRuntimeException.class, () -> fixtures.verify(registered.getName(), true, TestClock.NOW));
        assertEquals("IDENTITY_BLACKLISTED", errorInfo(verify).getReason());
        StatusRuntimeException reRegister = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).createRoomOperator(
                CreateRoomOperatorRequest.newBuilder().setRoomOperator(RoomOperators.person(person.getIdNumber())).build()));
        assertEquals("IDENTITY_BLACKLISTED", errorInfo(reRegister).getReason(), "a new registration under another role is refused too");

        clock.set(end.minusSeconds(1));
        assertEquals(BlacklistEntry.State.STATE_ACTIVE, get(created).getState());
        clock.set(end);
        assertEquals(BlacklistEntry.State.STATE_EXPIRED, get(created).getState());
        fixtures.verify(registered.getName(), true, end);
        assertEquals("s-after", client.as(WRITE).submitSessionRoster(SubmitSessionRosterRequest.newBuilder()
                .setRoomOperator(operator.getName()).setSessionId("s-after").addMarketers(registered.getName()).build()).getSessionId());
    }

    @Test
    void aRevokedEntryEndsAtOnceAndARevocationIsIdempotent() {
        Marketer.Builder person = IdentityFixtures.marketerInput(LocalDate.of(1984, 4, 4));
        Marketer registered = client.as(WRITE).createMarketer(CreateMarketerRequest.newBuilder().setMarketer(person).build());
        RoomOperator operator = fixtures.entity();
        fixtures.verify(operator.getName(), true, TestClock.NOW);
        fixtures.verify(registered.getName(), true, TestClock.NOW);
        BlacklistEntry created = blacklist(entry(BlacklistEntry.IdentityType.IDENTITY_TYPE_RESIDENT_ID, person.getIdNumber(), TestClock.NOW, null));
        assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).submitSessionRoster(SubmitSessionRosterRequest.newBuilder()
                .setRoomOperator(operator.getName()).setSessionId("s-before-revoke").addMarketers(registered.getName()).build()));

        clock.set(TestClock.NOW.plus(Duration.ofDays(3)));
        RevokeBlacklistEntryRequest revoke = RevokeBlacklistEntryRequest.newBuilder().setRequestId("revoke-1").setName(created.getName())
                .setReason("Appeal overturned: the goods were genuine").setSource("rooms/r-1/disposals/d-9/appeals/a-1").build();
        BlacklistEntry revoked = client.as(BLACKLIST).revokeBlacklistEntry(revoke);
        assertEquals(BlacklistEntry.State.STATE_REVOKED, revoked.getState());
        assertEquals(clock.instant().getEpochSecond(), revoked.getRevokeTime().getSeconds());
        assertEquals("Appeal overturned: the goods were genuine", revoked.getRevokeReason());
        assertEquals("rooms/r-1/disposals/d-9/appeals/a-1", revoked.getRevokeSource());
        assertEquals(revoked, client.as(BLACKLIST).revokeBlacklistEntry(revoke), "a replay answers the same");
        clock.set(TestClock.NOW.plus(Duration.ofDays(4)));
        assertEquals(revoked.getRevokeTime(), client.as(BLACKLIST).revokeBlacklistEntry(revoke.toBuilder().setRequestId("revoke-2")
                .setReason("again").build()).getRevokeTime(), "a second revocation changes nothing");
        assertEquals("Appeal overturned: the goods were genuine", get(created).getRevokeReason());

        assertEquals("s-after-revoke", client.as(WRITE).submitSessionRoster(SubmitSessionRosterRequest.newBuilder()
                .setRoomOperator(operator.getName()).setSessionId("s-after-revoke").addMarketers(registered.getName()).build()).getSessionId());
        assertTrue(client.as(READ).listBlacklistEntries(ListBlacklistEntriesRequest.newBuilder().setState(BlacklistEntry.State.STATE_REVOKED)
                .setPageSize(200).build()).getBlacklistEntriesList().stream().anyMatch(e -> e.getName().equals(created.getName())));
        assertTrue(client.as(READ).listBlacklistEntries(ListBlacklistEntriesRequest.newBuilder().setState(BlacklistEntry.State.STATE_ACTIVE)
                .setPageSize(200).build()).getBlacklistEntriesList().stream().noneMatch(e -> e.getName().equals(created.getName())));
    }

    @Test
    void aRevocationNeedsANameAReasonAndTheBlacklistScope() {
        StatusRuntimeException bad = assertThrows(StatusRuntimeException.class, () -> client.as(BLACKLIST).revokeBlacklistEntry(
                RevokeBlacklistEntryRequest.newBuilder().setName("entries/x").setSource("s".repeat(201)).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, bad.getStatus().getCode());
        assertEquals(List.of("name", "reason", "source"), badFields(bad), "request_id is filled in by the client");
        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> client.as(BLACKLIST).revokeBlacklistEntry(
                RevokeBlacklistEntryRequest.newBuilder().setRequestId("revoke-unknown").setName("blacklistEntries/00000000-0000-4000-8000-000000000000")
                        .setReason("appeal").build()));
        assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
        assertEquals(Status.Code.PERMISSION_DENIED, assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).revokeBlacklistEntry(
                RevokeBlacklistEntryRequest.newBuilder().setRequestId("revoke-scope").setName("blacklistEntries/00000000-0000-4000-8000-000000000000")
                        .setReason("appeal").build())).getStatus().getCode());
    }

    private BlacklistEntry get(BlacklistEntry entry) {
        return client.as(READ).getBlacklistEntry(GetBlacklistEntryRequest.newBuilder().setName(entry.getName()).build());
    }

    @Test
    void aUsccEntryBlocksTheEntityAndAScheduledEntryOnlyFromItsStart() {
        String uscc = RoomOperators.freshUscc();
        BlacklistEntry scheduled = blacklist(entry(BlacklistEntry.IdentityType.IDENTITY_TYPE_USCC, uscc, TestClock.NOW.plus(Duration.ofDays(1)), null));
        assertEquals(BlacklistEntry.State.STATE_SCHEDULED, scheduled.getState());
        assertEquals(uscc, scheduled.getIdentity());
        assertTrue(names(BlacklistEntry.State.STATE_SCHEDULED).contains(scheduled.getName()));

        clock.advance(Duration.ofDays(1));
        assertTrue(names(BlacklistEntry.State.STATE_ACTIVE).contains(scheduled.getName()));
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).createRoomOperator(
                CreateRoomOperatorRequest.newBuilder().setRoomOperator(RoomOperators.entity().setUscc(uscc)).build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
        assertEquals("IDENTITY_BLACKLISTED", errorInfo(e).getReason());
    }

    private List<String> names(BlacklistEntry.State state) {
        return client.as(READ).listBlacklistEntries(ListBlacklistEntriesRequest.newBuilder().setState(state).setPageSize(200).build())
                .getBlacklistEntriesList().stream().map(BlacklistEntry::getName).toList();
    }

    @Test
    void blacklistInputIsCheckedAndOnlyTheBlacklistScopeMayWrite() {
        String id = RoomOperators.freshIdNumber(LocalDate.of(1970, 1, 1));
        Map<String, BlacklistEntry.Builder> bad = Map.of(
                "blacklist_entry.identity_type", entry(BlacklistEntry.IdentityType.IDENTITY_TYPE_UNSPECIFIED, id, TestClock.NOW, null),
                "blacklist_entry.identity", entry(BlacklistEntry.IdentityType.IDENTITY_TYPE_RESIDENT_ID, "110105199001011233", TestClock.NOW, null),
                "blacklist_entry.reason", entry(BlacklistEntry.IdentityType.IDENTITY_TYPE_RESIDENT_ID, id, TestClock.NOW, null).setReason(""),
                "blacklist_entry.legal_basis", entry(BlacklistEntry.IdentityType.IDENTITY_TYPE_RESIDENT_ID, id, TestClock.NOW, null).setLegalBasis(""),
                "blacklist_entry.appeal_channel", entry(BlacklistEntry.IdentityType.IDENTITY_TYPE_RESIDENT_ID, id, TestClock.NOW, null).setAppealChannel(""),
                "blacklist_entry.start_time", entry(BlacklistEntry.IdentityType.IDENTITY_TYPE_RESIDENT_ID, id, TestClock.NOW, null).clearStartTime(),
                "blacklist_entry.end_time", entry(BlacklistEntry.IdentityType.IDENTITY_TYPE_RESIDENT_ID, id, TestClock.NOW, TestClock.NOW));
        bad.forEach((field, entry) -> {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> blacklist(entry));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), field);
            assertTrue(badFields(e).contains(field), field + " not among " + badFields(e));
        });
        StatusRuntimeException denied = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).createBlacklistEntry(
                CreateBlacklistEntryRequest.newBuilder().setBlacklistEntry(entry(BlacklistEntry.IdentityType.IDENTITY_TYPE_RESIDENT_ID, id,
                        TestClock.NOW, null)).build()));
        assertEquals(Status.Code.PERMISSION_DENIED, denied.getStatus().getCode());
        assertEquals(BLACKLIST, errorInfo(denied).getMetadataOrThrow("required_scope"));
    }

    @Test
    void sellerInformationIsDisclosedInClearOnlyWithThePiiScopeAndAlwaysAudited() {
        RoomOperator operator = client.as(WRITE).createRoomOperator(CreateRoomOperatorRequest.newBuilder()
                .setRoomOperator(RoomOperators.person(RoomOperators.freshIdNumber(LocalDate.of(1985, 5, 5)))).build());
        Marketer.Builder hostInput = IdentityFixtures.marketerInput(LocalDate.of(1990, 9, 9));
        Marketer host = client.as(WRITE).createMarketer(CreateMarketerRequest.newBuilder().setMarketer(hostInput).build());
        DiscloseSellerInformationRequest request = DiscloseSellerInformationRequest.newBuilder().setRoomOperator(operator.getName())
                .setMarketer(host.getName()).setPurpose(DisclosurePurpose.DISCLOSURE_PURPOSE_CONSUMER_DISPUTE)
                .setCaseReference("complaint-2026-000123").build();

        SellerInformation info = client.as(PII).discloseSellerInformation(request);
        assertTrue(info.getRoomOperator().getIdNumber().matches("[0-9]{17}[0-9X]"), "unmasked: " + info.getRoomOperator().getIdNumber());
        assertEquals(RoomOperators.PHONE, info.getRoomOperator().getContact().getPhone());
        assertEquals(RoomOperators.STREET, info.getRoomOperator().getBusinessAddress().getStreetAddress());
        assertEquals(hostInput.getIdNumber(), info.getMarketer().getIdNumber());
        assertEquals("13987654321", info.getMarketer().getContact().getPhone());

        List<DisclosureAudit> audits = client.as(AUDIT).listDisclosureAudits(ListDisclosureAuditsRequest.newBuilder()
                .setRoomOperator(operator.getName()).build()).getDisclosureAuditsList();
        assertEquals(1, audits.size());
        DisclosureAudit audit = audits.get(0);
        assertEquals(info.getDisclosureAudit(), audit.getName());
        assertEquals("platform-test", audit.getDisclosedTo());
        assertEquals(DisclosurePurpose.DISCLOSURE_PURPOSE_CONSUMER_DISPUTE, audit.getPurpose());
        assertEquals("complaint-2026-000123", audit.getCaseReference());
        assertEquals(host.getName(), audit.getMarketer());

        StatusRuntimeException readOnly = assertThrows(StatusRuntimeException.class, () -> client.as(READ).discloseSellerInformation(request));
        assertEquals(Status.Code.PERMISSION_DENIED, readOnly.getStatus().getCode());
        StatusRuntimeException auditReadDenied = assertThrows(StatusRuntimeException.class, () -> client.as(PII).listDisclosureAudits(
                ListDisclosureAuditsRequest.getDefaultInstance()));
        assertEquals(Status.Code.PERMISSION_DENIED, auditReadDenied.getStatus().getCode());

        Map<String, DiscloseSellerInformationRequest> bad = Map.of(
                "purpose", request.toBuilder().setPurpose(DisclosurePurpose.DISCLOSURE_PURPOSE_UNSPECIFIED).build(),
                "case_reference", request.toBuilder().setCaseReference("").build(),
                "marketer", request.toBuilder().setMarketer("marketers/nope").build(),
                "room_operator", request.toBuilder().setRoomOperator("").build());
        bad.forEach((field, r) -> {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.as(PII).discloseSellerInformation(r));
            assertTrue(badFields(e).contains(field), field + " not among " + badFields(e));
        });
        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> client.as(PII).discloseSellerInformation(
                request.toBuilder().setMarketer("marketers/00000000-0000-4000-8000-00000000000f").build()));
        assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
        assertEquals(1, client.as(AUDIT).listDisclosureAudits(ListDisclosureAuditsRequest.newBuilder()
                .setRoomOperator(operator.getName()).build()).getDisclosureAuditsCount(), "refused disclosures leave no audit and no data");
    }
}
