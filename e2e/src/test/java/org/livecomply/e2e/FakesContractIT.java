package org.livecomply.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.livecomply.api.archive.v1.AppendRecordRequest;
import org.livecomply.api.archive.v1.AppendRecordResponse;
import org.livecomply.api.archive.v1.Artefact;
import org.livecomply.api.archive.v1.Checkpoint;
import org.livecomply.api.archive.v1.EvidenceBundle;
import org.livecomply.api.archive.v1.ExportEvidenceRequest;
import org.livecomply.api.archive.v1.GetCheckpointRequest;
import org.livecomply.api.archive.v1.GetConsistencyProofRequest;
import org.livecomply.api.archive.v1.GetInclusionProofRequest;
import org.livecomply.api.archive.v1.GetPublicKeyRequest;
import org.livecomply.api.archive.v1.GetRecordRequest;
import org.livecomply.api.archive.v1.InclusionProof;
import org.livecomply.api.archive.v1.ListRecordsRequest;
import org.livecomply.api.archive.v1.OrderItem;
import org.livecomply.api.archive.v1.PaymentFacts;
import org.livecomply.api.archive.v1.TransactionRecord;
import org.livecomply.api.consumer.v1.AcknowledgeComplaintRequest;
import org.livecomply.api.consumer.v1.Category;
import org.livecomply.api.consumer.v1.Complaint;
import org.livecomply.api.consumer.v1.CreateComplaintRequest;
import org.livecomply.api.consumer.v1.GetComplaintRequest;
import org.livecomply.api.consumer.v1.ListComplaintEventsRequest;
import org.livecomply.api.consumer.v1.ListComplaintsRequest;
import org.livecomply.api.consumer.v1.PauseComplaintRequest;
import org.livecomply.api.consumer.v1.Remedy;
import org.livecomply.api.consumer.v1.ResolveComplaintRequest;
import org.livecomply.api.consumer.v1.RespondToComplaintRequest;
import org.livecomply.api.consumer.v1.ResumeComplaintRequest;
import org.livecomply.api.consumer.v1.WaitingOn;
import org.livecomply.api.grading.v1.CheckGoLiveEligibilityRequest;
import org.livecomply.api.grading.v1.CreateRoomRequest;
import org.livecomply.api.grading.v1.Evidence;
import org.livecomply.api.grading.v1.GetViolationRequest;
import org.livecomply.api.grading.v1.GoLiveDecision;
import org.livecomply.api.grading.v1.GoodsCategory;
import org.livecomply.api.grading.v1.ListViolationsRequest;
import org.livecomply.api.grading.v1.RecordVerifiedComplaintRequest;
import org.livecomply.api.grading.v1.RecordViolationRequest;
import org.livecomply.api.grading.v1.RedLine;
import org.livecomply.api.grading.v1.Room;
import org.livecomply.api.grading.v1.Severity;
import org.livecomply.api.grading.v1.VerifiedComplaint;
import org.livecomply.api.grading.v1.Violation;
import org.livecomply.api.grading.v1.ViolationSource;
import org.livecomply.api.identity.v1.CreateMarketerRequest;
import org.livecomply.api.identity.v1.CreateRoomOperatorRequest;
import org.livecomply.api.identity.v1.GetRoomOperatorRequest;
import org.livecomply.api.identity.v1.GetSessionRosterRequest;
import org.livecomply.api.identity.v1.GuardianConsent;
import org.livecomply.api.identity.v1.ListRoomOperatorsRequest;
import org.livecomply.api.identity.v1.ListVerificationsRequest;
import org.livecomply.api.identity.v1.LiveAccount;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.RecordGuardianConsentRequest;
import org.livecomply.api.identity.v1.RecordVerificationRequest;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.api.identity.v1.SessionRoster;
import org.livecomply.api.identity.v1.SubmitSessionRosterRequest;
import org.livecomply.api.identity.v1.Verification;
import org.livecomply.api.training.v1.Course;
import org.livecomply.api.training.v1.CreateCourseRequest;
import org.livecomply.api.training.v1.GetTrainingStatusRequest;
import org.livecomply.api.training.v1.IdentityCheck;
import org.livecomply.api.training.v1.PublishCoursesRequest;
import org.livecomply.api.training.v1.RecordTrainingRequest;
import org.livecomply.api.training.v1.TrainingRecord;
import org.livecomply.api.training.v1.TrainingStatus;
import org.livecomply.api.type.v1.Contact;
import org.livecomply.api.type.v1.Date;
import org.livecomply.api.type.v1.Money;
import org.livecomply.api.type.v1.PostalAddress;
import org.livecomply.sdk.LiveComplyClient;
import org.livecomply.sdk.LiveComplyService;
import org.livecomply.sdk.archive.EvidenceVerifier;
import org.livecomply.sdk.archive.MerkleVerifier;
import org.livecomply.sdk.archive.ProofException;
import org.livecomply.sdk.archive.SignedCheckpoint;
import org.livecomply.sdk.testing.FakeTraining;
import org.livecomply.sdk.testing.LiveComplyFakes;
import org.livecomply.sdk.testing.TestIdentities;
import org.livecomply.testsupport.ServiceProcess;
import org.livecomply.testsupport.StatusDetails;
import org.livecomply.testsupport.TestDatabase;

/**
 * The SDK's in-memory fakes held to the real services (issue 8): each scenario makes the same calls with the same
 * inputs, and the same assertions, against {@link LiveComplyFakes} and against the five services as processes from
 * their shaded jars on a real database; then what each answered is compared, with resource names, times, hashes
 * and secrets (which must differ) put aside. A fake that drifts from its service on an RPC it fakes fails here.
 */
class FakesContractIT {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String[] SCOPES = {"identity.read", "identity.write", "identity.verify", "training.read", "training.write",
            "training.admin", "grading.read", "grading.write", "grading.gate", "archive.append", "archive.read", "consumer.read",
            "consumer.manage"};
    private static final SecureRandom RANDOM = new SecureRandom();

    private static Backend real;
    private static Backend fakes;

    @BeforeAll
    static void start() throws Exception {
        real = Real.start();
        fakes = new Fakes();
    }

    @AfterAll
    static void stop() {
        for (Backend backend : new Backend[] {fakes, real}) {
            if (backend != null) {
                backend.close();
            }
        }
    }

    // ---- the scenarios ----

