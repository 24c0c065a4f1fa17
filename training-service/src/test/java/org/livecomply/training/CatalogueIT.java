package org.livecomply.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.training.TrainingFixtures.courseInput;
import static org.livecomply.training.TrainingFixtures.date;
import static org.livecomply.training.TrainingServiceClient.ADMIN;
import static org.livecomply.training.TrainingServiceClient.READ;
import static org.livecomply.training.TrainingServiceClient.WRITE;
import static org.livecomply.testsupport.StatusDetails.badFields;
import static org.livecomply.testsupport.StatusDetails.errorInfo;
import static org.livecomply.testsupport.StatusDetails.preconditionFailure;

import com.google.protobuf.FieldMask;
import com.google.rpc.PreconditionFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.livecomply.api.training.v1.Audience;
import org.livecomply.api.training.v1.Course;
import org.livecomply.api.training.v1.CreateCourseRequest;
import org.livecomply.api.training.v1.GetCourseRequest;
import org.livecomply.api.training.v1.ListCoursesRequest;
import org.livecomply.api.training.v1.ListCoursesResponse;
import org.livecomply.api.training.v1.PublishCoursesRequest;
import org.livecomply.api.training.v1.RetireCourseRequest;
import org.livecomply.api.training.v1.Topic;
import org.livecomply.api.training.v1.UpdateCourseRequest;

/**
 * The course catalogue (Art. 10): versions, immutability once used, and the Art. 10 ¶1 rule that the
 * pre-service marketer catalogue covers its four areas on every day. This class is the only one of its
 * database to publish pre-service courses, so the coverage story below starts from an empty catalogue.
 */
@MicronautTest(environments = "test")
class CatalogueIT extends TrainingApiTest {

