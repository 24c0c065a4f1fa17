package org.livecomply.sdk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.sdk.testing.FakeSupport.badFields;
import static org.livecomply.sdk.testing.FakeSupport.errorInfo;
import static org.livecomply.sdk.testing.FakeSupport.refused;
import static org.livecomply.sdk.testing.FakeSupport.requestId;
import static org.livecomply.sdk.testing.FakeSupport.timestamp;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.livecomply.api.grading.v1.CheckGoLiveEligibilityRequest;
import org.livecomply.api.grading.v1.CreateRoomRequest;
import org.livecomply.api.grading.v1.Evidence;
import org.livecomply.api.grading.v1.GetRoomRequest;
import org.livecomply.api.grading.v1.GetViolationRequest;
import org.livecomply.api.grading.v1.GoLiveDecision;
import org.livecomply.api.grading.v1.GoLiveReason;
import org.livecomply.api.grading.v1.GoodsCategory;
import org.livecomply.api.grading.v1.ListRoomsRequest;
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
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.api.identity.v1.SubmitSessionRosterRequest;
import org.livecomply.sdk.LiveComplyClient;

class FakeRoomGradingTest {

    private final FakeSupport.TestClock clock = new FakeSupport.TestClock(Instant.parse("2026-09-30T04:00:00Z"));
    private final LiveComplyFakes fakes = LiveComplyFakes.start(clock);
    private final LiveComplyClient client = fakes.client();

    @AfterEach
    void stop() {
        fakes.close();
    }

    private Room room(String operator, GoodsCategory... categories) {
        return client.roomGrading().createRoom(CreateRoomRequest.newBuilder().setRoom(Room.newBuilder().setRoomOperator(operator)
                .setLiveAccountId("acct-" + requestId().substring(0, 8)).setDisplayName("示例直播间").addAllGoodsCategories(List.of(categories))).build());
    }

    @Test
    void aRoomIsCreatedOncePerLiveAccountAndBadInputIsRefusedFieldByField() {
        Room created = room("roomOperators/11111111-2222-3333-4444-555555555555", GoodsCategory.GOODS_CATEGORY_FOOD, GoodsCategory.GOODS_CATEGORY_APPAREL);

        assertTrue(created.getLifeAndHealth());
        assertFalse(created.hasGrade(), "the fake grades no room");
        assertEquals(created, client.roomGrading().getRoom(GetRoomRequest.newBuilder().setName(created.getName()).build()));
        assertEquals(1, client.roomGrading().listRooms(ListRoomsRequest.getDefaultInstance()).getRoomsCount());
        StatusRuntimeException taken = refused(Status.Code.ALREADY_EXISTS, () -> client.roomGrading().createRoom(CreateRoomRequest.newBuilder()
                .setRoom(Room.newBuilder().setRoomOperator(created.getRoomOperator()).setLiveAccountId(created.getLiveAccountId())
                        .addGoodsCategories(GoodsCategory.GOODS_CATEGORY_HOME)).build()));
        assertEquals("ROOM_ALREADY_EXISTS", errorInfo(taken).getReason());
        StatusRuntimeException bad = refused(Status.Code.INVALID_ARGUMENT, () -> client.roomGrading().createRoom(CreateRoomRequest.newBuilder()
                .setRoom(Room.newBuilder().setRoomOperator("operators/1").setLiveAccountId("a b").addGoodsCategories(GoodsCategory.GOODS_CATEGORY_HOME)
                        .addGoodsCategories(GoodsCategory.GOODS_CATEGORY_HOME)).build()));
        assertEquals(List.of("room.room_operator", "room.live_account_id", "room.goods_categories[1]"), badFields(bad));
        assertEquals("NOT_FAKED", errorInfo(refused(Status.Code.UNIMPLEMENTED, () -> client.roomGrading().listRooms(
                ListRoomsRequest.newBuilder().setMonitoringRequiredOnly(true).build()))).getReason());
    }