    @Test
    void roomOperatorsRegisterOnceAndBadInputIsRefusedFieldByField() {
        RoomOperator person = naturalPerson(LocalDate.of(1990, 5, 17));
        RoomOperator entity = entity();
        String requestId = UUID.randomUUID().toString();
        contract(backend -> {
            Seen seen = new Seen();
            LiveComplyClient client = backend.client();
            CreateRoomOperatorRequest create = CreateRoomOperatorRequest.newBuilder().setRequestId(requestId).setRoomOperator(person).build();
            RoomOperator created = client.identity().createRoomOperator(create);
            seen.name(created.getName(), "operator");
            assertEquals(RoomOperator.State.STATE_PENDING_VERIFICATION, created.getState());
            seen.message("created", created.toBuilder().clearCreateTime().clearUpdateTime().build());
            assertEquals(created, client.identity().getRoomOperator(GetRoomOperatorRequest.newBuilder().setName(created.getName()).build()));
            assertEquals(created.getName(), client.identity().createRoomOperator(create).getName(), "a retry answers the first result");
            seen.refusal("same request id, other request", () -> client.identity().createRoomOperator(create.toBuilder().setRoomOperator(entity).build()));
            seen.refusal("same identity again", () -> client.identity().createRoomOperator(CreateRoomOperatorRequest.newBuilder()
                    .setRoomOperator(person.toBuilder().setLiveAccounts(0, LiveAccount.newBuilder().setAccountId(person.getLiveAccounts(0).getAccountId() + "x")))
                    .build()));
            seen.refusal("live account taken", () -> client.identity().createRoomOperator(CreateRoomOperatorRequest.newBuilder()
                    .setRoomOperator(entity.toBuilder().setLiveAccounts(0, person.getLiveAccounts(0))).build()));
            seen.refusal("under 16", () -> client.identity().createRoomOperator(CreateRoomOperatorRequest.newBuilder()
                    .setRoomOperator(naturalPerson(LocalDate.now(CHINA).minusYears(15))).build()));
            seen.refusal("nothing", () -> client.identity().createRoomOperator(CreateRoomOperatorRequest.newBuilder().setRequestId("r-1")
                    .setRoomOperator(RoomOperator.newBuilder().setLegalName(" 张三")).build()));
            seen.refusal("malformed", () -> client.identity().createRoomOperator(CreateRoomOperatorRequest.newBuilder().setRoomOperator(person.toBuilder()
                    .setKind(RoomOperator.Kind.KIND_REGISTERED_ENTITY).setUscc("91330106MA27XYZ12").setBusinessAddress(PostalAddress.newBuilder()
                            .setRegionCode("cn").setProvince("浙江省").setCity("杭州市").setDistrict("西湖区").setStreetAddress("文三路").setPostalCode("31"))
                    .setContact(Contact.newBuilder().setPhone("12345").setEmail("a@b"))
                    .addLiveAccounts(LiveAccount.newBuilder().setAccountId(person.getLiveAccounts(0).getAccountId()))).build()));
            seen.refusal("unknown", () -> client.identity().getRoomOperator(GetRoomOperatorRequest.newBuilder()
                    .setName("roomOperators/00000000-0000-4000-8000-000000000000").build()));
            seen.refusal("malformed name", () -> client.identity().getRoomOperator(GetRoomOperatorRequest.newBuilder().setName("roomOperators/1").build()));
            seen.value("pending listed", client.identity().listRoomOperators(ListRoomOperatorsRequest.newBuilder()
                    .setState(RoomOperator.State.STATE_PENDING_VERIFICATION).setKind(RoomOperator.Kind.KIND_NATURAL_PERSON).setPageSize(200).build())
                    .getRoomOperatorsList().stream().anyMatch(o -> o.getName().equals(created.getName())));
            return seen;
        });
    }

    @Test
    void verificationsMoveTheStateAndRostersAreRefusedWithEveryReason() {
        RoomOperator entity = entity();
        Marketer adult = marketer(LocalDate.of(1992, 2, 29));
        Marketer minor = marketer(LocalDate.now(CHINA).minusYears(17).minusDays(3));
        String guardian = TestIdentities.residentIdNumber(LocalDate.of(1975, 6, 1));
        Instant consentTime = Instant.now().minusSeconds(600);
        contract(backend -> {
            Seen seen = new Seen();
            LiveComplyClient client = backend.client();
            RoomOperator operator = client.identity().createRoomOperator(CreateRoomOperatorRequest.newBuilder().setRoomOperator(entity).build());
            Marketer host = client.identity().createMarketer(CreateMarketerRequest.newBuilder().setMarketer(adult).build());
            Marketer young = client.identity().createMarketer(CreateMarketerRequest.newBuilder().setMarketer(minor).build());
            seen.name(operator.getName(), "operator");
            seen.name(host.getName(), "host");
            seen.name(young.getName(), "young");
            seen.message("marketer", young.toBuilder().clearCreateTime().clearUpdateTime().build());
            SubmitSessionRosterRequest roster = SubmitSessionRosterRequest.newBuilder().setRoomOperator(operator.getName()).setSessionId("s-20261129")
                    .addMarketers(host.getName()).addMarketers(young.getName()).addMarketers("marketers/00000000-0000-4000-8000-000000000000").build();
            seen.refusal("roster before verification", () -> client.identity().submitSessionRoster(roster));
            SubmitSessionRosterRequest twoOfThem = roster.toBuilder().clearMarketers().addMarketers(host.getName()).addMarketers(young.getName()).build();

            Verification check = client.identity().recordVerification(RecordVerificationRequest.newBuilder().setParent(operator.getName())
                    .setVerification(Verification.newBuilder().setMethod(Verification.Method.METHOD_BUSINESS_LICENCE_CHECK).setProvider("gsxt")
                            .setProviderReference("ref-1").setResult(Verification.Result.RESULT_PASSED).setVerifyTime(timestamp(Instant.now())))
                    .build());
            seen.message("verification", check.toBuilder().clearVerifyTime().clearRecordTime().build());
            RoomOperator verified = client.identity().getRoomOperator(GetRoomOperatorRequest.newBuilder().setName(operator.getName()).build());
            assertEquals(RoomOperator.State.STATE_VERIFIED, verified.getState());
            assertEquals(check.getVerifyTime(), verified.getLastVerifyTime());
            assertEquals(verified.getLastVerifyTime().getSeconds() + secondsToSixMonthsLater(verified.getLastVerifyTime()),
                    verified.getReverificationDueTime().getSeconds(), "Art. 8 ¶1: due six months after the check");
            seen.message("verified", verified.toBuilder().clearCreateTime().clearUpdateTime().clearLastVerifyTime().clearReverificationDueTime().build());
            seen.refusal("stale check", () -> client.identity().recordVerification(RecordVerificationRequest.newBuilder().setParent(host.getName())
                    .setVerification(check.toBuilder().clearName().clearRecordedBy().clearRecordTime()
                            .setVerifyTime(timestamp(Instant.now().minus(Duration.ofDays(40))))).build()));
            seen.refusal("bad check", () -> client.identity().recordVerification(RecordVerificationRequest.newBuilder().setParent("users/1")
                    .setVerification(Verification.newBuilder().setNote("x")).build()));
            for (Marketer marketer : List.of(host, young)) {
                client.identity().recordVerification(RecordVerificationRequest.newBuilder().setParent(marketer.getName())
                        .setVerification(Verification.newBuilder().setMethod(Verification.Method.METHOD_ID_AND_LIVENESS).setProvider("ctid")
                                .setProviderReference("ref-" + marketer.getName().hashCode()).setResult(Verification.Result.RESULT_PASSED)
                                .setVerifyTime(timestamp(Instant.now()))).build());
            }
            seen.refusal("roster without consent", () -> client.identity().submitSessionRoster(twoOfThem));
            GuardianConsent.Builder consent = GuardianConsent.newBuilder().setGuardianName("王五").setRelationship("父亲").setGuardianIdNumber(guardian)
                    .setConsentDocumentSha256("ab".repeat(32)).setConsentTime(timestamp(consentTime));
            seen.refusal("consent for an adult", () -> client.identity().recordGuardianConsent(RecordGuardianConsentRequest.newBuilder()
                    .setMarketer(host.getName()).setGuardianConsent(consent).build()));
            Marketer consented = client.identity().recordGuardianConsent(RecordGuardianConsentRequest.newBuilder().setMarketer(young.getName())
                    .setGuardianConsent(consent).build());
            seen.message("consented", consented.toBuilder().clearCreateTime().clearUpdateTime().clearLastVerifyTime().build());
            SessionRoster accepted = client.identity().submitSessionRoster(twoOfThem);
            seen.message("roster", accepted.toBuilder().clearSubmitTime().clearRetainUntilTime().build());
            assertEquals(accepted, client.identity().getSessionRoster(GetSessionRosterRequest.newBuilder().setName(accepted.getName()).build()));
            seen.refusal("roster twice", () -> client.identity().submitSessionRoster(twoOfThem.toBuilder().setRequestId("again").build()));
            seen.refusal("no roster", () -> client.identity().getSessionRoster(GetSessionRosterRequest.newBuilder()
                    .setName(operator.getName() + "/sessionRosters/other").build()));
            seen.value("verifications of the host", client.identity().listVerifications(ListVerificationsRequest.newBuilder()
                    .setParent(host.getName()).build()).getVerificationsCount());
            return seen;
        });
    }

