package org.livecomply.sdk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.sdk.testing.FakeSupport.badFields;
import static org.livecomply.sdk.testing.FakeSupport.errorInfo;
import static org.livecomply.sdk.testing.FakeSupport.refused;
import static org.livecomply.sdk.testing.FakeSupport.requestId;
import static org.livecomply.sdk.testing.FakeSupport.ruleTypes;
import static org.livecomply.sdk.testing.FakeSupport.timestamp;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.livecomply.api.identity.v1.CreateMarketerRequest;
import org.livecomply.api.identity.v1.CreateRoomOperatorRequest;
import org.livecomply.api.identity.v1.GetRoomOperatorRequest;
import org.livecomply.api.identity.v1.GetSessionRosterRequest;
import org.livecomply.api.identity.v1.GuardianConsent;
import org.livecomply.api.identity.v1.IdentityServiceGrpc;
import org.livecomply.api.identity.v1.ListRoomOperatorsRequest;
import org.livecomply.api.identity.v1.ListRoomOperatorsResponse;
import org.livecomply.api.identity.v1.ListVerificationsRequest;
import org.livecomply.api.identity.v1.LiveAccount;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.RecordGuardianConsentRequest;
import org.livecomply.api.identity.v1.RecordVerificationRequest;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.api.identity.v1.SessionRoster;
import org.livecomply.api.identity.v1.SubmitSessionRosterRequest;
import org.livecomply.api.identity.v1.Verification;
import org.livecomply.sdk.LiveComplyClient;

class FakeIdentityTest {

    private final FakeSupport.TestClock clock = new FakeSupport.TestClock(Instant.parse("2026-11-02T02:00:00Z"));
    private final LiveComplyFakes fakes = LiveComplyFakes.start(clock);
    private final LiveComplyClient client = fakes.client();
    private final LocalDate today = LocalDate.of(2026, 11, 2);

    @AfterEach
    void stop() {
        fakes.close();
    }

    private RoomOperator create(RoomOperator operator) {
        return client.identity().createRoomOperator(CreateRoomOperatorRequest.newBuilder().setRoomOperator(operator).build());
    }

    private Marketer create(Marketer marketer) {
        return client.identity().createMarketer(CreateMarketerRequest.newBuilder().setMarketer(marketer).build());
    }

