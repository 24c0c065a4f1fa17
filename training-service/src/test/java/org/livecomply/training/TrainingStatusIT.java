package org.livecomply.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.training.TrainingFixtures.instant;
import static org.livecomply.training.TrainingFixtures.passing;
import static org.livecomply.training.TrainingFixtures.timestamp;
import static org.livecomply.training.TrainingServiceClient.READ;
import static org.livecomply.training.TrainingServiceClient.WRITE;
import static org.livecomply.testsupport.StatusDetails.badFields;

import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.livecomply.api.training.v1.Audience;
import org.livecomply.api.training.v1.BatchGetTrainingStatusesRequest;
import org.livecomply.api.training.v1.BatchGetTrainingStatusesResponse;
import org.livecomply.api.training.v1.GetTrainingRulesRequest;
import org.livecomply.api.training.v1.GetTrainingStatusRequest;
import org.livecomply.api.training.v1.MissingCourse;
import org.livecomply.api.training.v1.RecordTrainingRefusalRequest;
import org.livecomply.api.training.v1.StatusReason;
import org.livecomply.api.training.v1.Topic;
import org.livecomply.api.training.v1.TrainingRecord;
import org.livecomply.api.training.v1.TrainingRefusal;
import org.livecomply.api.training.v1.TrainingRules;
import org.livecomply.api.training.v1.TrainingStatus;
import org.livecomply.api.training.v1.VoidTrainingRecordRequest;

/**
 * GetTrainingStatus, the go-live gate's training question (Art. 10 ¶1, ¶2; T-1, T-2, T-4), with the
 * default calendar-year window in China time: pre-service areas, the year change, voided records,
 * refusals, audiences, and instants in the past.
 */