    @Test
    void trainingStatusFollowsTheCatalogueAndThePassedCourses() {
        Marketer input = marketer(LocalDate.of(1988, 8, 8));
        contract(backend -> {
            Seen seen = new Seen();
            LiveComplyClient client = backend.client();
            Marketer marketer = client.identity().createMarketer(CreateMarketerRequest.newBuilder().setMarketer(input).build());
            seen.name(marketer.getName(), "marketer");
            TrainingStatus before = status(client, marketer.getName());
            assertFalse(before.getPreServiceComplete());
            seen.message("untrained", before.toBuilder().clearEvaluateTime().build());
            backend.trained(marketer.getName());
            TrainingStatus after = status(client, marketer.getName());
            assertTrue(after.getPreServiceComplete() && after.getAnnualCurrent(), after.toString());
            seen.message("trained", after.toBuilder().clearEvaluateTime().clearPreServiceCompleteTime().build());
            seen.refusal("bad subject", () -> client.training().getTrainingStatus(GetTrainingStatusRequest.newBuilder().setSubject("marketers/42")
                    .setEvaluateTime(Timestamp.newBuilder().setSeconds(0)).build()));
            return seen;
        });
    }

    @Test
    void theGateAnswersWithTheRealReasonCodes() {
        RoomOperator entity = entity();
        Marketer adult = marketer(LocalDate.of(1991, 1, 9));
        contract(backend -> {
            Seen seen = new Seen();
            LiveComplyClient client = backend.client();
            RoomOperator operator = client.identity().createRoomOperator(CreateRoomOperatorRequest.newBuilder().setRoomOperator(entity).build());
            Marketer host = client.identity().createMarketer(CreateMarketerRequest.newBuilder().setMarketer(adult).build());
            Room room = client.roomGrading().createRoom(CreateRoomRequest.newBuilder().setRoom(Room.newBuilder().setRoomOperator(operator.getName())
                    .setLiveAccountId(operator.getLiveAccounts(0).getAccountId()).addGoodsCategories(GoodsCategory.GOODS_CATEGORY_APPAREL)).build());
            seen.name(operator.getName(), "operator");
            seen.name(host.getName(), "host");
            seen.name(room.getName(), "room");
            String stranger = "marketers/00000000-0000-4000-8000-000000000000";
            CheckGoLiveEligibilityRequest ask = CheckGoLiveEligibilityRequest.newBuilder().setRoom(room.getName()).setSessionId("live-1")
                    .addMarketers(host.getName()).build();
            GoLiveDecision denied = client.roomGrading().checkGoLiveEligibility(ask.toBuilder().addMarketers(stranger).build());
            assertEquals(GoLiveDecision.Outcome.OUTCOME_DENIED, denied.getOutcome());
            seen.message("denied", denied.toBuilder().clearCheckTime().build());

            backend.verified(operator.getName());
            backend.verified(host.getName());
            backend.trained(host.getName());
            GoLiveDecision noRoster = client.roomGrading().checkGoLiveEligibility(ask);
            seen.message("without roster", noRoster.toBuilder().clearCheckTime().build());
            client.identity().submitSessionRoster(SubmitSessionRosterRequest.newBuilder().setRoomOperator(operator.getName()).setSessionId("live-1")
                    .addMarketers(host.getName()).build());
            GoLiveDecision allowed = client.roomGrading().checkGoLiveEligibility(ask);
            assertEquals(GoLiveDecision.Outcome.OUTCOME_ALLOWED, allowed.getOutcome(), allowed.toString());
            seen.message("allowed", allowed.toBuilder().clearCheckTime().build());
            seen.refusal("bad question", () -> client.roomGrading().checkGoLiveEligibility(CheckGoLiveEligibilityRequest.newBuilder()
                    .setRoom("rooms/1").setSessionId("live 1").addMarketers(host.getName()).addMarketers(host.getName()).build()));
            seen.refusal("unknown room", () -> client.roomGrading().checkGoLiveEligibility(ask.toBuilder()
                    .setRoom("rooms/00000000-0000-4000-8000-000000000000").build()));
            return seen;
        });
    }

