package org.livecomply.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.training.TrainingFixtures.passing;
import static org.livecomply.training.TrainingFixtures.timestamp;
import static org.livecomply.training.TrainingServiceClient.READ;
import static org.livecomply.training.TrainingServiceClient.WRITE;
import static org.livecomply.testsupport.StatusDetails.badFields;
import static org.livecomply.testsupport.StatusDetails.errorInfo;
import static org.livecomply.testsupport.StatusDetails.preconditionFailure;

import com.google.rpc.PreconditionFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.McnInstitution;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.api.training.v1.Certificate;
import org.livecomply.api.training.v1.Course;
import org.livecomply.api.training.v1.GetTrainingRecordRequest;
import org.livecomply.api.training.v1.IdentityCheck;
import org.livecomply.api.training.v1.ListTrainingRecordsRequest;
import org.livecomply.api.training.v1.ListTrainingRefusalsRequest;
import org.livecomply.api.training.v1.RecordTrainingRefusalRequest;
import org.livecomply.api.training.v1.RecordTrainingRequest;
import org.livecomply.api.training.v1.TrainingRecord;
import org.livecomply.api.training.v1.TrainingRefusal;
import org.livecomply.api.training.v1.VerifyCertificateRequest;
import org.livecomply.api.training.v1.VoidTrainingRecordRequest;

/**
 * Training records as append-only statements (Art. 10): plausibility (no faked training, T-3), the
 * subject checked with the real identity-service, MCN issuers (Arts. 38, 41), certificates, voids,
 * refusals, bad input field by field.
 */
@MicronautTest(environments = "test")
class TrainingRecordIT extends TrainingApiTest {

    private TrainingFixtures.Catalogue catalogue;
    private Instant completed;

    @BeforeAll
    void publishCatalogue() {
        catalogue = fixtures.catalogue();
        completed = TestClock.NOW.minus(Duration.ofHours(1));
    }