    @Test
    void aRegisteredNaturalPersonReadsBackMaskedAndPendingVerification() {
        RoomOperator input = FakeSupport.naturalPerson(LocalDate.of(1990, 1, 1));

        RoomOperator created = create(input);

        assertTrue(created.getName().matches("roomOperators/[0-9a-f-]{36}"), created.getName());
        assertEquals(RoomOperator.State.STATE_PENDING_VERIFICATION, created.getState());
        assertEquals(input.getIdNumber().substring(0, 4) + "**********" + input.getIdNumber().substring(14), created.getIdNumber());
        assertEquals("文三****", created.getBusinessAddress().getStreetAddress());
        assertEquals("CN", created.getBusinessAddress().getRegionCode());
        assertEquals("138****5678", created.getContact().getPhone());
        assertEquals("z***@example.cn", created.getContact().getEmail());
        assertEquals(1990, created.getBirthDate().getYear());
        assertFalse(created.hasLastVerifyTime());
        assertEquals(created, client.identity().getRoomOperator(GetRoomOperatorRequest.newBuilder().setName(created.getName()).build()));
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStored() {
        ManagedChannel raw = FakeSupport.rawChannel(fakes);
        try {
            IdentityServiceGrpc.IdentityServiceBlockingStub stub = IdentityServiceGrpc.newBlockingStub(raw);
            StatusRuntimeException empty = refused(Status.Code.INVALID_ARGUMENT,
                    () -> stub.createRoomOperator(CreateRoomOperatorRequest.getDefaultInstance()));
            assertEquals(List.of("request_id", "room_operator"), badFields(empty));
            assertEquals("INVALID_ARGUMENT", errorInfo(empty).getReason());
            assertEquals("identity.livecomply", errorInfo(empty).getDomain());

            RoomOperator bad = FakeSupport.naturalPerson(LocalDate.of(1990, 1, 1)).toBuilder()
                    .setIdNumber("11010519900101123").setUscc("91330106MA27XYZ12X")
                    .setContact(org.livecomply.api.type.v1.Contact.newBuilder().setPhone("12345"))
                    .addLiveAccounts(LiveAccount.newBuilder().setAccountId("has space")).build();
            StatusRuntimeException refused = refused(Status.Code.INVALID_ARGUMENT,
                    () -> stub.createRoomOperator(CreateRoomOperatorRequest.newBuilder().setRequestId("r-1").setRoomOperator(bad).build()));
            assertEquals(List.of("room_operator.id_number", "room_operator.uscc", "room_operator.contact.phone",
                    "room_operator.live_accounts[1].account_id"), badFields(refused));
        } finally {
            raw.shutdownNow();
        }
        assertEquals(0, client.identity().listRoomOperators(ListRoomOperatorsRequest.getDefaultInstance()).getRoomOperatorsCount());
    }

    @Test
    void aRetryAnswersTheFirstResultAndTheSameRequestIdWithOtherContentIsRefused() {
        String id = requestId();
        CreateRoomOperatorRequest request = CreateRoomOperatorRequest.newBuilder().setRequestId(id)
                .setRoomOperator(FakeSupport.entity()).build();

        RoomOperator first = client.identity().createRoomOperator(request);
        RoomOperator again = client.identity().createRoomOperator(request);
        StatusRuntimeException reused = refused(Status.Code.INVALID_ARGUMENT, () -> client.identity().createRoomOperator(
                request.toBuilder().setRoomOperator(FakeSupport.entity()).build()));

        assertEquals(first, again);
        assertEquals("REQUEST_ID_REUSED", errorInfo(reused).getReason());
        assertEquals(List.of("request_id"), badFields(reused));
        assertEquals(1, client.identity().listRoomOperators(ListRoomOperatorsRequest.getDefaultInstance()).getRoomOperatorsCount());
    }

    @Test
    void oneRegistrationPerIdentityAndPerLiveAccount() {
        RoomOperator operator = FakeSupport.entity();
        RoomOperator created = create(operator);

        StatusRuntimeException sameIdentity = refused(Status.Code.ALREADY_EXISTS, () -> create(operator.toBuilder()
                .setLiveAccounts(0, LiveAccount.newBuilder().setAccountId("another-account")).build()));
        StatusRuntimeException sameAccount = refused(Status.Code.ALREADY_EXISTS, () -> create(FakeSupport.entity().toBuilder()
                .setLiveAccounts(0, operator.getLiveAccounts(0)).build()));

        assertEquals("ROOM_OPERATOR_ALREADY_REGISTERED", errorInfo(sameIdentity).getReason());
        assertEquals(created.getName(), errorInfo(sameIdentity).getMetadataMap().get("existing"));
        assertEquals("LIVE_ACCOUNT_ALREADY_REGISTERED", errorInfo(sameAccount).getReason());
    }

    @Test
    void aNaturalPersonUnder16AndAMarketerUnder16AreRefusedWithTheArticle() {
        StatusRuntimeException operator = refused(Status.Code.FAILED_PRECONDITION, () -> create(FakeSupport.naturalPerson(today.minusYears(15))));
        StatusRuntimeException marketer = refused(Status.Code.FAILED_PRECONDITION, () -> create(FakeSupport.marketer(today.minusYears(15))));

        assertEquals("ROOM_OPERATOR_UNDER_16", errorInfo(operator).getReason());
        assertEquals("MPL Art. 76; Art. 8 ¶1", errorInfo(operator).getMetadataMap().get("article"));
        assertEquals(List.of("MARKETER_UNDER_16"), ruleTypes(marketer));
    }

    @Test
    void unknownNamesAreNotFoundAndMalformedOnesInvalid() {
        StatusRuntimeException unknown = refused(Status.Code.NOT_FOUND, () -> client.identity().getRoomOperator(
                GetRoomOperatorRequest.newBuilder().setName("roomOperators/00000000-0000-0000-0000-000000000000").build()));
        StatusRuntimeException malformed = refused(Status.Code.INVALID_ARGUMENT, () -> client.identity().getRoomOperator(
                GetRoomOperatorRequest.newBuilder().setName("operators/1").build()));

        assertEquals("ROOM_OPERATOR_NOT_FOUND", errorInfo(unknown).getReason());
        assertEquals("roomOperators/00000000-0000-0000-0000-000000000000", errorInfo(unknown).getMetadataMap().get("resource_name"));
        assertEquals(List.of("name"), badFields(malformed));
    }

    @Test
    void aPassedCheckVerifiesUntilSixMonthsLaterThenDueThenOverdue() {
        RoomOperator operator = create(FakeSupport.entity());
        Instant checked = clock.instant().minusSeconds(60);

        Verification verification = client.identity().recordVerification(RecordVerificationRequest.newBuilder().setParent(operator.getName())
                .setVerification(Verification.newBuilder().setMethod(Verification.Method.METHOD_BUSINESS_LICENCE_CHECK).setProvider("gsxt")
                        .setProviderReference("ref-1").setResult(Verification.Result.RESULT_PASSED).setVerifyTime(timestamp(checked))).build());

        assertEquals(operator.getName() + "/verifications/1", verification.getName());
        assertEquals(LiveComplyFakes.SUBJECT, verification.getRecordedBy());
        RoomOperator verified = get(operator);
        assertEquals(RoomOperator.State.STATE_VERIFIED, verified.getState());
        Instant due = ZonedDateTime.ofInstant(checked, FakeSupport.CHINA).plusMonths(6).toInstant();
        assertEquals(timestamp(due), verified.getReverificationDueTime());

        clock.set(due.minus(Duration.ofDays(10)));
        assertEquals(RoomOperator.State.STATE_REVERIFICATION_DUE, get(operator).getState());
        clock.set(due.plusSeconds(1));
        assertEquals(RoomOperator.State.STATE_REVERIFICATION_OVERDUE, get(operator).getState());
        assertEquals(1, client.identity().listRoomOperators(ListRoomOperatorsRequest.newBuilder()
                .setState(RoomOperator.State.STATE_REVERIFICATION_OVERDUE).build()).getRoomOperatorsCount());
    }

    @Test
    void aStaleOrFutureCheckIsRefusedAndAnUnknownSubjectIsNotFound() {
        RoomOperator operator = create(FakeSupport.entity());
        Verification.Builder check = Verification.newBuilder().setMethod(Verification.Method.METHOD_BUSINESS_LICENCE_CHECK).setProvider("gsxt")
                .setProviderReference("ref").setResult(Verification.Result.RESULT_PASSED);

        StatusRuntimeException stale = refused(Status.Code.INVALID_ARGUMENT, () -> client.identity().recordVerification(RecordVerificationRequest
                .newBuilder().setParent(operator.getName()).setVerification(check.setVerifyTime(timestamp(clock.instant().minus(Duration.ofDays(31)))))
                .build()));
        StatusRuntimeException unknown = refused(Status.Code.NOT_FOUND, () -> client.identity().recordVerification(RecordVerificationRequest
                .newBuilder().setParent("marketers/00000000-0000-0000-0000-000000000000")
                .setVerification(check.setVerifyTime(timestamp(clock.instant()))).build()));

        assertEquals(List.of("verification.verify_time"), badFields(stale));
        assertEquals("SUBJECT_NOT_FOUND", errorInfo(unknown).getReason());
    }

    @Test
    void testControlsSetTheOutcomeOfVerificationAndSuspensions() {
        Marketer marketer = create(FakeSupport.marketer(LocalDate.of(1995, 5, 5)));

        fakes.identity().markVerified(marketer.getName());
        assertEquals(Marketer.State.STATE_VERIFIED, getMarketer(marketer).getState());
        fakes.identity().suspend(marketer.getName());
        fakes.identity().markVerified(marketer.getName());
        assertEquals(Marketer.State.STATE_SUSPENDED, getMarketer(marketer).getState(), "verifications do not lift a suspension");
        fakes.identity().reinstate(marketer.getName());
        assertEquals(Marketer.State.STATE_VERIFIED, getMarketer(marketer).getState());
        fakes.identity().markVerificationFailed(marketer.getName());
        assertEquals(Marketer.State.STATE_VERIFICATION_FAILED, getMarketer(marketer).getState());

        assertEquals(3, client.identity().listVerifications(ListVerificationsRequest.newBuilder().setParent(marketer.getName()).build())
                .getVerificationsCount());
    }

    @Test
    void aRosterIsRefusedWithEveryReasonThenAcceptedOncePerSession() {
        RoomOperator operator = create(FakeSupport.entity());
        Marketer adult = create(FakeSupport.marketer(LocalDate.of(1990, 3, 3)));
        Marketer minor = create(FakeSupport.marketer(today.minusYears(17)));
        SubmitSessionRosterRequest roster = SubmitSessionRosterRequest.newBuilder().setRoomOperator(operator.getName()).setSessionId("s-1")
                .addMarketers(adult.getName()).addMarketers(minor.getName()).build();

        StatusRuntimeException refused = refused(Status.Code.FAILED_PRECONDITION, () -> client.identity().submitSessionRoster(roster));
        assertEquals(List.of("ROOM_OPERATOR_NOT_VERIFIED", "MARKETER_NOT_VERIFIED", "MARKETER_NOT_VERIFIED", "MARKETER_GUARDIAN_CONSENT_MISSING"),
                ruleTypes(refused));

        fakes.identity().markVerified(operator.getName());
        fakes.identity().markVerified(adult.getName());
        fakes.identity().markVerified(minor.getName());
        client.identity().recordGuardianConsent(RecordGuardianConsentRequest.newBuilder().setMarketer(minor.getName())
                .setGuardianConsent(GuardianConsent.newBuilder().setGuardianName("王五").setRelationship("父亲")
                        .setGuardianIdNumber(TestIdentities.residentIdNumber(LocalDate.of(1975, 1, 1))).setConsentDocumentSha256("ab".repeat(32))
                        .setConsentTime(timestamp(clock.instant().minusSeconds(3600)))).build());
        SessionRoster accepted = client.identity().submitSessionRoster(roster);

        assertEquals(operator.getName() + "/sessionRosters/s-1", accepted.getName());
        assertEquals(List.of(adult.getName(), minor.getName()), accepted.getMarketersList());
        assertEquals(accepted, client.identity().getSessionRoster(GetSessionRosterRequest.newBuilder().setName(accepted.getName()).build()));
        assertEquals("SESSION_ROSTER_ALREADY_SUBMITTED", errorInfo(refused(Status.Code.ALREADY_EXISTS,
                () -> client.identity().submitSessionRoster(roster.toBuilder().setRequestId(requestId()).build()))).getReason());
        assertEquals("SESSION_ROSTER_NOT_FOUND", errorInfo(refused(Status.Code.NOT_FOUND, () -> client.identity().getSessionRoster(
                GetSessionRosterRequest.newBuilder().setName(operator.getName() + "/sessionRosters/s-2").build()))).getReason());
    }

    @Test
    void aMarketerChecked31DaysAgoIsStaleForARoster() {
        RoomOperator operator = create(FakeSupport.entity());
        Marketer marketer = create(FakeSupport.marketer(LocalDate.of(1990, 3, 3)));
        fakes.identity().markVerified(operator.getName());
        fakes.identity().markVerified(marketer.getName());
        clock.advance(Duration.ofDays(31));

        StatusRuntimeException refused = refused(Status.Code.FAILED_PRECONDITION, () -> client.identity().submitSessionRoster(
                SubmitSessionRosterRequest.newBuilder().setRoomOperator(operator.getName()).setSessionId("s-1").addMarketers(marketer.getName()).build()));

        assertEquals(List.of("MARKETER_VERIFICATION_STALE"), ruleTypes(refused));
    }

    @Test
    void anAdultNeedsNoGuardianConsent() {
        Marketer adult = create(FakeSupport.marketer(LocalDate.of(1990, 3, 3)));

        StatusRuntimeException refused = refused(Status.Code.FAILED_PRECONDITION, () -> client.identity().recordGuardianConsent(
                RecordGuardianConsentRequest.newBuilder().setMarketer(adult.getName()).setGuardianConsent(GuardianConsent.newBuilder()
                        .setGuardianName("王五").setRelationship("父亲").setGuardianIdNumber(TestIdentities.residentIdNumber(LocalDate.of(1960, 1, 1)))
                        .setConsentDocumentSha256("ab".repeat(32)).setConsentTime(timestamp(clock.instant()))).build()));

        assertEquals("GUARDIAN_CONSENT_NOT_NEEDED", errorInfo(refused).getReason());
    }

    @Test
    void listsPageWithTokensBoundToTheirQuery() {
        for (int i = 0; i < 3; i++) {
            create(FakeSupport.entity());
        }
        ListRoomOperatorsResponse first = client.identity().listRoomOperators(ListRoomOperatorsRequest.newBuilder().setPageSize(2).build());
        ListRoomOperatorsResponse second = client.identity().listRoomOperators(ListRoomOperatorsRequest.newBuilder().setPageSize(2)
                .setPageToken(first.getNextPageToken()).build());

        assertEquals(2, first.getRoomOperatorsCount());
        assertEquals(1, second.getRoomOperatorsCount());
        assertEquals("", second.getNextPageToken());
        StatusRuntimeException otherQuery = refused(Status.Code.INVALID_ARGUMENT, () -> client.identity().listRoomOperators(
                ListRoomOperatorsRequest.newBuilder().setState(RoomOperator.State.STATE_VERIFIED).setPageToken(first.getNextPageToken()).build()));
        assertEquals("INVALID_PAGE_TOKEN", errorInfo(otherQuery).getReason());
        assertEquals(List.of("page_size"), badFields(refused(Status.Code.INVALID_ARGUMENT, () -> client.identity().listRoomOperators(
                ListRoomOperatorsRequest.newBuilder().setPageSize(-1).build()))));
    }

    private RoomOperator get(RoomOperator operator) {
        return client.identity().getRoomOperator(GetRoomOperatorRequest.newBuilder().setName(operator.getName()).build());
    }

    private Marketer getMarketer(Marketer marketer) {
        return client.identity().getMarketer(org.livecomply.api.identity.v1.GetMarketerRequest.newBuilder().setName(marketer.getName()).build());
    }
}
