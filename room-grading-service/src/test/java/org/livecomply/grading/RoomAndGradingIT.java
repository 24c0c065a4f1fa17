package org.livecomply.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.grading.GradingFixtures.READ;
import static org.livecomply.grading.GradingFixtures.WRITE;
import static org.livecomply.testsupport.StatusDetails.badFields;
import static org.livecomply.testsupport.StatusDetails.errorInfo;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.livecomply.api.grading.v1.CreateRoomRequest;
import org.livecomply.api.grading.v1.CreditRecord;
import org.livecomply.api.grading.v1.Evidence;
import org.livecomply.api.grading.v1.EvaluateRoomRequest;
import org.livecomply.api.grading.v1.GetRoomRequest;
import org.livecomply.api.grading.v1.GetViolationRequest;
import org.livecomply.api.grading.v1.GoodsCategory;
import org.livecomply.api.grading.v1.Grade;
import org.livecomply.api.grading.v1.GradeLevel;
import org.livecomply.api.grading.v1.ListGradesRequest;
import org.livecomply.api.grading.v1.ListRoomsRequest;
import org.livecomply.api.grading.v1.ListViolationsRequest;
import org.livecomply.api.grading.v1.MonitoringTrigger;
import org.livecomply.api.grading.v1.RecordCreditDataRequest;
import org.livecomply.api.grading.v1.RecordVerifiedComplaintRequest;
import org.livecomply.api.grading.v1.RecordViolationRequest;
import org.livecomply.api.grading.v1.ReportRoomMetricsRequest;
import org.livecomply.api.grading.v1.Room;
import org.livecomply.api.grading.v1.RoomMetrics;
import org.livecomply.api.grading.v1.Severity;
import org.livecomply.api.grading.v1.VerifiedComplaint;
import org.livecomply.api.grading.v1.Violation;
import org.livecomply.api.grading.v1.ViolationSource;
import org.livecomply.api.type.v1.Money;

/** Rooms, metrics, credit data, violations, verified complaints and the grade history they produce (Arts. 11, 20, 30–37). */
@MicronautTest(environments = "test")
class RoomAndGradingIT extends GradingApiTest {

    private Room get(Room room) {
        return client.as(READ).getRoom(GetRoomRequest.newBuilder().setName(room.getName()).build());
    }

    private List<Grade> grades(Room room) {
        return client.as(READ).listGrades(ListGradesRequest.newBuilder().setParent(room.getName()).build()).getGradesList();
    }

    @Test
    void aRoomIsGradedAtOnceAndLifeAndHealthGoodsSetMonitoringFromTheFirstDay() {
        Room apparel = fixtures.room(GoodsCategory.GOODS_CATEGORY_APPAREL);
        assertTrue(apparel.getName().matches("rooms/[0-9a-f-]{36}"));
        assertEquals(GradeLevel.GRADE_LEVEL_LOW_RISK, apparel.getGrade().getLevel());
        assertFalse(apparel.getGrade().getMonitoringRequired());
        assertEquals("gradingRulesets/1", apparel.getGrade().getRuleset(), "the shipped default is in force");
        assertEquals(apparel.getName() + "/grades/1", apparel.getGrade().getName());

        Room food = fixtures.room(GoodsCategory.GOODS_CATEGORY_APPAREL, GoodsCategory.GOODS_CATEGORY_FOOD);
        assertTrue(food.getLifeAndHealth());
        assertTrue(food.getGrade().getMonitoringRequired());
        assertEquals(MonitoringTrigger.MONITORING_TRIGGER_LIFE_AND_HEALTH_GOODS, food.getGrade().getMonitoringReasons(0).getTrigger());
        assertEquals("Art. 11 ¶1", food.getGrade().getMonitoringReasons(0).getArticle());
        assertTrue(client.as(READ).listRooms(ListRoomsRequest.newBuilder().setMonitoringRequiredOnly(true).setPageSize(200).build())
                .getRoomsList().stream().map(Room::getName).toList().contains(food.getName()));
        assertFalse(client.as(READ).listRooms(ListRoomsRequest.newBuilder().setMonitoringRequiredOnly(true).setPageSize(200).build())
                .getRoomsList().stream().map(Room::getName).toList().contains(apparel.getName()));
    }