    @Test
    void aPassingRecordGetsACertificateThatVerifiesUntilTheRecordIsVoided() {
        Marketer marketer = identity.marketer();
        TrainingRecord recorded = fixtures.pass(marketer.getName(), catalogue.preServiceLaw(), completed);
        assertTrue(recorded.getName().matches("trainingRecords/[0-9a-f-]{36}"), recorded.getName());
        assertTrue(recorded.getPassed());
        assertEquals(TrainingRecord.State.STATE_ACTIVE, recorded.getState());
        assertEquals("platform-test", recorded.getRecordedBy());
        assertTrue(recorded.getCertificateId().matches("([A-Z2-7]{4}-){7}[A-Z2-7]{4}"), recorded.getCertificateId());
        assertEquals(recorded, client.as(READ).getTrainingRecord(GetTrainingRecordRequest.newBuilder().setName(recorded.getName()).build()));

        String typed = recorded.getCertificateId().replace("-", " ").toLowerCase();
        Certificate valid = client.as(READ).verifyCertificate(VerifyCertificateRequest.newBuilder().setCertificateId(typed).build());
        assertEquals(Certificate.State.STATE_VALID, valid.getState());
        assertEquals(recorded, valid.getTrainingRecord());
        assertEquals(recorded.getCertificateId(), valid.getCertificateId());

        TrainingRecord voided = client.as(WRITE).voidTrainingRecord(VoidTrainingRecordRequest.newBuilder().setName(recorded.getName())
                .setReason("the face check matched another person").build());
        assertEquals(TrainingRecord.State.STATE_VOIDED, voided.getState());
        assertEquals("the face check matched another person", voided.getVoidReason());
        assertEquals(recorded.getCertificateId(), voided.getCertificateId(), "the statement itself is kept");
        assertEquals(Certificate.State.STATE_VOIDED, client.as(READ).verifyCertificate(VerifyCertificateRequest.newBuilder()
                .setCertificateId(recorded.getCertificateId()).build()).getState());

        StatusRuntimeException twice = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).voidTrainingRecord(
                VoidTrainingRecordRequest.newBuilder().setName(recorded.getName()).setReason("again").build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, twice.getStatus().getCode());
        assertEquals("TRAINING_RECORD_ALREADY_VOIDED", errorInfo(twice).getReason());
    }

    @Test
    void aFailingScoreIsRecordedWithoutACertificate() {
        Marketer marketer = identity.marketer();
        TrainingRecord failed = fixtures.record(passing(marketer.getName(), catalogue.preServiceLaw(), completed)
                .setScore(TrainingFixtures.PASS_SCORE - 1));
        assertFalse(failed.getPassed());
        assertEquals("", failed.getCertificateId());
        TrainingRecord passed = fixtures.record(passing(marketer.getName(), catalogue.preServiceLaw(), completed)
                .setScore(TrainingFixtures.PASS_SCORE));
        assertTrue(passed.getPassed(), "the pass score itself passes");
    }

    @Test
    void aCertificateWhoseRecordWasAlteredInTheDatabaseNoLongerVerifies() throws Exception {
        TrainingRecord recorded = fixtures.pass(identity.marketer().getName(), catalogue.preServiceQuality(), completed);
        String id = recorded.getName().substring("trainingRecords/".length());
        execute("UPDATE training_records SET score = 100 WHERE resource_id = '" + id + "'");
        Certificate altered = client.as(READ).verifyCertificate(VerifyCertificateRequest.newBuilder()
                .setCertificateId(recorded.getCertificateId()).build());
        assertEquals(Certificate.State.STATE_ALTERED, altered.getState());

        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> client.as(READ).verifyCertificate(
                VerifyCertificateRequest.newBuilder().setCertificateId("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH").build()));
        assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
        assertEquals("CERTIFICATE_NOT_FOUND", errorInfo(unknown).getReason());
        StatusRuntimeException malformed = assertThrows(StatusRuntimeException.class, () -> client.as(READ).verifyCertificate(
                VerifyCertificateRequest.newBuilder().setCertificateId("0000-1111").build()));
        assertEquals(List.of("certificate_id"), badFields(malformed));
    }

    @Test
    void trainingFasterThanTheCourseAllowsIsRefusedAsFaked() throws Exception {
        String marketer = identity.marketer().getName();
        Course course = catalogue.preServiceLaw();
        long before = count("SELECT COUNT(*) FROM training_records");

        // Completed 29 minutes after starting; the course takes at least 30.
        StatusRuntimeException tooFast = assertThrows(StatusRuntimeException.class, () -> fixtures.record(passing(marketer, course, completed)
                .setStartTime(timestamp(completed.minus(Duration.ofMinutes(29))))
                .setWatchedDuration(com.google.protobuf.Duration.newBuilder().setSeconds(29 * 60))
                .setIdentityCheck(check(completed.minus(Duration.ofMinutes(10))))));
        assertEquals(Status.Code.FAILED_PRECONDITION, tooFast.getStatus().getCode());
        assertEquals("TRAINING_DURATION_IMPLAUSIBLE", errorInfo(tooFast).getReason());
        PreconditionFailure.Violation violation = preconditionFailure(tooFast).getViolations(0);
        assertTrue(violation.getDescription().startsWith("Art. 10 ¶1"), violation.getDescription());
        assertEquals(marketer, violation.getSubject());

        // Forty minutes elapsed but only 29 watched.
        StatusRuntimeException watchedTooLittle = assertThrows(StatusRuntimeException.class, () -> fixtures.record(passing(marketer, course, completed)
                .setWatchedDuration(com.google.protobuf.Duration.newBuilder().setSeconds(29 * 60 + 59))));
        assertEquals("TRAINING_DURATION_IMPLAUSIBLE", errorInfo(watchedTooLittle).getReason());

        // Exactly the minimum is plausible.
        fixtures.record(passing(marketer, course, completed).setWatchedDuration(com.google.protobuf.Duration.newBuilder().setSeconds(30 * 60)));
        assertEquals(before + 1, count("SELECT COUNT(*) FROM training_records"), "only the plausible statement is stored");
    }

    @Test
    void impossibleStatementsAreRefusedFieldByFieldAndNothingIsStored() throws Exception {
        String marketer = identity.marketer().getName();
        Course course = catalogue.preServiceLaw();
        long before = count("SELECT COUNT(*) FROM training_records");
        Map<String, UnaryOperator<TrainingRecord.Builder>> bad = new LinkedHashMap<>();
        bad.put("training_record.complete_time", r -> r.setStartTime(timestamp(completed.plusSeconds(1))));
        bad.put("training_record.score", r -> r.setScore(101));
        bad.put("training_record.identity_check", TrainingRecord.Builder::clearIdentityCheck);
        bad.put("training_record.identity_check.check_time", r -> r.setIdentityCheck(check(completed.plusSeconds(60))));
        bad.put("training_record.identity_check.method", r -> r.setIdentityCheck(check(completed.minusSeconds(60))
                .setMethod(IdentityCheck.Method.METHOD_UNSPECIFIED)));
        bad.put("training_record.identity_check.reference", r -> r.setIdentityCheck(check(completed.minusSeconds(60)).setReference("")));
        bad.put("training_record.watched_duration", r -> r.setWatchedDuration(com.google.protobuf.Duration.newBuilder().setSeconds(41 * 60)));
        bad.put("training_record.subject", r -> r.setSubject("users/42"));
        bad.put("training_record.course", r -> r.setCourse("courses/ps law/versions/1"));
        bad.put("training_record.issuer", r -> r.setIssuer("mcnInstitutions/x"));
        bad.put("training_record.start_time", TrainingRecord.Builder::clearStartTime);
        bad.put("training_record.complete_time ", r -> r.setCompleteTime(timestamp(TestClock.NOW.plus(Duration.ofHours(1))))
                .setStartTime(timestamp(TestClock.NOW.plus(Duration.ofMinutes(10))))
                .setIdentityCheck(check(TestClock.NOW.plus(Duration.ofMinutes(30)))));
        bad.put("training_record.complete_time  ", r -> r.setCompleteTime(timestamp(TestClock.NOW.minus(Duration.ofDays(367))))
                .setStartTime(timestamp(TestClock.NOW.minus(Duration.ofDays(367)).minus(Duration.ofMinutes(40))))
                .setIdentityCheck(check(TestClock.NOW.minus(Duration.ofDays(367)).minus(Duration.ofMinutes(20)))));
        bad.forEach((field, change) -> {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> fixtures.record(change.apply(passing(marketer, course, completed))));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), field);
            assertEquals(List.of(field.strip()), badFields(e), field);
        });
        StatusRuntimeException everything = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).recordTraining(
                RecordTrainingRequest.newBuilder().setRequestId("no spaces allowed").setTrainingRecord(TrainingRecord.newBuilder()
                        .setScore(-1)).build()));
        assertEquals(List.of("request_id", "training_record.subject", "training_record.course", "training_record.issuer",
                "training_record.start_time", "training_record.complete_time", "training_record.watched_duration", "training_record.score",
                "training_record.identity_check"), badFields(everything));
        assertEquals(List.of("training_record"), badFields(assertThrows(StatusRuntimeException.class, () -> client.as(WRITE)
                .recordTraining(RecordTrainingRequest.newBuilder().setRequestId("r-1").build()))));
        assertEquals(before, count("SELECT COUNT(*) FROM training_records"));
    }

    @Test
    void aRecordNeedsAPublishedCourseInForceForTheSubjectsAudience() throws Exception {
        Marketer marketer = identity.marketer();
        Course draft = fixtures.draft("DRAFT-ONLY", org.livecomply.api.training.v1.Audience.AUDIENCE_MARKETER, Course.Kind.KIND_ANNUAL,
                org.livecomply.api.training.v1.Topic.TOPIC_PLATFORM_RULES);
        StatusRuntimeException notPublished = assertThrows(StatusRuntimeException.class, () -> fixtures.pass(marketer.getName(), draft, completed));
        assertEquals("COURSE_NOT_IN_FORCE", errorInfo(notPublished).getReason());

        StatusRuntimeException beforeEffective = assertThrows(StatusRuntimeException.class, () -> fixtures.record(passing(marketer.getName(),
                catalogue.preServiceLaw(), java.time.LocalDate.of(2025, 12, 31).atTime(23, 0).atZone(java.time.ZoneId.of("Asia/Shanghai"))
                        .toInstant())));
        assertEquals("COURSE_NOT_IN_FORCE", errorInfo(beforeEffective).getReason(), "the course starts on 2026-01-01 China time");

        RoomOperator operator = identity.roomOperator();
        StatusRuntimeException wrongAudience = assertThrows(StatusRuntimeException.class, () -> fixtures.pass(operator.getName(),
                catalogue.preServiceLaw(), completed));
        assertEquals(Status.Code.FAILED_PRECONDITION, wrongAudience.getStatus().getCode());
        assertEquals("COURSE_AUDIENCE_MISMATCH", errorInfo(wrongAudience).getReason());

        StatusRuntimeException unknownCourse = assertThrows(StatusRuntimeException.class, () -> fixtures.record(passing(marketer.getName(),
                catalogue.preServiceLaw(), completed).setCourse("courses/PS-LAW/versions/9")));
        assertEquals(Status.Code.NOT_FOUND, unknownCourse.getStatus().getCode());
        assertEquals("COURSE_NOT_FOUND", errorInfo(unknownCourse).getReason());
        assertEquals(0, count("SELECT COUNT(*) FROM training_records WHERE subject = '" + marketer.getName() + "'"));
    }

    @Test
    void aSubjectIdentityDoesNotKnowIsRefusedAndNothingIsStored() throws Exception {
        long before = count("SELECT COUNT(*) FROM training_records");
        String unknown = "marketers/00000000-0000-4000-8000-000000000000";
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> fixtures.pass(unknown, catalogue.preServiceLaw(), completed));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
        assertEquals("SUBJECT_NOT_FOUND", errorInfo(e).getReason());
        assertEquals(unknown, errorInfo(e).getMetadataMap().get("resource_name"));
        assertEquals("training.livecomply", errorInfo(e).getDomain());
        assertEquals(before, count("SELECT COUNT(*) FROM training_records"));
    }

    @Test
    void anMcnStatesTrainingOnlyForItselfAndItsOwnMarketers() {
        McnInstitution mcn = identity.mcn();
        Marketer own = identity.marketer(mcn.getName());
        Marketer independent = identity.marketer();
        TrainingRecord byMcn = fixtures.record(passing(own.getName(), catalogue.preServiceLaw(), completed).setIssuer(mcn.getName()));
        assertEquals(mcn.getName(), byMcn.getIssuer());
        fixtures.record(passing(mcn.getName(), catalogue.annualMcn(), completed).setIssuer(mcn.getName()));

        StatusRuntimeException foreign = assertThrows(StatusRuntimeException.class, () -> fixtures.record(
                passing(independent.getName(), catalogue.preServiceLaw(), completed).setIssuer(mcn.getName())));
        assertEquals(Status.Code.FAILED_PRECONDITION, foreign.getStatus().getCode());
        assertEquals("ISSUER_NOT_SUBJECTS_MCN", errorInfo(foreign).getReason());
        assertTrue(preconditionFailure(foreign).getViolations(0).getDescription().startsWith("Arts. 38, 41"));
    }

    @Test
    void aRetryWithTheSameRequestIdReturnsTheFirstRecordAndStoresNothingNew() throws Exception {
        String marketer = identity.marketer().getName();
        RecordTrainingRequest request = RecordTrainingRequest.newBuilder().setRequestId("retry-" + System.nanoTime())
                .setTrainingRecord(passing(marketer, catalogue.preServiceConsumer(), completed)).build();
        TrainingRecord first = client.as(WRITE).recordTraining(request);
        TrainingRecord again = client.as(WRITE).recordTraining(request);
        assertEquals(first, again);
        assertEquals(1, count("SELECT COUNT(*) FROM training_records WHERE subject = '" + marketer + "'"));
        StatusRuntimeException reused = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).recordTraining(request.toBuilder()
                .setTrainingRecord(request.getTrainingRecord().toBuilder().setScore(70)).build()));
        assertEquals("REQUEST_ID_REUSED", errorInfo(reused).getReason());
    }

    @Test
    void recordsAreListedBySubjectAndStateWithPageTokens() {
        String marketer = identity.marketer().getName();
        TrainingRecord a = fixtures.pass(marketer, catalogue.preServiceLaw(), completed);
        TrainingRecord b = fixtures.pass(marketer, catalogue.preServiceQuality(), completed);
        TrainingRecord c = fixtures.pass(marketer, catalogue.preServiceConsumer(), completed);
        client.as(WRITE).voidTrainingRecord(VoidTrainingRecordRequest.newBuilder().setName(b.getName()).setReason("duplicate").build());

        var first = client.as(READ).listTrainingRecords(ListTrainingRecordsRequest.newBuilder().setSubject(marketer).setPageSize(2).build());
        assertEquals(List.of(a.getName(), b.getName()), first.getTrainingRecordsList().stream().map(TrainingRecord::getName).toList());
        var second = client.as(READ).listTrainingRecords(ListTrainingRecordsRequest.newBuilder().setSubject(marketer).setPageSize(2)
                .setPageToken(first.getNextPageToken()).build());
        assertEquals(List.of(c.getName()), second.getTrainingRecordsList().stream().map(TrainingRecord::getName).toList());
        assertEquals("", second.getNextPageToken());

        var active = client.as(READ).listTrainingRecords(ListTrainingRecordsRequest.newBuilder().setSubject(marketer)
                .setState(TrainingRecord.State.STATE_ACTIVE).build());
        assertEquals(List.of(a.getName(), c.getName()), active.getTrainingRecordsList().stream().map(TrainingRecord::getName).toList());
        var voided = client.as(READ).listTrainingRecords(ListTrainingRecordsRequest.newBuilder().setSubject(marketer)
                .setState(TrainingRecord.State.STATE_VOIDED).build());
        assertEquals(List.of(b.getName()), voided.getTrainingRecordsList().stream().map(TrainingRecord::getName).toList());

        StatusRuntimeException otherFilter = assertThrows(StatusRuntimeException.class, () -> client.as(READ).listTrainingRecords(
                ListTrainingRecordsRequest.newBuilder().setPageSize(2).setPageToken(first.getNextPageToken()).build()));
        assertEquals("INVALID_PAGE_TOKEN", errorInfo(otherFilter).getReason());
        assertEquals(List.of("page_size", "subject"), badFields(assertThrows(StatusRuntimeException.class, () -> client.as(READ)
                .listTrainingRecords(ListTrainingRecordsRequest.newBuilder().setPageSize(-1).setSubject("marketers/1").build()))));
    }

    @Test
    void aRefusalToAttendIsRecordedForAnExistingSubjectOnly() throws Exception {
        Marketer marketer = identity.marketer();
        TrainingRefusal refusal = client.as(WRITE).recordTrainingRefusal(RecordTrainingRefusalRequest.newBuilder()
                .setTrainingRefusal(TrainingRefusal.newBuilder().setSubject(marketer.getName()).setCourse(catalogue.preServiceLaw().getName())
                        .setRefuseTime(timestamp(completed)).setNote("said the course is a waste of time")).build());
        assertTrue(refusal.getName().matches("trainingRefusals/[0-9a-f-]{36}"));
        assertEquals(List.of(refusal), client.as(READ).listTrainingRefusals(ListTrainingRefusalsRequest.newBuilder()
                .setSubject(marketer.getName()).build()).getTrainingRefusalsList());

        long before = count("SELECT COUNT(*) FROM training_refusals");
        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).recordTrainingRefusal(
                RecordTrainingRefusalRequest.newBuilder().setTrainingRefusal(TrainingRefusal.newBuilder()
                        .setSubject("marketers/00000000-0000-4000-8000-000000000001").setCourse(catalogue.preServiceLaw().getName())
                        .setRefuseTime(timestamp(completed))).build()));
        assertEquals("SUBJECT_NOT_FOUND", errorInfo(unknown).getReason());
        StatusRuntimeException bad = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).recordTrainingRefusal(
                RecordTrainingRefusalRequest.newBuilder().setTrainingRefusal(TrainingRefusal.newBuilder().setSubject("marketers/")
                        .setCourse("courses/x").setRefuseTime(timestamp(TestClock.NOW.plus(Duration.ofDays(1)))).setNote("a\u0000b")).build()));
        assertEquals(List.of("training_refusal.subject", "training_refusal.course", "training_refusal.refuse_time", "training_refusal.note"),
                badFields(bad));
        assertEquals(before, count("SELECT COUNT(*) FROM training_refusals"));
    }

    @Test
    void readsVoidsAndListsRefuseMalformedInputFieldByField() throws Exception {
        assertEquals(List.of("name"), badFields(assertThrows(StatusRuntimeException.class, () -> client.as(READ).getTrainingRecord(
                GetTrainingRecordRequest.newBuilder().setName("records/1").build()))));
        StatusRuntimeException missing = assertThrows(StatusRuntimeException.class, () -> client.as(READ).getTrainingRecord(
                GetTrainingRecordRequest.newBuilder().setName("trainingRecords/00000000-0000-4000-8000-000000000000").build()));
        assertEquals(Status.Code.NOT_FOUND, missing.getStatus().getCode());
        assertEquals("TRAINING_RECORD_NOT_FOUND", errorInfo(missing).getReason());

        long voids = count("SELECT COUNT(*) FROM training_record_voids");
        assertEquals(List.of("request_id", "name", "reason"), badFields(assertThrows(StatusRuntimeException.class, () -> client.as(WRITE)
                .voidTrainingRecord(VoidTrainingRecordRequest.newBuilder().setRequestId("a b").setReason(" ").build()))));
        assertEquals(List.of("reason"), badFields(assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).voidTrainingRecord(
                VoidTrainingRecordRequest.newBuilder().setName("trainingRecords/00000000-0000-4000-8000-000000000000")
                        .setReason("x".repeat(1001)).build()))));
        assertEquals("TRAINING_RECORD_NOT_FOUND", errorInfo(assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).voidTrainingRecord(
                VoidTrainingRecordRequest.newBuilder().setName("trainingRecords/00000000-0000-4000-8000-000000000000").setReason("x").build())))
                .getReason());
        assertEquals(voids, count("SELECT COUNT(*) FROM training_record_voids"));

        assertEquals(List.of("page_size", "subject"), badFields(assertThrows(StatusRuntimeException.class, () -> client.as(READ)
                .listTrainingRefusals(ListTrainingRefusalsRequest.newBuilder().setPageSize(-1).setSubject("mcnInstitutions/1").build()))));
        assertEquals(List.of("state"), badFields(assertThrows(StatusRuntimeException.class, () -> client.as(READ)
                .listTrainingRecords(ListTrainingRecordsRequest.newBuilder().setStateValue(9).build()))));
    }

    @Test
    void callersWithoutTheRightScopeAreRefused() {
        String marketer = identity.marketer().getName();
        StatusRuntimeException readOnly = assertThrows(StatusRuntimeException.class, () -> client.as(READ).recordTraining(
                RecordTrainingRequest.newBuilder().setTrainingRecord(passing(marketer, catalogue.preServiceLaw(), completed)).build()));
        assertEquals(Status.Code.PERMISSION_DENIED, readOnly.getStatus().getCode());
        assertEquals("SCOPE_MISSING", errorInfo(readOnly).getReason());
        StatusRuntimeException anonymous = assertThrows(StatusRuntimeException.class, () -> client.anonymous()
                .getTrainingRecord(GetTrainingRecordRequest.newBuilder().setName("trainingRecords/x").build()));
        assertEquals(Status.Code.UNAUTHENTICATED, anonymous.getStatus().getCode());
    }

    private static IdentityCheck.Builder check(Instant at) {
        return IdentityCheck.newBuilder().setMethod(IdentityCheck.Method.METHOD_FACE_MATCH).setReference("face-1").setCheckTime(timestamp(at));
    }
}