    /** 2026-11-29 in China at {@link TestClock#NOW}. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    void thePreServiceCatalogueMustTeachAllFourAreasOfArticle10OnEveryDay() {
        Course law = preService("PS-LAW", Topic.TOPIC_TRANSACTION_AND_INFORMATION_SECURITY_LAW);
        Course quality = preService("PS-QUALITY", Topic.TOPIC_PRODUCT_QUALITY_AND_SAFETY);
        Course consumer = preService("PS-CONSUMER", Topic.TOPIC_CONSUMER_PROTECTION);

        StatusRuntimeException threeAreas = assertThrows(StatusRuntimeException.class, () -> fixtures.publish(law, quality, consumer));
        assertEquals(Status.Code.FAILED_PRECONDITION, threeAreas.getStatus().getCode());
        assertEquals("PRE_SERVICE_AREAS_UNCOVERED", errorInfo(threeAreas).getReason());
        assertEquals(List.of("TOPIC_PLATFORM_RULES"), uncovered(threeAreas));
        assertTrue(preconditionFailure(threeAreas).getViolations(0).getDescription().startsWith("Art. 10 ¶1: from 2026-11-29"),
                preconditionFailure(threeAreas).getViolations(0).getDescription());
        assertEquals(Course.State.STATE_DRAFT, get(law.getName()).getState(), "nothing of a refused publication is published");

        Course rules = preService("PS-RULES", Topic.TOPIC_PLATFORM_RULES);
        List<Course> published = fixtures.publish(law, quality, consumer, rules);
        assertTrue(published.stream().allMatch(c -> c.getState() == Course.State.STATE_PUBLISHED && c.hasPublishTime()));

        // Retiring the only platform-rules course after today would leave tomorrow uncovered.
        StatusRuntimeException gap = assertThrows(StatusRuntimeException.class, () -> retire(rules, TODAY));
        assertEquals(List.of("TOPIC_PLATFORM_RULES"), uncovered(gap));
        assertTrue(preconditionFailure(gap).getViolations(0).getDescription().contains("from 2026-11-30"));

        // A successor effective from tomorrow that also teaches consumer protection closes the gap.
        Course rulesV2 = fixtures.draft(courseInput("PS-RULES", Audience.AUDIENCE_MARKETER, Course.Kind.KIND_PRE_SERVICE,
                Topic.TOPIC_PLATFORM_RULES, Topic.TOPIC_CONSUMER_PROTECTION).setEffectiveFrom(date(TODAY.plusDays(1))));
        assertEquals("courses/PS-RULES/versions/2", rulesV2.getName(), "a change of a course is its next version");
        fixtures.publish(rulesV2);
        Course retired = retire(rules, TODAY);
        assertEquals(date(TODAY), retired.getEffectiveUntil());

        // Consumer protection is taught by PS-CONSUMER alone today: it cannot lose the topic.
        StatusRuntimeException today = assertThrows(StatusRuntimeException.class, () -> update(consumer.toBuilder()
                .clearTopics().addTopics(Topic.TOPIC_LIVE_COMMERCE_REGULATION).build(), "topics"));
        assertEquals(List.of("TOPIC_CONSUMER_PROTECTION"), uncovered(today));
        // Retiring it today is fine: from tomorrow PS-RULES v2 teaches consumer protection.
        retire(consumer, TODAY);
        StatusRuntimeException allGone = assertThrows(StatusRuntimeException.class, () -> retire(law, TODAY.plusDays(30)));
        assertEquals(List.of("TOPIC_TRANSACTION_AND_INFORMATION_SECURITY_LAW"), uncovered(allGone));
    }

    @Test
    void aChangeIsANewVersionAndAVersionARecordUsesNeverChanges() {
        Course v1 = fixtures.draft("AN-OPERATOR", Audience.AUDIENCE_ROOM_OPERATOR, Course.Kind.KIND_ANNUAL, Topic.TOPIC_LIVE_COMMERCE_REGULATION);
        assertEquals("courses/AN-OPERATOR/versions/1", v1.getName());
        assertEquals(1, v1.getVersion());
        assertEquals(Course.State.STATE_DRAFT, v1.getState());
        Course v2 = fixtures.draft("AN-OPERATOR", Audience.AUDIENCE_ROOM_OPERATOR, Course.Kind.KIND_ANNUAL, Topic.TOPIC_PLATFORM_RULES);
        assertEquals(2, v2.getVersion());

        fixtures.publish(v1);
        Course retitled = update(v1.toBuilder().setTitle("年度法律法规学习").build(), "title");
        assertEquals("年度法律法规学习", retitled.getTitle(), "an unused version may still be corrected");
        assertFalse(retitled.getInUse());

        fixtures.pass(identity.roomOperator().getName(), retitled, TestClock.NOW.minus(Duration.ofHours(2)));
        assertTrue(get(v1.getName()).getInUse());
        StatusRuntimeException inUse = assertThrows(StatusRuntimeException.class, () -> update(v1.toBuilder().setPassScore(80).build(), "pass_score"));
        assertEquals(Status.Code.FAILED_PRECONDITION, inUse.getStatus().getCode());
        assertEquals("COURSE_VERSION_IN_USE", errorInfo(inUse).getReason());
        assertEquals(TrainingFixtures.PASS_SCORE, get(v1.getName()).getPassScore(), "unchanged");

        Course retired = retire(v1, TODAY.plusDays(31));
        assertEquals(date(TODAY.plusDays(31)), retired.getEffectiveUntil(), "ending the validity of a used version is allowed");
    }

    @Test
    void publishingTwiceRetiringADraftAndUnknownCoursesAreRefused() {
        Course draft = fixtures.draft("AN-MCN", Audience.AUDIENCE_MCN, Course.Kind.KIND_ANNUAL, Topic.TOPIC_MARKETER_DUTIES);
        StatusRuntimeException notPublished = assertThrows(StatusRuntimeException.class, () -> retire(draft, TODAY));
        assertEquals("COURSE_NOT_PUBLISHED", errorInfo(notPublished).getReason());
        fixtures.publish(draft);
        StatusRuntimeException twice = assertThrows(StatusRuntimeException.class, () -> fixtures.publish(draft));
        assertEquals("COURSE_ALREADY_PUBLISHED", errorInfo(twice).getReason());
        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> get("courses/NOPE/versions/1"));
        assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
        assertEquals("COURSE_NOT_FOUND", errorInfo(unknown).getReason());
        assertEquals(List.of("name"), badFields(assertThrows(StatusRuntimeException.class, () -> get("courses/AN-MCN"))));
        StatusRuntimeException past = assertThrows(StatusRuntimeException.class, () -> retire(draft, TODAY.minusDays(1)));
        assertEquals(List.of("last_effective_date"), badFields(past));
    }

    @Test
    void badCoursesAreRefusedFieldByFieldAndNothingIsStored() throws Exception {
        long before = count("SELECT COUNT(*) FROM courses");
        Map<String, UnaryOperator<Course.Builder>> bad = new LinkedHashMap<>();
        bad.put("course.code", c -> c.setCode("lower case"));
        bad.put("course.title", c -> c.setTitle(""));
        bad.put("course.description", c -> c.setDescription("x".repeat(2001)));
        bad.put("course.audience", c -> c.setAudience(Audience.AUDIENCE_UNSPECIFIED));
        bad.put("course.kind", c -> c.setAudience(Audience.AUDIENCE_ROOM_OPERATOR).setKind(Course.Kind.KIND_PRE_SERVICE));
        bad.put("course.topics", Course.Builder::clearTopics);
        bad.put("course.topics[1]", c -> c.addTopics(Topic.TOPIC_PLATFORM_RULES));
        bad.put("course.minimum_duration", c -> c.setMinimumDuration(com.google.protobuf.Duration.newBuilder().setSeconds(59)));
        bad.put("course.pass_score", c -> c.setPassScore(101));
        bad.put("course.effective_from", c -> c.setEffectiveFrom(date(LocalDate.of(2019, 12, 31))));
        bad.put("course.effective_until", c -> c.setEffectiveUntil(date(LocalDate.of(2025, 12, 31))));
        bad.forEach((field, change) -> {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> fixtures.draft(change.apply(
                    courseInput("AN-BAD", Audience.AUDIENCE_MARKETER, Course.Kind.KIND_ANNUAL, Topic.TOPIC_PLATFORM_RULES))));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), field);
            assertEquals(List.of(field), badFields(e), field);
        });
        assertEquals(List.of("request_id", "course"), badFields(assertThrows(StatusRuntimeException.class, () -> client.as(ADMIN)
                .createCourse(CreateCourseRequest.newBuilder().setRequestId("x".repeat(65)).build()))));

        Course draft = fixtures.draft("AN-UPDATE", Audience.AUDIENCE_MARKETER, Course.Kind.KIND_ANNUAL, Topic.TOPIC_PLATFORM_RULES);
        assertEquals(List.of("update_mask"), badFields(assertThrows(StatusRuntimeException.class, () -> update(draft, "code"))));
        assertEquals(List.of("update_mask"), badFields(assertThrows(StatusRuntimeException.class, () -> update(draft))));
        assertEquals(List.of("course.title"), badFields(assertThrows(StatusRuntimeException.class, () -> update(
                draft.toBuilder().setTitle(" padded ").build(), "title"))));
        assertEquals(List.of("course.effective_until"), badFields(assertThrows(StatusRuntimeException.class, () -> update(
                draft.toBuilder().setEffectiveUntil(date(LocalDate.of(2025, 1, 1))).build(), "effective_until"))),
                "checked against the stored effective_from");
        assertEquals(List.of("course.name"), badFields(assertThrows(StatusRuntimeException.class, () -> update(
                draft.toBuilder().setName("courses/AN-UPDATE").build(), "title"))));

        assertEquals(List.of("names"), badFields(assertThrows(StatusRuntimeException.class, () -> client.as(ADMIN).publishCourses(
                PublishCoursesRequest.newBuilder().build()))));
        assertEquals(List.of("names[1]", "names[2]"), badFields(assertThrows(StatusRuntimeException.class, () -> client.as(ADMIN).publishCourses(
                PublishCoursesRequest.newBuilder().addNames(draft.getName()).addNames(draft.getName()).addNames("courses/x/versions/0").build()))));
        assertEquals(List.of("name", "last_effective_date"), badFields(assertThrows(StatusRuntimeException.class, () -> client.as(ADMIN)
                .retireCourse(RetireCourseRequest.newBuilder().setName("AN-UPDATE").build()))));
        assertEquals(List.of("page_size", "audience", "code"), badFields(assertThrows(StatusRuntimeException.class, () -> client.as(READ)
                .listCourses(ListCoursesRequest.newBuilder().setPageSize(-1).setAudienceValue(42).setCode("a b").build()))));
        assertEquals(before + 1, count("SELECT COUNT(*) FROM courses"), "only the one valid draft");
        assertEquals(Course.State.STATE_DRAFT, get(draft.getName()).getState());
    }

    @Test
    void coursesAreListedOldestFirstByFilterWithPageTokens() {
        Course a = fixtures.draft("LIST-A", Audience.AUDIENCE_MCN, Course.Kind.KIND_REGULATOR_NOTICE, Topic.TOPIC_REGULATOR_REQUIREMENTS);
        Course b = fixtures.draft("LIST-B", Audience.AUDIENCE_MCN, Course.Kind.KIND_REGULATOR_NOTICE, Topic.TOPIC_REGULATOR_REQUIREMENTS);
        Course c = fixtures.draft("LIST-C", Audience.AUDIENCE_MCN, Course.Kind.KIND_REGULATOR_NOTICE, Topic.TOPIC_REGULATOR_REQUIREMENTS);
        ListCoursesRequest filter = ListCoursesRequest.newBuilder().setKind(Course.Kind.KIND_REGULATOR_NOTICE).setPageSize(2).build();
        ListCoursesResponse first = client.as(READ).listCourses(filter);
        assertEquals(List.of(a.getName(), b.getName()), first.getCoursesList().stream().map(Course::getName).toList());
        ListCoursesResponse second = client.as(READ).listCourses(filter.toBuilder().setPageToken(first.getNextPageToken()).build());
        assertEquals(List.of(c.getName()), second.getCoursesList().stream().map(Course::getName).toList());
        assertEquals("", second.getNextPageToken());
        assertEquals(List.of(b), client.as(READ).listCourses(ListCoursesRequest.newBuilder().setCode("LIST-B").build()).getCoursesList());
        StatusRuntimeException changed = assertThrows(StatusRuntimeException.class, () -> client.as(READ).listCourses(
                filter.toBuilder().setKind(Course.Kind.KIND_ANNUAL).setPageToken(first.getNextPageToken()).build()));
        assertEquals("INVALID_PAGE_TOKEN", errorInfo(changed).getReason());
    }

    @Test
    void onlyTheAdminScopeChangesTheCatalogue() {
        StatusRuntimeException writer = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).createCourse(CreateCourseRequest
                .newBuilder().setCourse(courseInput("AN-X", Audience.AUDIENCE_MARKETER, Course.Kind.KIND_ANNUAL, Topic.TOPIC_PLATFORM_RULES)).build()));
        assertEquals(Status.Code.PERMISSION_DENIED, writer.getStatus().getCode());
        assertEquals("training.admin", errorInfo(writer).getMetadataMap().get("required_scope"));
    }

    private Course preService(String code, Topic topic) {
        return fixtures.draft(code, Audience.AUDIENCE_MARKETER, Course.Kind.KIND_PRE_SERVICE, topic);
    }

    private Course get(String name) {
        return client.as(READ).getCourse(GetCourseRequest.newBuilder().setName(name).build());
    }

    private Course update(Course course, String... paths) {
        return client.as(ADMIN).updateCourse(UpdateCourseRequest.newBuilder().setCourse(course)
                .setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(paths))).build());
    }

    private Course retire(Course course, LocalDate lastDay) {
        return client.as(ADMIN).retireCourse(RetireCourseRequest.newBuilder().setName(course.getName()).setLastEffectiveDate(date(lastDay)).build());
    }

    private static List<String> uncovered(StatusRuntimeException e) {
        return preconditionFailure(e).getViolationsList().stream().peek(v -> assertEquals("PRE_SERVICE_AREAS_UNCOVERED", v.getType()))
                .map(PreconditionFailure.Violation::getSubject).toList();
    }
}