    @Test
    void violationsRaiseTheGradeAndEveryChangeIsKeptWithItsExplanation() {
        Room room = fixtures.room();
        fixtures.violation(room, Severity.SEVERITY_GENERAL, TestClock.NOW.minus(Duration.ofDays(100)));
        assertEquals(1, grades(room).size(), "2 weighted points in 365 days change nothing: no new grade");
        Violation second = fixtures.violation(room, Severity.SEVERITY_GENERAL, TestClock.NOW.minus(Duration.ofDays(1)));
        assertEquals("Art. 34", second.getArticle());
        assertEquals("officer-test", second.getRecordedBy());

        Room graded = get(room);
        assertEquals(GradeLevel.GRADE_LEVEL_MEDIUM_RISK, graded.getGrade().getLevel(), "4 weighted points in 365 days");
        assertEquals("medium-violations-365d", graded.getGrade().getFiredRules(0).getRuleId());
        assertEquals(4, graded.getGrade().getInputs().getWeightedViolations365D());
        assertTrue(graded.getGrade().getExplanation().contains("medium-violations-365d"), graded.getGrade().getExplanation());
        assertTrue(graded.getGrade().getExplanation().contains("PIPL Art. 24"));

        fixtures.violation(room, Severity.SEVERITY_GRAVE, TestClock.NOW.minus(Duration.ofHours(1)));
        List<Grade> history = grades(room);
        assertEquals(List.of(GradeLevel.GRADE_LEVEL_HIGH_RISK, GradeLevel.GRADE_LEVEL_MEDIUM_RISK, GradeLevel.GRADE_LEVEL_LOW_RISK),
                history.stream().map(Grade::getLevel).toList(), "newest first");
        assertEquals(room.getName() + "/grades/3", history.get(0).getName());
        assertFalse(history.get(0).getMonitoringRequired(), "2 violations in 90 days: below the repeated-violations threshold of 3");
        fixtures.violation(room, Severity.SEVERITY_MINOR, TestClock.NOW);
        assertTrue(get(room).getGrade().getMonitoringRequired(), "3 violations in 90 days: repeated violations (Art. 11 ¶1)");
        assertEquals(MonitoringTrigger.MONITORING_TRIGGER_REPEATED_VIOLATIONS, get(room).getGrade().getMonitoringReasons(0).getTrigger());

        clock.advance(Duration.ofDays(90));
        Grade later = client.as(WRITE).evaluateRoom(EvaluateRoomRequest.newBuilder().setRoom(room.getName()).build());
        assertEquals(GradeLevel.GRADE_LEVEL_MEDIUM_RISK, later.getLevel(), "the 90-day window moved past the grave violation");
        assertFalse(later.getMonitoringRequired());
    }

    @Test
    void metricsAndCreditDataFeedTheGrade() {
        Room room = fixtures.room();
        Room measured = client.as(WRITE).reportRoomMetrics(ReportRoomMetricsRequest.newBuilder().setRoom(room.getName())
                .setMetrics(RoomMetrics.newBuilder().setFollowers(1_000_000).setVisits30D(5_000_000)
                        .setGmv30D(Money.newBuilder().setCurrencyCode("CNY").setAmountMinor(12_345_600)).setOrders30D(4_000)
                        .setMarketerInfluence(20_000).setMeasureTime(GradingFixtures.timestamp(TestClock.NOW))).build());
        assertEquals(1_000_000, measured.getMetrics().getFollowers());
        assertEquals(12_345_600, measured.getMetrics().getGmv30D().getAmountMinor());
        assertTrue(measured.getGrade().getMonitoringRequired());
        assertEquals(MonitoringTrigger.MONITORING_TRIGGER_MANY_FOLLOWERS, measured.getGrade().getMonitoringReasons(0).getTrigger());

        Room listed = client.as(WRITE).recordCreditData(RecordCreditDataRequest.newBuilder().setRoom(room.getName())
                .setCredit(CreditRecord.newBuilder().setSeriousDishonestyListed(true).setSource("national credit publicity system")
                        .setAsOfTime(GradingFixtures.timestamp(TestClock.NOW))).build());
        assertEquals(GradeLevel.GRADE_LEVEL_CRITICAL_RISK, listed.getGrade().getLevel());
        Room repaired = client.as(WRITE).recordCreditData(RecordCreditDataRequest.newBuilder().setRoom(room.getName())
                .setCredit(CreditRecord.newBuilder().setSeriousDishonestyListed(true).setCreditRepaired(true).setSource("national credit publicity system")
                        .setAsOfTime(GradingFixtures.timestamp(TestClock.NOW))).build());
        assertEquals(GradeLevel.GRADE_LEVEL_LOW_RISK, repaired.getGrade().getLevel(), "credit repair (Art. 11 ¶2)");
        assertEquals(4, grades(room).size());
    }