    @Test
    void theGateDeniesWithEveryReasonOfTheFactsHeldThenAllows() {
        RoomOperator operator = client.identity().createRoomOperator(CreateRoomOperatorRequest.newBuilder().setRoomOperator(FakeSupport.entity()).build());
        Marketer marketer = client.identity().createMarketer(CreateMarketerRequest.newBuilder()
                .setMarketer(FakeSupport.marketer(LocalDate.of(1990, 3, 3))).build());
        Room room = room(operator.getName(), GoodsCategory.GOODS_CATEGORY_GENERAL);
        String unknown = "marketers/00000000-0000-0000-0000-000000000000";
        CheckGoLiveEligibilityRequest ask = CheckGoLiveEligibilityRequest.newBuilder().setRoom(room.getName()).setSessionId("s-1")
                .addMarketers(marketer.getName()).build();

        GoLiveDecision denied = client.roomGrading().checkGoLiveEligibility(ask.toBuilder().addMarketers(unknown).build());
        assertEquals(GoLiveDecision.Outcome.OUTCOME_DENIED, denied.getOutcome());
        assertEquals(List.of("ROOM_OPERATOR_NOT_VERIFIED", "SESSION_ROSTER_NOT_FOUND",
                "MARKETER_NOT_VERIFIED", "PRE_SERVICE_TRAINING_MISSING", "ANNUAL_TRAINING_MISSING",
                "MARKETER_NOT_REGISTERED", "PRE_SERVICE_TRAINING_MISSING", "ANNUAL_TRAINING_MISSING"),
                denied.getReasonsList().stream().map(GoLiveReason::getCode).toList());
        assertEquals("Art. 8 ¶1", denied.getReasons(0).getArticle());
        assertEquals(operator.getName(), denied.getReasons(0).getSubject());

        fakes.identity().markVerified(operator.getName());
        fakes.identity().markVerified(marketer.getName());
        fakes.training().markTrained(marketer.getName());
        client.identity().submitSessionRoster(SubmitSessionRosterRequest.newBuilder().setRoomOperator(operator.getName()).setSessionId("s-1")
                .addMarketers(marketer.getName()).build());
        GoLiveDecision allowed = client.roomGrading().checkGoLiveEligibility(ask);
        assertEquals(GoLiveDecision.Outcome.OUTCOME_ALLOWED, allowed.getOutcome(), allowed.toString());

        fakes.identity().suspend(marketer.getName());
        assertEquals(List.of("MARKETER_SUSPENDED"), client.roomGrading().checkGoLiveEligibility(ask).getReasonsList().stream()
                .map(GoLiveReason::getCode).toList());
        fakes.identity().reinstate(marketer.getName());
        clock.advance(Duration.ofDays(31));
        assertEquals(List.of("MARKETER_VERIFICATION_STALE"), client.roomGrading().checkGoLiveEligibility(ask).getReasonsList().stream()
                .map(GoLiveReason::getCode).toList());
    }

    @Test
    void badGateQuestionsAreRefusedAndAnUnknownRoomIsNotFound() {
        StatusRuntimeException bad = refused(Status.Code.INVALID_ARGUMENT, () -> client.roomGrading().checkGoLiveEligibility(
                CheckGoLiveEligibilityRequest.newBuilder().setRoom("rooms/x").setSessionId("bad session").build()));
        assertEquals(List.of("room", "session_id", "marketers"), badFields(bad));
        StatusRuntimeException unknown = refused(Status.Code.NOT_FOUND, () -> client.roomGrading().checkGoLiveEligibility(
                CheckGoLiveEligibilityRequest.newBuilder().setRoom("rooms/00000000-0000-0000-0000-000000000000").setSessionId("s")
                        .addMarketers("marketers/00000000-0000-0000-0000-000000000000").build()));
        assertEquals("ROOM_NOT_FOUND", errorInfo(unknown).getReason());
    }