    @Test
    void roomsViolationsAndVerifiedComplaints() {
        String account = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        String operatorName = "roomOperators/" + UUID.randomUUID();
        String marketerName = "marketers/" + UUID.randomUUID();
        String complaintId = "C-" + UUID.randomUUID().toString().substring(0, 8);
        Instant occurred = Instant.now().minus(Duration.ofHours(2)).plusNanos(123_456_789);
        contract(backend -> {
            Seen seen = new Seen();
            LiveComplyClient client = backend.client();
            Room room = client.roomGrading().createRoom(CreateRoomRequest.newBuilder().setRoom(Room.newBuilder().setRoomOperator(operatorName)
                    .setLiveAccountId(account).setDisplayName("示例直播间").addGoodsCategories(GoodsCategory.GOODS_CATEGORY_INFANT_GOODS)
                    .addGoodsCategories(GoodsCategory.GOODS_CATEGORY_APPAREL)).build());
            seen.name(room.getName(), "room");
            // The fake grades no room (documented): the grade is put aside.
            seen.message("room", room.toBuilder().clearCreateTime().clearGrade().build());
            seen.refusal("account taken", () -> client.roomGrading().createRoom(CreateRoomRequest.newBuilder().setRoom(room.toBuilder().clearName()
                    .clearCreateTime().clearGrade().clearLifeAndHealth()).build()));
            seen.refusal("bad room", () -> client.roomGrading().createRoom(CreateRoomRequest.newBuilder().setRoom(Room.newBuilder()
                    .setLiveAccountId("a/b").addGoodsCategories(GoodsCategory.GOODS_CATEGORY_UNSPECIFIED)).build()));
            Violation.Builder patrol = Violation.newBuilder().setRedLine(RedLine.RED_LINE_UNCLEAR_PRICING).setSeverity(Severity.SEVERITY_GENERAL)
                    .setSource(ViolationSource.VIOLATION_SOURCE_PATROL).setDescription("划线价无依据").setSessionId("live-7").setMarketer(marketerName)
                    .addEvidence(Evidence.newBuilder().setArtefactSha256("0f".repeat(32)).setDescription("截图")).setOccurTime(timestamp(occurred));
            Violation first = client.roomGrading().recordViolation(RecordViolationRequest.newBuilder().setParent(room.getName()).setViolation(patrol).build());
            seen.name(first.getName(), "patrol violation");
            seen.message("patrol", first.toBuilder().clearRecordTime().build());
            Violation notice = client.roomGrading().recordViolation(RecordViolationRequest.newBuilder().setParent(room.getName()).setViolation(patrol.clone()
                    .setSource(ViolationSource.VIOLATION_SOURCE_REGULATOR_NOTICE).setRegulatorReference("杭市监〔2026〕88号")
                    .setRedLine(RedLine.RED_LINE_COUNTERFEIT_GOODS).clearEvidence().addEvidence(Evidence.newBuilder().setArchiveLeafIndex(0))).build());
            seen.name(notice.getName(), "notice violation");
            seen.message("regulator notice", notice.toBuilder().clearRecordTime().build());
            assertEquals(first, client.roomGrading().getViolation(GetViolationRequest.newBuilder().setName(first.getName()).build()));
            seen.value("listed", client.roomGrading().listViolations(ListViolationsRequest.newBuilder().setParent(room.getName()).build())
                    .getViolationsList().stream().map(Violation::getName).map(seen::normalize).toList());
            seen.refusal("bad violation", () -> client.roomGrading().recordViolation(RecordViolationRequest.newBuilder().setParent(room.getName())
                    .setViolation(patrol.clone().clearRedLine().setDescription("").setSessionId("live 7").setMarketer("marketers/x").clearEvidence()
                            .addEvidence(Evidence.newBuilder().setArtefactSha256("ABC")).setRegulatorReference("ref")).build()));
            seen.refusal("violation of an unknown room", () -> client.roomGrading().recordViolation(RecordViolationRequest.newBuilder()
                    .setParent("rooms/00000000-0000-4000-8000-000000000000").setViolation(patrol).build()));
            seen.refusal("unknown violation", () -> client.roomGrading().getViolation(GetViolationRequest.newBuilder()
                    .setName(room.getName() + "/violations/00000000-0000-4000-8000-000000000000").build()));
            RecordVerifiedComplaintRequest complaint = RecordVerifiedComplaintRequest.newBuilder().setParent(room.getName())
                    .setVerifiedComplaint(VerifiedComplaint.newBuilder().setComplaintId(complaintId).setSummary("QUALITY: 退款")
                            .setVerifyTime(timestamp(occurred))).build();
            VerifiedComplaint recorded = client.roomGrading().recordVerifiedComplaint(complaint);
            seen.message("verified complaint", recorded.toBuilder().clearRecordTime().build());
            assertEquals(recorded, client.roomGrading().recordVerifiedComplaint(complaint), "the same complaint counts once");
            seen.refusal("other content", () -> client.roomGrading().recordVerifiedComplaint(complaint.toBuilder()
                    .setVerifiedComplaint(complaint.getVerifiedComplaint().toBuilder().setSummary("QUALITY: 换货")).build()));
            seen.refusal("complaint about an unknown room", () -> client.roomGrading().recordVerifiedComplaint(complaint.toBuilder()
                    .setParent("rooms/00000000-0000-4000-8000-000000000000")
                    .setVerifiedComplaint(complaint.getVerifiedComplaint().toBuilder().setComplaintId(complaintId + "-2")).build()));
            return seen;
        });
    }