    @Test
    void verifiedComplaintsCountOnceByComplaintIdAndConcentratedOnesSetMonitoring() {
        Room room = fixtures.room();
        VerifiedComplaint first = null;
        for (int i = 0; i < 10; i++) {
            VerifiedComplaint recorded = complaint(room, "c-" + room.getName().substring(6, 14) + "-" + i);
            first = first == null ? recorded : first;
        }
        VerifiedComplaint firstRecorded = first;
        VerifiedComplaint again = complaint(room, firstRecorded.getComplaintId());
        assertEquals(firstRecorded, again, "the same complaint again returns the first record");
        Room graded = get(room);
        assertEquals(10, graded.getGrade().getInputs().getVerifiedComplaints30D());
        assertTrue(graded.getGrade().getMonitoringReasonsList().stream()
                .anyMatch(r -> r.getTrigger() == MonitoringTrigger.MONITORING_TRIGGER_CONCENTRATED_COMPLAINTS && r.getArticle().equals("Art. 20")));
        assertEquals(GradeLevel.GRADE_LEVEL_HIGH_RISK, graded.getGrade().getLevel(), "Art. 20 ¶3: verified complaints count");

        StatusRuntimeException changed = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).recordVerifiedComplaint(
                RecordVerifiedComplaintRequest.newBuilder().setParent(room.getName()).setVerifiedComplaint(firstRecorded.toBuilder().setSummary("other")).build()));
        assertEquals(Status.Code.ALREADY_EXISTS, changed.getStatus().getCode());
        assertEquals("COMPLAINT_ALREADY_RECORDED", errorInfo(changed).getReason());
    }

    private VerifiedComplaint complaint(Room room, String id) {
        return client.as(WRITE).recordVerifiedComplaint(RecordVerifiedComplaintRequest.newBuilder().setParent(room.getName())
                .setVerifiedComplaint(VerifiedComplaint.newBuilder().setComplaintId(id).setSummary("goods not as described")
                        .setVerifyTime(GradingFixtures.timestamp(TestClock.NOW.minus(Duration.ofDays(1))))).build());
    }

    @Test
    void aRegulatorNoticeIsDueForDisposalWithinThreeWorkingDaysAndListsAsUndisposed() {
        Room room = fixtures.room();
        Violation notice = fixtures.violation(room, GradingFixtures.violationInput(Severity.SEVERITY_SERIOUS, TestClock.NOW)
                .setSource(ViolationSource.VIOLATION_SOURCE_REGULATOR_NOTICE).setRegulatorReference("杭市监2026-118")
                .addEvidence(Evidence.newBuilder().setArchiveLeafIndex(42)));
        // Sunday 2026-11-29 10:00 China: three working days later is Wednesday 2 December, due by its end.
        assertEquals(java.time.Instant.parse("2026-12-02T16:00:00Z"), GradingFixtures.instant(notice.getDisposalDueTime()));
        assertEquals(42, notice.getEvidence(1).getArchiveLeafIndex());
        assertEquals(notice, client.as(READ).getViolation(GetViolationRequest.newBuilder().setName(notice.getName()).build()));
        assertEquals(List.of(notice.getName()), client.as(READ).listViolations(ListViolationsRequest.newBuilder().setParent(room.getName())
                .setUndisposedOnly(true).build()).getViolationsList().stream().map(Violation::getName).toList());
    }

    @Test
    void aRetryWithTheSameRequestIdRecordsOneViolation() throws SQLException {
        Room room = fixtures.room();
        RecordViolationRequest request = RecordViolationRequest.newBuilder().setRequestId("retry-" + room.getName().substring(6, 20))
                .setParent(room.getName()).setViolation(GradingFixtures.violationInput(Severity.SEVERITY_MINOR, TestClock.NOW)).build();
        Violation first = client.as(WRITE).recordViolation(request);
        assertEquals(first, client.as(WRITE).recordViolation(request));
        assertEquals("1", text("SELECT COUNT(*) FROM violations v JOIN rooms r ON r.seq = v.room_seq WHERE r.resource_id = '"
                + room.getName().substring(6) + "'"));
    }

    @Test
    void badInputIsRefusedFieldByFieldAndStoresNothing() throws SQLException {
        String before = text("SELECT COUNT(*) FROM rooms");
        StatusRuntimeException room = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).createRoom(CreateRoomRequest.newBuilder()
                .setRoom(Room.newBuilder().setRoomOperator("operators/x").setLiveAccountId("has space").setDisplayName("x".repeat(101))
                        .addGoodsCategories(GoodsCategory.GOODS_CATEGORY_FOOD).addGoodsCategories(GoodsCategory.GOODS_CATEGORY_FOOD)
                        .addGoodsCategoriesValue(99)).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, room.getStatus().getCode());
        assertEquals(List.of("room.room_operator", "room.live_account_id", "room.display_name", "room.goods_categories[1]",
                "room.goods_categories[2]"), badFields(room));
        assertEquals(before, text("SELECT COUNT(*) FROM rooms"));

        Room valid = fixtures.room();
        Map<String, Violation.Builder> bad = Map.of(
                "violation.red_line", GradingFixtures.violationInput(Severity.SEVERITY_MINOR, TestClock.NOW).clearRedLine(),
                "violation.severity", GradingFixtures.violationInput(Severity.SEVERITY_UNSPECIFIED, TestClock.NOW),
                "violation.description", GradingFixtures.violationInput(Severity.SEVERITY_MINOR, TestClock.NOW).setDescription(""),
                "violation.evidence", GradingFixtures.violationInput(Severity.SEVERITY_MINOR, TestClock.NOW).clearEvidence(),
                "violation.evidence[0].artefact_sha256", GradingFixtures.violationInput(Severity.SEVERITY_MINOR, TestClock.NOW)
                        .setEvidence(0, Evidence.newBuilder().setArtefactSha256("ABC")),
                "violation.occur_time", GradingFixtures.violationInput(Severity.SEVERITY_MINOR, TestClock.NOW.plus(Duration.ofDays(1))),
                "violation.marketer", GradingFixtures.violationInput(Severity.SEVERITY_MINOR, TestClock.NOW).setMarketer("someone"),
                "violation.session_id", GradingFixtures.violationInput(Severity.SEVERITY_MINOR, TestClock.NOW).setSessionId("a b"),
                "violation.regulator_reference", GradingFixtures.violationInput(Severity.SEVERITY_MINOR, TestClock.NOW)
                        .setSource(ViolationSource.VIOLATION_SOURCE_REGULATOR_NOTICE));
        bad.forEach((field, input) -> {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> fixtures.violation(valid, input));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), field);
            assertEquals(List.of(field), badFields(e), field);
        });
        assertEquals(0, client.as(READ).listViolations(ListViolationsRequest.newBuilder().setParent(valid.getName()).build()).getViolationsCount());

        StatusRuntimeException metrics = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).reportRoomMetrics(
                ReportRoomMetricsRequest.newBuilder().setRoom(valid.getName()).setMetrics(RoomMetrics.newBuilder().setFollowers(-1)
                        .setGmv30D(Money.newBuilder().setCurrencyCode("USD").setAmountMinor(5))).build()));
        assertEquals(List.of("metrics.gmv_30d.currency_code", "metrics.followers", "metrics.measure_time"), badFields(metrics));
        StatusRuntimeException unknownRoom = assertThrows(StatusRuntimeException.class, () -> client.as(READ).getRoom(
                GetRoomRequest.newBuilder().setName("rooms/00000000-0000-4000-8000-000000000000").build()));
        assertEquals(Status.Code.NOT_FOUND, unknownRoom.getStatus().getCode());
        assertEquals("ROOM_NOT_FOUND", errorInfo(unknownRoom).getReason());
        StatusRuntimeException malformed = assertThrows(StatusRuntimeException.class, () -> client.as(READ).getRoom(
                GetRoomRequest.newBuilder().setName("rooms/1").build()));
        assertEquals(List.of("name"), badFields(malformed));
    }

    @Test
    void aLiveAccountHasOneRoomAndCallersNeedTheRightScope() {
        Room.Builder input = GradingFixtures.roomInput();
        fixtures.room(input);
        StatusRuntimeException twice = assertThrows(StatusRuntimeException.class, () -> fixtures.room(input));
        assertEquals(Status.Code.ALREADY_EXISTS, twice.getStatus().getCode());
        assertEquals("ROOM_ALREADY_EXISTS", errorInfo(twice).getReason());

        StatusRuntimeException readOnly = assertThrows(StatusRuntimeException.class, () -> client.as(READ).createRoom(
                CreateRoomRequest.newBuilder().setRoom(GradingFixtures.roomInput()).build()));
        assertEquals(Status.Code.PERMISSION_DENIED, readOnly.getStatus().getCode());
        assertEquals(WRITE, errorInfo(readOnly).getMetadataOrThrow("required_scope"));
        StatusRuntimeException anonymous = assertThrows(StatusRuntimeException.class, () -> client.anonymous().listRooms(
                ListRoomsRequest.getDefaultInstance()));
        assertEquals(Status.Code.UNAUTHENTICATED, anonymous.getStatus().getCode());
        assertEquals("grading.livecomply", errorInfo(anonymous).getDomain());
    }
}