@MicronautTest(environments = "test")
class TrainingStatusIT extends TrainingApiTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Instant MARCH = china(2026, 3, 1, 10, 0);
    /** 00:00 on 1 January 2027 in China. */
    private static final Instant NEW_YEAR = china(2027, 1, 1, 0, 0);

    private TrainingFixtures.Catalogue catalogue;

    @BeforeAll
    void publishCatalogue() {
        catalogue = fixtures.catalogue();
    }

    @Test
    void preServiceTrainingIsCompleteOnceItsRecordsCoverTheFourAreas() {
        String marketer = identity.marketer().getName();
        TrainingStatus nothing = status(marketer);
        assertTrue(nothing.getPreServiceRequired());
        assertFalse(nothing.getPreServiceComplete());
        assertEquals(List.of(Topic.TOPIC_TRANSACTION_AND_INFORMATION_SECURITY_LAW, Topic.TOPIC_PRODUCT_QUALITY_AND_SAFETY,
                Topic.TOPIC_CONSUMER_PROTECTION, Topic.TOPIC_PLATFORM_RULES), nothing.getMissingPreServiceTopicsList());
        assertEquals(List.of("courses/PS-CONSUMER/versions/1", "courses/PS-LAW/versions/1", "courses/PS-QUALITY/versions/1",
                "courses/AN-MARKETER/versions/1"), nothing.getMissingCoursesList().stream().map(MissingCourse::getCourse).toList());
        assertEquals(List.of("PRE_SERVICE_TRAINING_MISSING", "ANNUAL_TRAINING_MISSING"), reasons(nothing));
        assertEquals("Art. 10 ¶1", nothing.getReasons(0).getArticle());
        assertEquals("Art. 10 ¶1", nothing.getReasons(1).getArticle());
        assertEquals(catalogue.annualMarketer().getName(), nothing.getReasons(1).getResource());

        fixtures.pass(marketer, catalogue.preServiceLaw(), MARCH);
        fixtures.record(passing(marketer, catalogue.preServiceConsumer(), MARCH.plusSeconds(3600)).setScore(10));
        fixtures.pass(marketer, catalogue.preServiceQuality(), MARCH.plusSeconds(7200));
        TrainingStatus threeAreas = status(marketer);
        assertFalse(threeAreas.getPreServiceComplete(), "a failed course covers nothing");
        assertEquals(List.of(Topic.TOPIC_CONSUMER_PROTECTION, Topic.TOPIC_PLATFORM_RULES), threeAreas.getMissingPreServiceTopicsList());
        assertEquals(List.of("courses/PS-CONSUMER/versions/1", "courses/AN-MARKETER/versions/1"),
                threeAreas.getMissingCoursesList().stream().map(MissingCourse::getCourse).toList());

        Instant last = MARCH.plusSeconds(10_800);
        fixtures.pass(marketer, catalogue.preServiceConsumer(), last);
        TrainingStatus done = status(marketer);
        assertTrue(done.getPreServiceComplete());
        assertEquals(last, instant(done.getPreServiceCompleteTime()));
        assertEquals(List.of(), done.getMissingPreServiceTopicsList());
        assertEquals(List.of("ANNUAL_TRAINING_MISSING"), reasons(done));
        assertFalse(done.getAnnualCurrent());
        assertFalse(done.hasLapsesAt(), "no lapse while not current");
    }

    @Test
    void annualTrainingCountsForTheCalendarYearInChinaAndLapsesAtNewYear() {
        String marketer = trainedMarketer(MARCH);
        TrainingStatus now = status(marketer);
        assertTrue(now.getPreServiceComplete());
        assertTrue(now.getAnnualCurrent());
        assertEquals(List.of(), now.getReasonsList());
        assertEquals(List.of(), now.getMissingCoursesList());
        assertEquals(NEW_YEAR, instant(now.getLapsesAt()));
        assertEquals(china(2026, 1, 1, 0, 0), instant(now.getAnnualWindowStartTime()));
        assertEquals(NEW_YEAR, instant(now.getAnnualWindowEndTime()));

        TrainingStatus lastMoment = status(marketer, NEW_YEAR.minusNanos(1_000));
        assertTrue(lastMoment.getAnnualCurrent(), "23:59:59.999999 on 31 December, China time");
        TrainingStatus newYear = status(marketer, NEW_YEAR);
        assertFalse(newYear.getAnnualCurrent(), "2027 needs its own annual training");
        assertTrue(newYear.getPreServiceComplete(), "pre-service training is done once");
        assertEquals(List.of("ANNUAL_TRAINING_MISSING"), reasons(newYear));
        assertEquals(china(2027, 1, 1, 0, 0), instant(newYear.getAnnualWindowStartTime()));

        // The last second of 2026 counts for 2026 only; the first instant of 2027 counts for 2027.
        clock.set(NEW_YEAR.plusSeconds(1800));
        fixtures.pass(marketer, catalogue.annualMarketer(), NEW_YEAR.minusSeconds(1));
        assertFalse(status(marketer).getAnnualCurrent());
        fixtures.pass(marketer, catalogue.annualMarketer(), NEW_YEAR);
        TrainingStatus current2027 = status(marketer);
        assertTrue(current2027.getAnnualCurrent());
        assertEquals(china(2028, 1, 1, 0, 0), instant(current2027.getLapsesAt()));
    }

    @Test
    void aVoidedRecordCountsForNothing() {
        String marketer = trainedMarketer(MARCH);
        TrainingRecord second = fixtures.pass(marketer, catalogue.annualMarketer(), MARCH.plusSeconds(86_400));
        client.as(WRITE).voidTrainingRecord(VoidTrainingRecordRequest.newBuilder().setName(second.getName()).setReason("recorded twice").build());
        assertTrue(status(marketer).getAnnualCurrent(), "the other annual record still counts");

        String onlyOnce = identity.marketer().getName();
        TrainingRecord law = fixtures.pass(onlyOnce, catalogue.preServiceLaw(), MARCH);
        fixtures.pass(onlyOnce, catalogue.preServiceQuality(), MARCH);
        fixtures.pass(onlyOnce, catalogue.preServiceConsumer(), MARCH);
        TrainingRecord only = fixtures.pass(onlyOnce, catalogue.annualMarketer(), MARCH);
        assertTrue(status(onlyOnce).getAnnualCurrent());
        client.as(WRITE).voidTrainingRecord(VoidTrainingRecordRequest.newBuilder().setName(only.getName()).setReason("someone else sat it").build());
        client.as(WRITE).voidTrainingRecord(VoidTrainingRecordRequest.newBuilder().setName(law.getName()).setReason("someone else sat it").build());
        TrainingStatus after = status(onlyOnce);
        assertFalse(after.getAnnualCurrent());
        assertFalse(after.getPreServiceComplete());
        assertEquals(List.of(Topic.TOPIC_TRANSACTION_AND_INFORMATION_SECURITY_LAW), after.getMissingPreServiceTopicsList());
        assertFalse(status(onlyOnce, MARCH.plusSeconds(60)).getAnnualCurrent(), "a void also applies to instants before it");
    }

    @Test
    void aRefusedCourseThatIsStillMissingIsNamedAsRefused() {
        String marketer = identity.marketer().getName();
        client.as(WRITE).recordTrainingRefusal(RecordTrainingRefusalRequest.newBuilder().setTrainingRefusal(TrainingRefusal.newBuilder()
                .setSubject(marketer).setCourse(catalogue.annualMarketer().getName()).setRefuseTime(timestamp(MARCH))).build());
        TrainingStatus status = status(marketer);
        MissingCourse annual = status.getMissingCoursesList().stream().filter(c -> c.getCode().equals("AN-MARKETER")).findFirst().orElseThrow();
        assertTrue(annual.getRefused());
        assertFalse(status.getMissingCourses(0).getRefused(), "PS-CONSUMER was not refused");
        StatusReason refused = status.getReasonsList().stream().filter(r -> r.getReason().equals("TRAINING_REFUSED")).findFirst().orElseThrow();
        assertEquals("Art. 10 ¶1", refused.getArticle());
        assertEquals(catalogue.annualMarketer().getName(), refused.getResource());

        fixtures.pass(marketer, catalogue.annualMarketer(), MARCH.plusSeconds(86_400));
        assertFalse(reasons(status(marketer)).contains("TRAINING_REFUSED"), "passing the course later clears it");
    }

    @Test
    void roomOperatorsAndMcnsNeedTheirAnnualLawStudyButNoPreServiceTraining() {
        String operator = identity.roomOperator().getName();
        TrainingStatus before = status(operator);
        assertEquals(Audience.AUDIENCE_ROOM_OPERATOR, before.getAudience());
        assertFalse(before.getPreServiceRequired());
        assertTrue(before.getPreServiceComplete());
        assertFalse(before.getAnnualCurrent());
        assertEquals("Art. 10 ¶2", before.getReasons(0).getArticle());
        fixtures.pass(operator, catalogue.annualOperator(), MARCH);
        assertTrue(status(operator).getAnnualCurrent());

        String mcn = identity.mcn().getName();
        assertFalse(status(mcn).getAnnualCurrent());
        fixtures.pass(mcn, catalogue.annualMcn(), MARCH);
        TrainingStatus mcnStatus = status(mcn);
        assertTrue(mcnStatus.getAnnualCurrent());
        assertEquals(List.of(), mcnStatus.getReasonsList());
    }

    @Test
    void withoutAnAnnualCourseInForceNobodyIsCurrentAndLaterRecordsDoNotCount() {
        String marketer = trainedMarketer(MARCH);
        TrainingStatus beforeCatalogue = status(marketer, china(2025, 12, 1, 12, 0));
        assertFalse(beforeCatalogue.getAnnualCurrent());
        assertFalse(beforeCatalogue.getPreServiceComplete(), "the records were completed after this instant");
        StatusReason none = beforeCatalogue.getReasonsList().stream().filter(r -> r.getReason().equals("ANNUAL_TRAINING_MISSING"))
                .findFirst().orElseThrow();
        assertEquals("", none.getResource());
        assertTrue(none.getDescription().contains("no annual course"), none.getDescription());

        TrainingStatus beforeAnnual = status(marketer, MARCH.plusSeconds(3600));
        assertTrue(beforeAnnual.getPreServiceComplete());
        assertFalse(beforeAnnual.getAnnualCurrent(), "the annual course was completed two hours after MARCH");
    }

    @Test
    void aSubjectWithoutRecordsSimplyHasNoTrainingAndBadInputIsRefused() {
        TrainingStatus unknown = status("marketers/00000000-0000-4000-8000-000000000009");
        assertFalse(unknown.getPreServiceComplete());
        assertFalse(unknown.getAnnualCurrent());
        assertEquals(List.of("subject"), badFields(assertThrows(StatusRuntimeException.class, () -> status("users/1"))));
        assertEquals(List.of("subject"), badFields(assertThrows(StatusRuntimeException.class, () -> status(""))));
        assertEquals(List.of("subject", "evaluate_time"), badFields(assertThrows(StatusRuntimeException.class, () -> client.as(READ)
                .getTrainingStatus(GetTrainingStatusRequest.newBuilder().setSubject("marketers/x")
                        .setEvaluateTime(timestamp(Instant.parse("2101-01-01T00:00:00Z"))).build()))));
    }

    @Test
    void aBatchAnswersEachSubjectExactlyAsGetTrainingStatusDoesInTheOrderAsked() {
        String trained = trainedMarketer(MARCH);
        String refusing = identity.marketer().getName();
        client.as(WRITE).recordTrainingRefusal(RecordTrainingRefusalRequest.newBuilder().setTrainingRefusal(TrainingRefusal.newBuilder()
                .setSubject(refusing).setCourse(catalogue.annualMarketer().getName()).setRefuseTime(timestamp(MARCH))).build());
        String operator = identity.roomOperator().getName();
        fixtures.pass(operator, catalogue.annualOperator(), MARCH);
        String unknown = "marketers/00000000-0000-4000-8000-000000000019";
        List<String> subjects = List.of(refusing, operator, unknown, trained);

        Instant at = MARCH.plusSeconds(86_400);
        BatchGetTrainingStatusesResponse batch = client.as(READ).batchGetTrainingStatuses(BatchGetTrainingStatusesRequest.newBuilder()
                .addAllSubjects(subjects).setEvaluateTime(timestamp(at)).build());

        assertEquals(subjects.stream().map(subject -> status(subject, at)).toList(), batch.getStatusesList());
        assertTrue(batch.getStatuses(3).getAnnualCurrent());
        assertTrue(reasons(batch.getStatuses(0)).contains("TRAINING_REFUSED"));
        assertFalse(client.as(READ).batchGetTrainingStatuses(BatchGetTrainingStatusesRequest.newBuilder().addSubjects(trained)
                .setEvaluateTime(timestamp(NEW_YEAR)).build()).getStatuses(0).getAnnualCurrent(), "evaluated at the instant asked");
    }

    @Test
    void aBatchRefusesBadInputFieldByField() {
        String subject = "marketers/00000000-0000-4000-8000-000000000029";
        assertEquals(List.of("subjects"), badFields(assertThrows(StatusRuntimeException.class,
                () -> client.as(READ).batchGetTrainingStatuses(BatchGetTrainingStatusesRequest.getDefaultInstance()))));
        assertEquals(List.of("subjects[1]", "subjects[2]", "evaluate_time"), badFields(assertThrows(StatusRuntimeException.class,
                () -> client.as(READ).batchGetTrainingStatuses(BatchGetTrainingStatusesRequest.newBuilder().addSubjects(subject)
                        .addSubjects("users/1").addSubjects(subject).setEvaluateTime(timestamp(Instant.parse("2019-12-31T00:00:00Z"))).build()))));
        BatchGetTrainingStatusesRequest.Builder tooMany = BatchGetTrainingStatusesRequest.newBuilder();
        for (int i = 0; i < 101; i++) {
            tooMany.addSubjects(String.format("marketers/00000000-0000-4000-8000-%012d", i));
        }
        assertEquals(List.of("subjects"), badFields(assertThrows(StatusRuntimeException.class,
                () -> client.as(READ).batchGetTrainingStatuses(tooMany.build()))));
    }

    @Test
    void theRulesInForceArePublished() {
        TrainingRules rules = client.as(READ).getTrainingRules(GetTrainingRulesRequest.getDefaultInstance());
        assertEquals(TrainingRules.AnnualWindow.ANNUAL_WINDOW_CALENDAR_YEAR, rules.getAnnualWindow());
        assertEquals("Asia/Shanghai", rules.getTimeZone());
        assertEquals(List.of(Topic.TOPIC_TRANSACTION_AND_INFORMATION_SECURITY_LAW, Topic.TOPIC_PRODUCT_QUALITY_AND_SAFETY,
                Topic.TOPIC_CONSUMER_PROTECTION, Topic.TOPIC_PLATFORM_RULES), rules.getPreServiceTopicsList());
        assertEquals(366 * 86_400L, rules.getMaximumRecordAge().getSeconds());
    }

    /** A marketer with the three pre-service courses at {@code at} and the annual course two hours later. */
    private String trainedMarketer(Instant at) {
        String marketer = identity.marketer().getName();
        fixtures.pass(marketer, catalogue.preServiceLaw(), at);
        fixtures.pass(marketer, catalogue.preServiceQuality(), at);
        fixtures.pass(marketer, catalogue.preServiceConsumer(), at);
        fixtures.pass(marketer, catalogue.annualMarketer(), at.plusSeconds(7200));
        return marketer;
    }

    private TrainingStatus status(String subject) {
        return client.as(READ).getTrainingStatus(GetTrainingStatusRequest.newBuilder().setSubject(subject).build());
    }

    private TrainingStatus status(String subject, Instant at) {
        return client.as(READ).getTrainingStatus(GetTrainingStatusRequest.newBuilder().setSubject(subject).setEvaluateTime(timestamp(at)).build());
    }

    private static List<String> reasons(TrainingStatus status) {
        return status.getReasonsList().stream().map(StatusReason::getReason).toList();
    }

    static Instant china(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(CHINA).toInstant();
    }
}