    @Test
    void theArchiveKeepsEachEventOnceAndItsProofsVerifyWithTheSdk() {
        String order = "order-" + UUID.randomUUID();
        TransactionRecord placed = placed(order);
        TransactionRecord paid = placed.toBuilder().setEventId("paid").setEvent(TransactionRecord.Event.EVENT_PAID).clearItems().clearArtefacts()
                .setPayment(PaymentFacts.newBuilder().setMethod("alipay").setTransactionRef("2026112922001").setAmount(cny(5990))).build();
        contract(backend -> {
            Seen seen = new Seen();
            LiveComplyClient client = backend.client();
            String key = client.archive().getPublicKey(GetPublicKeyRequest.getDefaultInstance()).getVerifierKey();
            Checkpoint before = client.archive().getCheckpoint(GetCheckpointRequest.getDefaultInstance());
            AppendRecordResponse first = client.archive().appendRecord(AppendRecordRequest.newBuilder().setRecord(placed).build());
            AppendRecordResponse again = client.archive().appendRecord(AppendRecordRequest.newBuilder().setRecord(placed).build());
            client.archive().appendRecord(AppendRecordRequest.newBuilder().setRecord(paid).build());
            seen.name(first.getName(), "placed record");
            seen.value("appended, then again", List.of(first.getAlreadyArchived(), again.getAlreadyArchived()));
            assertEquals(first.getLeafIndex(), again.getLeafIndex());
            assertEquals(first.getLeafHash(), again.getLeafHash());
            seen.refusal("changed content", () -> client.archive().appendRecord(AppendRecordRequest.newBuilder()
                    .setRecord(placed.toBuilder().setBuyerRef("buyer:other")).build()));
            seen.refusal("bad record", () -> client.archive().appendRecord(AppendRecordRequest.newBuilder().setRecord(placed.toBuilder()
                    .setEventId("").setBuyerRef("13912345678").setEvent(TransactionRecord.Event.EVENT_SHIPPED).setItems(0, placed.getItems(0).toBuilder()
                            .setQuantity(0).setChargedPrice(Money.newBuilder().setCurrencyCode("USD").setAmountMinor(-1)))
                    .addArtefacts(Artefact.newBuilder().setKind(Artefact.Kind.KIND_REPLAY_SEGMENT).setUri("ftp://x").setMediaType("video"))).build()));
            TransactionRecord stored = client.archive().getRecord(GetRecordRequest.newBuilder().setName(first.getName()).build());
            seen.message("stored", stored.toBuilder().clearName().clearLeafIndex().clearLeafHash().clearAppendTime().build());
            seen.value("listed events", client.archive().listRecords(ListRecordsRequest.newBuilder().setOrderId(order).build()).getRecordsList()
                    .stream().map(TransactionRecord::getEventId).toList());
            seen.refusal("bad filter", () -> client.archive().listRecords(ListRecordsRequest.newBuilder().setOrderId("order 1").setPageSize(-1)
                    .setOccurStartTime(timestamp(Instant.now())).setOccurEndTime(timestamp(Instant.now().minusSeconds(1))).build()));
            seen.refusal("unknown record", () -> client.archive().getRecord(GetRecordRequest.newBuilder().setName("records/999999999").build()));
            seen.refusalWithoutMessage("beyond the log", () -> client.archive().getCheckpoint(GetCheckpointRequest.newBuilder().setTreeSize(999_999_999).build()));
            try {
                Checkpoint after = client.archive().getCheckpoint(GetCheckpointRequest.getDefaultInstance());
                SignedCheckpoint signed = SignedCheckpoint.verify(after.getSignedNote(), key);
                InclusionProof proof = client.archive().getInclusionProof(GetInclusionProofRequest.newBuilder().setLeafIndex(first.getLeafIndex()).build());
                MerkleVerifier.verifyInclusion(first.getLeafIndex(), proof.getTreeSize(), first.getLeafHash().toByteArray(), bytes(proof.getHashesList()),
                        SignedCheckpoint.verify(proof.getCheckpoint().getSignedNote(), key).rootHash());
                if (before.getTreeSize() > 0) {
                    MerkleVerifier.verifyConsistency(before.getTreeSize(), after.getTreeSize(), before.getRootHash().toByteArray(), signed.rootHash(),
                            bytes(client.archive().getConsistencyProof(GetConsistencyProofRequest.newBuilder().setFirstSize(before.getTreeSize())
                                    .setSecondSize(after.getTreeSize()).build()).getHashesList()));
                }
                EvidenceBundle bundle = client.archive().exportEvidence(ExportEvidenceRequest.newBuilder().setOrderId(order).build());
                EvidenceVerifier.verify(bundle, key);
                seen.value("evidence entries", bundle.getEntriesList().stream().map(e -> e.getRecord().getEventId()).toList());
            } catch (ProofException e) {
                throw new AssertionError(backend.label + ": " + e.getMessage(), e);
            }
            seen.refusal("evidence of an unknown order", () -> client.archive().exportEvidence(ExportEvidenceRequest.newBuilder().setOrderId(order + "-none").build()));
            return seen;
        });
    }