    @Test
    void aRegulatorNoticeIsDueThreeWorkingDaysLaterOnThePrcCalendar() {
        Room room = room("roomOperators/11111111-2222-3333-4444-555555555555", GoodsCategory.GOODS_CATEGORY_GENERAL);
        Violation.Builder violation = Violation.newBuilder().setRedLine(RedLine.RED_LINE_FALSE_CLAIM).setSeverity(Severity.SEVERITY_SERIOUS)
                .setSource(ViolationSource.VIOLATION_SOURCE_REGULATOR_NOTICE).setRegulatorReference("杭市监〔2026〕12号")
                .setDescription("claimed a cure").addEvidence(Evidence.newBuilder().setArchiveLeafIndex(7)).setOccurTime(timestamp(clock.instant()));

        Violation recorded = client.roomGrading().recordViolation(RecordViolationRequest.newBuilder().setParent(room.getName())
                .setViolation(violation).build());

        assertEquals("Art. 34", recorded.getArticle());
        // Wed 30 Sep; 1-7 Oct National Day; Thu 8, Fri 9 and the make-up Saturday 10 Oct are the three working days.
        assertEquals(timestamp(Instant.parse("2026-10-10T16:00:00Z")), recorded.getDisposalDueTime());
        assertEquals(recorded, client.roomGrading().getViolation(GetViolationRequest.newBuilder().setName(recorded.getName()).build()));
        assertEquals(List.of(recorded), client.roomGrading().listViolations(ListViolationsRequest.newBuilder().setParent(room.getName()).build())
                .getViolationsList());
        StatusRuntimeException bad = refused(Status.Code.INVALID_ARGUMENT, () -> client.roomGrading().recordViolation(RecordViolationRequest
                .newBuilder().setParent(room.getName()).setViolation(violation.clone().clearEvidence().clearRegulatorReference()
                        .setSource(ViolationSource.VIOLATION_SOURCE_PATROL).setRegulatorReference("x")).build()));
        assertEquals(List.of("violation.evidence", "violation.regulator_reference"), badFields(bad));
        assertEquals("ROOM_NOT_FOUND", errorInfo(refused(Status.Code.NOT_FOUND, () -> client.roomGrading().recordViolation(
                RecordViolationRequest.newBuilder().setParent("rooms/00000000-0000-0000-0000-000000000000").setViolation(violation).build())))
                .getReason());
    }

    @Test
    void aVerifiedComplaintCountsOnceByItsIdAndOtherContentUnderTheIdIsRefused() {
        Room room = room("roomOperators/11111111-2222-3333-4444-555555555555", GoodsCategory.GOODS_CATEGORY_GENERAL);
        RecordVerifiedComplaintRequest request = RecordVerifiedComplaintRequest.newBuilder().setParent(room.getName())
                .setVerifiedComplaint(VerifiedComplaint.newBuilder().setComplaintId("C20260930-7KQ4XP").setSummary("QUALITY: refunded")
                        .setVerifyTime(timestamp(clock.instant()))).build();

        VerifiedComplaint first = client.roomGrading().recordVerifiedComplaint(request);
        VerifiedComplaint again = client.roomGrading().recordVerifiedComplaint(request);
        StatusRuntimeException other = refused(Status.Code.ALREADY_EXISTS, () -> client.roomGrading().recordVerifiedComplaint(request.toBuilder()
                .setVerifiedComplaint(request.getVerifiedComplaint().toBuilder().setSummary("other")).build()));

        assertEquals(room.getName() + "/verifiedComplaints/C20260930-7KQ4XP", first.getName());
        assertEquals(first, again);
        assertEquals("COMPLAINT_ALREADY_RECORDED", errorInfo(other).getReason());
        assertEquals(List.of(first), fakes.roomGrading().verifiedComplaints(room.getName()));
    }
}
