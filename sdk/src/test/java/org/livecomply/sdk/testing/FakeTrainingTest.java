package org.livecomply.sdk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.sdk.testing.FakeSupport.badFields;
import static org.livecomply.sdk.testing.FakeSupport.refused;
import static org.livecomply.sdk.testing.FakeSupport.timestamp;

import io.grpc.Status;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.livecomply.api.training.v1.BatchGetTrainingStatusesRequest;
import org.livecomply.api.training.v1.Course;
import org.livecomply.api.training.v1.GetTrainingRulesRequest;
import org.livecomply.api.training.v1.GetTrainingStatusRequest;
import org.livecomply.api.training.v1.StatusReason;
import org.livecomply.api.training.v1.Topic;
import org.livecomply.api.training.v1.TrainingStatus;
import org.livecomply.sdk.LiveComplyClient;

class FakeTrainingTest {

    private static final String MARKETER = "marketers/11111111-2222-3333-4444-555555555555";
    private static final String OPERATOR = "roomOperators/11111111-2222-3333-4444-555555555555";

    private final FakeSupport.TestClock clock = new FakeSupport.TestClock(Instant.parse("2026-06-10T02:00:00Z"));
    private final LiveComplyFakes fakes = LiveComplyFakes.start(clock);
    private final LiveComplyClient client = fakes.client();

    @AfterEach
    void stop() {
        fakes.close();
    }

    private TrainingStatus status(String subject) {
        return client.training().getTrainingStatus(GetTrainingStatusRequest.newBuilder().setSubject(subject).build());
    }

    @Test
    void withoutACatalogueNobodyIsTrained() {
        TrainingStatus status = status(MARKETER);

        assertTrue(status.getPreServiceRequired());
        assertFalse(status.getPreServiceComplete());
        assertFalse(status.getAnnualCurrent());
        assertEquals(4, status.getMissingPreServiceTopicsCount());
        assertEquals(List.of("PRE_SERVICE_TRAINING_MISSING", "ANNUAL_TRAINING_MISSING"),
                status.getReasonsList().stream().map(StatusReason::getReason).toList());
        assertEquals("no annual course for MARKETER is in force: the platform must publish one", status.getReasons(1).getDescription());
        assertEquals(timestamp(Instant.parse("2025-12-31T16:00:00Z")), status.getAnnualWindowStartTime());
    }

    @Test
    void passedCoursesCoverTheAreasOneByOne() {
        Course pre = fakes.training().publishCourse(Course.newBuilder().setCode("PRE-A").setTitle("Laws").setAudience(
                        org.livecomply.api.training.v1.Audience.AUDIENCE_MARKETER).setKind(Course.Kind.KIND_PRE_SERVICE)
                .addTopics(Topic.TOPIC_TRANSACTION_AND_INFORMATION_SECURITY_LAW).addTopics(Topic.TOPIC_PRODUCT_QUALITY_AND_SAFETY).build());
        assertEquals("courses/PRE-A/versions/1", pre.getName());

        fakes.training().markCoursePassed(MARKETER, pre.getName());
        TrainingStatus status = status(MARKETER);

        assertEquals(List.of(Topic.TOPIC_CONSUMER_PROTECTION, Topic.TOPIC_PLATFORM_RULES), status.getMissingPreServiceTopicsList());
        assertEquals("pre-service training before the first session must cover: consumer protection, platform rules",
                status.getReasons(0).getDescription());
        assertEquals(0, status.getMissingCoursesCount(), "the only pre-service course teaches no missing area");
    }

    @Test
    void markTrainedPublishesTheStandardCatalogueAndPassesItUntilTheNextFirstOfJanuary() {
        fakes.training().markTrained(MARKETER);
        TrainingStatus trained = status(MARKETER);

        assertTrue(trained.getPreServiceComplete());
        assertTrue(trained.getAnnualCurrent());
        assertEquals(0, trained.getReasonsCount());
        assertEquals(timestamp(Instant.parse("2026-12-31T16:00:00Z")), trained.getLapsesAt());

        TrainingStatus operator = status(OPERATOR);
        assertFalse(operator.getPreServiceRequired());
        assertTrue(operator.getPreServiceComplete());
        assertEquals(0, operator.getMissingCoursesCount(), "a marketer's training publishes only the marketers' courses");
        assertEquals("Art. 10 ¶2", operator.getReasons(0).getArticle());
        assertEquals("no annual course for ROOM_OPERATOR is in force: the platform must publish one", operator.getReasons(0).getDescription());

        clock.set(Instant.parse("2027-01-02T00:00:00Z"));
        TrainingStatus nextYear = status(MARKETER);
        assertTrue(nextYear.getPreServiceComplete(), "pre-service training is done once");
        assertFalse(nextYear.getAnnualCurrent());
        assertEquals("courses/LC-ANNUAL-MARKETER/versions/1", nextYear.getMissingCourses(0).getCourse());
    }

    @Test
    void badSubjectsAreRefusedAndABatchAnswersInOrder() {
        assertEquals(List.of("subject"), badFields(refused(Status.Code.INVALID_ARGUMENT,
                () -> client.training().getTrainingStatus(GetTrainingStatusRequest.newBuilder().setSubject("users/1").build()))));
        assertEquals(List.of("subjects[1]"), badFields(refused(Status.Code.INVALID_ARGUMENT, () -> client.training().batchGetTrainingStatuses(
                BatchGetTrainingStatusesRequest.newBuilder().addSubjects(MARKETER).addSubjects(MARKETER).build()))));

        fakes.training().markTrained(MARKETER);
        List<TrainingStatus> statuses = client.training().batchGetTrainingStatuses(BatchGetTrainingStatusesRequest.newBuilder()
                .addSubjects(OPERATOR).addSubjects(MARKETER).build()).getStatusesList();

        assertEquals(List.of(OPERATOR, MARKETER), statuses.stream().map(TrainingStatus::getSubject).toList());
        assertTrue(statuses.get(1).getAnnualCurrent());
        assertEquals(4, client.training().getTrainingRules(GetTrainingRulesRequest.getDefaultInstance()).getPreServiceTopicsCount());
    }

    @Test
    void aCourseForAnotherAudienceCannotBePassed() {
        Course annual = fakes.training().publishCourse(FakeTraining.standardCatalogue().get(2));

        assertThrows(IllegalArgumentException.class, () -> fakes.training().markCoursePassed(MARKETER, annual.getName()));
    }
}