    @Test
    void complaintsGoThroughThePublishedProcess() {
        String order = "order-" + UUID.randomUUID();
        String phone = "139" + String.format("%08d", RANDOM.nextInt(100_000_000));
        String buyer = "buyer:" + UUID.randomUUID().toString().substring(0, 8);
        String requestId = UUID.randomUUID().toString();
        String account = "acct-" + UUID.randomUUID().toString().substring(0, 12);
        contract(backend -> {
            Seen seen = new Seen();
            LiveComplyClient client = backend.client();
            client.archive().appendRecord(AppendRecordRequest.newBuilder().setRecord(placed(order)).build());
            CreateComplaintRequest create = CreateComplaintRequest.newBuilder().setRequestId(requestId).setComplaint(Complaint.newBuilder()
                    .setCategory(Category.CATEGORY_QUALITY).setDescription("收到的大米发霉\n有照片").setOrderId(order).setRequestedRemedy(Remedy.REMEDY_REFUND)
                    .setContact(phone).setBuyerRef(buyer).setRoomOperator("roomOperators/00000000-0000-4000-8000-000000000001")).build();
            Complaint filed = client.consumerRights().createComplaint(create);
            seen.name(filed.getName(), "complaint");
            seen.name(filed.getNumber(), "number");
            assertFalse(filed.getStatusToken().isEmpty());
            seen.message("filed", filed.toBuilder().clearStatusToken().clearCreateTime().clearUpdateTime().build());
            Complaint again = client.consumerRights().createComplaint(create);
            assertEquals(filed.getNumber(), again.getNumber());
            assertEquals(filed.getStatusToken(), again.getStatusToken(), "a retry answers with the same status token");
            seen.refusal("same request id, other complaint", () -> client.consumerRights().createComplaint(create.toBuilder()
                    .setComplaint(create.getComplaint().toBuilder().setDescription("other")).build()));
            seen.refusal("bad complaint", () -> client.consumerRights().createComplaint(CreateComplaintRequest.newBuilder().setComplaint(Complaint.newBuilder()
                    .setCategory(Category.CATEGORY_AFTER_SALES_HANDOFF).setDescription(" x").setMarketer("marketers/1").setContact("12345")
                    .setBuyerRef("buyer 1")).build()));

            String name = filed.getName();
            seen.message("acknowledged", step(client.consumerRights().acknowledgeComplaint(AcknowledgeComplaintRequest.newBuilder().setName(name).build())));
            seen.refusal("acknowledged twice", () -> client.consumerRights().acknowledgeComplaint(AcknowledgeComplaintRequest.newBuilder().setName(name).build()));
            seen.message("responded", step(client.consumerRights().respondToComplaint(RespondToComplaintRequest.newBuilder().setName(name)
                    .setNote("请提供照片").build())));
            seen.message("waiting", step(client.consumerRights().pauseComplaint(PauseComplaintRequest.newBuilder().setName(name)
                    .setWaitingOn(WaitingOn.WAITING_ON_CONSUMER).setNote("等待照片").build())));
            seen.message("resumed", step(client.consumerRights().resumeComplaint(ResumeComplaintRequest.newBuilder().setName(name).build())));
            seen.refusal("bad pause", () -> client.consumerRights().pauseComplaint(PauseComplaintRequest.newBuilder().setName("complaints/x").build()));
            seen.refusal("verified without a room", () -> client.consumerRights().resolveComplaint(ResolveComplaintRequest.newBuilder()
                    .setName(name).setResolution("已全额退款").setSubstantiated(true).build()));
            seen.refusal("resolved naming a bad room", () -> client.consumerRights().resolveComplaint(ResolveComplaintRequest.newBuilder()
                    .setName(name).setResolution("").setRoom("rooms/1").build()));
            Room room = client.roomGrading().createRoom(CreateRoomRequest.newBuilder().setRoom(Room.newBuilder()
                    .setRoomOperator(create.getComplaint().getRoomOperator()).setLiveAccountId(account)
                    .addGoodsCategories(GoodsCategory.GOODS_CATEGORY_FOOD)).build());
            seen.name(room.getName(), "room");
            // A complaint that names no room (as a consumer's on the public intake) is linked to one when verified (Art. 20 ¶3).
            seen.message("resolved", step(client.consumerRights().resolveComplaint(ResolveComplaintRequest.newBuilder().setName(name)
                    .setResolution("已全额退款").setSubstantiated(true).setRoom(room.getName()).build())));
            seen.refusal("resolved twice", () -> client.consumerRights().resolveComplaint(ResolveComplaintRequest.newBuilder().setName(name)
                    .setResolution("again").build()));
            seen.value("timeline", client.consumerRights().listComplaintEvents(ListComplaintEventsRequest.newBuilder().setParent(name).build())
                    .getEventsList().stream().filter(e -> !e.getActor().equals("consumer-rights")).map(e -> e.toBuilder().clearName().clearOccurTime().build())
                    .map(FakesContractIT::text).toList());
            seen.refusal("unknown complaint", () -> client.consumerRights().getComplaint(GetComplaintRequest.newBuilder()
                    .setName("complaints/C20200101-7KQ4XP").build()));

            Complaint duplicate = client.consumerRights().createComplaint(CreateComplaintRequest.newBuilder().setComplaint(create.getComplaint()
                    .toBuilder().setDescription("又一次").setRoom(room.getName())).build());
            seen.name(duplicate.getName(), "duplicate");
            seen.name(duplicate.getNumber(), "duplicate number");
            seen.refusal("resolved naming another room", () -> client.consumerRights().resolveComplaint(ResolveComplaintRequest.newBuilder()
                    .setName(duplicate.getName()).setResolution("已退款").setRoom("rooms/00000000-0000-4000-8000-000000000009").build()));
            seen.value("duplicate flagged", duplicate.getAbuseFlagged() + " " + seen.normalize(duplicate.getAbuseReason()));
            seen.value("listed by order", client.consumerRights().listComplaints(ListComplaintsRequest.newBuilder().setOrderId(order).build())
                    .getComplaintsList().stream().map(c -> seen.normalize(c.getName()) + " " + c.getState()).toList());
            return seen;
        });
    }

    /** The deadlines of the consumer-rights fake are counted on a copy of the services' calendar data: the copies must agree. */
    @Test
    void theFakesCountWorkingDaysOnTheServicesCalendar() throws IOException {
        int years = 0;
        for (int year = 2020; year <= 2100; year++) {
            byte[] services = resource("/calendar/cn/" + year + ".txt");
            byte[] fakes = resource("/org/livecomply/sdk/testing/calendar/cn/" + year + ".txt");
            assertEquals(services == null ? null : new String(services, StandardCharsets.UTF_8),
                    fakes == null ? null : new String(fakes, StandardCharsets.UTF_8), "calendar " + year);
            years += services == null ? 0 : 1;
        }
        assertTrue(years > 0, "the services' calendar data were not found on the classpath");
    }

    // ---- running a scenario on both ----

    /** Runs {@code scenario} on the real services, then on the fakes, and compares what each saw, observation by observation. */
    private static void contract(Function<Backend, Seen> scenario) {
        Map<String, String> onReal = scenario.apply(real).observations;
        Map<String, String> onFakes = scenario.apply(fakes).observations;
        assertEquals(List.copyOf(onReal.keySet()), List.copyOf(onFakes.keySet()), "the scenario observed different things");
        onReal.forEach((key, expected) -> assertEquals(expected, onFakes.get(key), "the fakes differ from the services on: " + key));
    }

    /** What a scenario saw, with the names it created replaced by their role (they differ between backends). */
    private static final class Seen {

        final Map<String, String> observations = new LinkedHashMap<>();
        private final Map<String, String> names = new TreeMap<>(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));

        void name(String actual, String role) {
            names.put(actual, "<" + role + ">");
        }

        String normalize(String text) {
            String result = text;
            for (Map.Entry<String, String> name : names.entrySet()) {
                result = result.replace(name.getKey(), name.getValue());
            }
            return result;
        }

        void message(String key, Message message) {
            put(key, text(message));
        }

        void value(String key, Object value) {
            put(key, String.valueOf(value));
        }

        void refusal(String key, Runnable call) {
            put(key, summary(refuse(call), true));
        }

        void refusalWithoutMessage(String key, Runnable call) {
            put(key, summary(refuse(call), false));
        }

        private void put(String key, String text) {
            assertNotNull(text);
            observations.put(key, normalize(text));
        }

        private static StatusRuntimeException refuse(Runnable call) {
            try {
                call.run();
            } catch (StatusRuntimeException e) {
                return e;
            }
            throw new AssertionError("the call was not refused");
        }

        /** Code, ErrorInfo, and every field or rule violation with its description. */
        private static String summary(StatusRuntimeException e, boolean withMessage) {
            StringBuilder text = new StringBuilder(e.getStatus().getCode().name());
            if (withMessage) {
                text.append(": ").append(e.getStatus().getDescription());
            }
            ErrorInfo info = StatusDetails.detail(e, ErrorInfo.class).orElse(null);
            assertNotNull(info, "no ErrorInfo in " + e.getStatus());
            text.append("\n").append(info.getReason()).append(" @ ").append(info.getDomain()).append(" ").append(new TreeMap<>(info.getMetadataMap()));
            BadRequest badRequest = StatusDetails.detail(e, BadRequest.class).orElse(null);
            if (badRequest != null) {
                badRequest.getFieldViolationsList().forEach(v -> text.append("\n  ").append(v.getField()).append(": ").append(v.getDescription()));
            }
            PreconditionFailure failure = StatusDetails.detail(e, PreconditionFailure.class).orElse(null);
            if (failure != null) {
                failure.getViolationsList().forEach(v -> text.append("\n  ").append(v.getType()).append(" ").append(v.getSubject()).append(": ")
                        .append(v.getDescription()));
            }
            return text.toString();
        }
    }

    private static String text(Message message) {
        return TextFormat.printer().escapingNonAscii(false).printToString(message);
    }

    // ---- where scenarios run ----

    /** A place a scenario runs, and how it arranges what a platform does not do through the API (or does in many calls). */
    private abstract static class Backend implements AutoCloseable {

        final String label;

        Backend(String label) {
            this.label = label;
        }

        abstract LiveComplyClient client();

        /** A third-party identity check of the subject passed just now. */
        abstract void verified(String subject);

        /** The marketer passed the pre-service course and this year's course of {@link FakeTraining#standardCatalogue()}. */
        abstract void trained(String marketer);

        @Override
        public abstract void close();
    }

    /** The fakes, with the token the real services get (so recorded_by agrees) and the same catalogue published. */
    private static final class Fakes extends Backend {

        private final LiveComplyFakes fakes = LiveComplyFakes.start();
        private final LiveComplyClient client = fakes.clientBuilder().token(Suite.token(SCOPES)).build();

        Fakes() {
            super("fakes");
            LocalDate today = LocalDate.now(CHINA);
            FakeTraining.standardCatalogue().forEach(course -> fakes.training().publishCourse(course.toBuilder().setEffectiveFrom(date(today)).build()));
        }

        @Override
        LiveComplyClient client() {
            return client;
        }

        @Override
        void verified(String subject) {
            fakes.identity().markVerified(subject);
        }

        @Override
        void trained(String marketer) {
            fakes.training().markTrained(marketer);
        }

        @Override
        public void close() {
            client.close();
            fakes.close();
        }
    }

    /** The five services as processes from their shaded jars, wired to each other, each on a fresh database. */
    private static final class Real extends Backend {

        private final List<ServiceProcess> processes;
        private final LiveComplyClient client;
        private final Map<String, String> courses = new LinkedHashMap<>();

        private Real(List<ServiceProcess> processes, LiveComplyClient client) {
            super("services");
            this.processes = processes;
            this.client = client;
        }

        static Real start() throws Exception {
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (String service : List.of("identity", "archive", "training", "grading", "consumer")) {
                ports.put(service, freePort());
            }
            List<ServiceProcess> processes = List.of(
                    process("identity", "identity-service", ports),
                    process("archive", "transaction-archive-service", ports),
                    process("training", "training-service", ports, "identity"),
                    process("grading", "room-grading-service", ports, "identity", "training", "consumer"),
                    process("consumer", "consumer-rights-service", ports, "identity", "archive", "grading"));
            ExecutorService starting = Executors.newFixedThreadPool(processes.size());
            try {
                List<Future<ServiceProcess>> started = new ArrayList<>();
                processes.forEach(p -> started.add(starting.submit(() -> p.start(Duration.ofSeconds(180)))));
                for (Future<ServiceProcess> process : started) {
                    process.get();
                }
            } catch (Exception e) {
                processes.forEach(ServiceProcess::stop);
                throw e;
            } finally {
                starting.shutdown();
            }
            LiveComplyClient client = LiveComplyClient.builder().usePlaintext().token(Suite.token(SCOPES)).deadline(Duration.ofSeconds(20))
                    .address(LiveComplyService.IDENTITY, "127.0.0.1:" + ports.get("identity"))
                    .address(LiveComplyService.ARCHIVE, "127.0.0.1:" + ports.get("archive"))
                    .address(LiveComplyService.TRAINING, "127.0.0.1:" + ports.get("training"))
                    .address(LiveComplyService.ROOM_GRADING, "127.0.0.1:" + ports.get("grading"))
                    .address(LiveComplyService.CONSUMER_RIGHTS, "127.0.0.1:" + ports.get("consumer"))
                    .build();
            Real real = new Real(processes, client);
            real.publishCatalogue();
            return real;
        }

        private static ServiceProcess process(String name, String module, Map<String, Integer> ports, String... calls) {
            ServiceProcess.Builder builder = ServiceProcess.builder("fakes-contract-" + name, ServiceProcess.jarOf(ServiceProcess.repoRoot(), module))
                    .database(TestDatabase.shared().newDatabase("e2e-fakes-contract-" + name))
                    .hs256Secret(Suite.SECRET)
                    .logDirectory(Suite.LOGS)
                    .ports(ports.get(name), freePort())
                    // a cold JVM on a busy machine: the gate must not fail closed while identity warms up
                    .env("LIVECOMPLY_GRADING_GATE_DEADLINE", "10s");
            for (String callee : calls) {
                builder.env("LIVECOMPLY_CLIENTS_" + callee.toUpperCase(java.util.Locale.ROOT) + "_ADDRESS", "127.0.0.1:" + ports.get(callee));
            }
            return builder.build();
        }

        /** The same catalogue the fakes publish, through CreateCourse and PublishCourses. */
        private void publishCatalogue() {
            LocalDate today = LocalDate.now(CHINA);
            PublishCoursesRequest.Builder publish = PublishCoursesRequest.newBuilder();
            for (Course course : FakeTraining.standardCatalogue()) {
                Course created = client.training().createCourse(CreateCourseRequest.newBuilder()
                        .setCourse(course.toBuilder().setEffectiveFrom(date(today))).build());
                courses.put(course.getCode(), created.getName());
                publish.addNames(created.getName());
            }
            client.training().publishCourses(publish.build());
        }

        @Override
        LiveComplyClient client() {
            return client;
        }

        @Override
        void verified(String subject) {
            client.identity().recordVerification(RecordVerificationRequest.newBuilder().setParent(subject).setVerification(Verification.newBuilder()
                    .setMethod(Verification.Method.METHOD_ID_AND_LIVENESS).setProvider("ctid").setProviderReference("ref-" + UUID.randomUUID())
                    .setResult(Verification.Result.RESULT_PASSED).setVerifyTime(timestamp(Instant.now()))).build());
        }

        @Override
        void trained(String marketer) {
            Instant complete = Instant.now().minusSeconds(5);
            Instant start = complete.minus(Duration.ofMinutes(30));
            for (String code : List.of("LC-PRE-SERVICE", "LC-ANNUAL-MARKETER")) {
                client.training().recordTraining(RecordTrainingRequest.newBuilder().setTrainingRecord(TrainingRecord.newBuilder()
                        .setSubject(marketer).setCourse(courses.get(code)).setStartTime(timestamp(start)).setCompleteTime(timestamp(complete))
                        .setWatchedDuration(com.google.protobuf.Duration.newBuilder().setSeconds(1200)).setScore(90)
                        .setIdentityCheck(IdentityCheck.newBuilder().setMethod(IdentityCheck.Method.METHOD_LIVENESS_AND_FACE_MATCH)
                                .setReference("face-" + UUID.randomUUID()).setCheckTime(timestamp(start.plusSeconds(10))))
                        .setIssuer("platform")).build());
            }
        }

        @Override
        public void close() {
            client.close();
            processes.forEach(ServiceProcess::stop);
        }
    }

    // ---- inputs ----

    private static RoomOperator naturalPerson(LocalDate birthDate) {
        return RoomOperator.newBuilder().setKind(RoomOperator.Kind.KIND_NATURAL_PERSON).setLegalName("张三")
                .setIdNumber(TestIdentities.residentIdNumber(birthDate)).setBusinessAddress(address())
                .setContact(Contact.newBuilder().setPhone("13812345678").setEmail("zhang.san@example.cn"))
                .addLicences(org.livecomply.api.identity.v1.AdministrativeLicence.newBuilder().setKind("食品经营许可证").setNumber("JY13301060001234")
                        .setIssuer("杭州市西湖区市场监督管理局").setValidUntil(Date.newBuilder().setYear(2029).setMonth(6).setDay(30)))
                .addLiveAccounts(LiveAccount.newBuilder().setAccountId(account()).setDisplayName("张三的直播间")).build();
    }

    private static RoomOperator entity() {
        return RoomOperator.newBuilder().setKind(RoomOperator.Kind.KIND_REGISTERED_ENTITY).setLegalName("杭州示例电子商务有限公司")
                .setUscc(TestIdentities.uscc()).setBusinessAddress(address().toBuilder().setPostalCode("310012"))
                .setContact(Contact.newBuilder().setPhone("0571-88886666")).addLiveAccounts(LiveAccount.newBuilder().setAccountId(account())).build();
    }

    private static Marketer marketer(LocalDate birthDate) {
        return Marketer.newBuilder().setLegalName("李四").setIdNumber(TestIdentities.residentIdNumber(birthDate)).setHabitualAddress(address())
                .setContact(Contact.newBuilder().setPhone("13987654321")).setOccupation("主播")
                .addQualifications(org.livecomply.api.identity.v1.Qualification.newBuilder().setKind("执业药师注册证").setNumber("ZY2020-001")).build();
    }

    private static PostalAddress address() {
        return PostalAddress.newBuilder().setProvince("浙江省").setCity("杭州市").setDistrict("西湖区").setStreetAddress("文三路100号").build();
    }

    private static String account() {
        return "acct-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static TransactionRecord placed(String order) {
        return TransactionRecord.newBuilder().setOrderId(order).setEventId("placed").setEvent(TransactionRecord.Event.EVENT_ORDER_PLACED)
                .setOccurTime(timestamp(Instant.now().minusSeconds(120).plusNanos(987_654_321))).setRoomId("room-7").setSessionId("live-7")
                .setMarketerId("marketer-7").setBuyerRef("buyer:7")
                .addItems(OrderItem.newBuilder().setSku("SKU-1").setTitle("有机大米 5kg").setQuantity(2).setAnnouncedPrice(cny(6990)).setChargedPrice(cny(5990)))
                .addArtefacts(Artefact.newBuilder().setKind(Artefact.Kind.KIND_PRODUCT_PAGE_SNAPSHOT).setSha256(ByteString.copyFrom(new byte[32]))
                        .setUri("oss://evidence/pages/" + order + ".html").setMediaType("text/html"))
                .build();
    }

    private static Money cny(long fen) {
        return Money.newBuilder().setCurrencyCode("CNY").setAmountMinor(fen).build();
    }

    private static TrainingStatus status(LiveComplyClient client, String subject) {
        return client.training().getTrainingStatus(GetTrainingStatusRequest.newBuilder().setSubject(subject).build());
    }

    /** A complaint after a step, without what differs between runs or depends on the outbox's timing. */
    private static Complaint step(Complaint complaint) {
        Complaint.Builder kept = complaint.toBuilder().clearStatusToken().clearCreateTime().clearUpdateTime().clearCloseTime()
                .clearLegalHold().clearLegalHoldName().clearGradingSignal().clearClocks();
        complaint.getClocksList().forEach(clock -> kept.addClocks(clock.toBuilder().clearStopTime().clearDeadlineTime().clearPausedWorkingTime()));
        return kept.build();
    }

    private static long secondsToSixMonthsLater(Timestamp at) {
        Instant instant = Instant.ofEpochSecond(at.getSeconds());
        return Duration.between(instant, instant.atZone(CHINA).plusMonths(6).toInstant()).getSeconds();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    private static Date date(LocalDate day) {
        return Date.newBuilder().setYear(day.getYear()).setMonth(day.getMonthValue()).setDay(day.getDayOfMonth()).build();
    }

    private static List<byte[]> bytes(List<ByteString> hashes) {
        return hashes.stream().map(ByteString::toByteArray).toList();
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = FakesContractIT.class.getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
