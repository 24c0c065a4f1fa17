package org.livecomply.training;

import static org.livecomply.training.TrainingServiceClient.ADMIN;
import static org.livecomply.training.TrainingServiceClient.WRITE;

import com.google.protobuf.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.livecomply.api.training.v1.Audience;
import org.livecomply.api.training.v1.Course;
import org.livecomply.api.training.v1.CreateCourseRequest;
import org.livecomply.api.training.v1.IdentityCheck;
import org.livecomply.api.training.v1.PublishCoursesRequest;
import org.livecomply.api.training.v1.RecordTrainingRequest;
import org.livecomply.api.training.v1.Topic;
import org.livecomply.api.training.v1.TrainingRecord;
import org.livecomply.api.type.v1.Date;

/** Courses and training records created through the API, for tests that need them as a starting point. */
final class TrainingFixtures {

    static final LocalDate CATALOGUE_START = LocalDate.of(2026, 1, 1);
    static final Duration MINIMUM = Duration.ofMinutes(30);
    static final int PASS_SCORE = 60;

    /** A published catalogue: three pre-service marketer courses covering the four areas, one annual course per audience. */
    record Catalogue(Course preServiceLaw, Course preServiceQuality, Course preServiceConsumer, Course annualMarketer, Course annualOperator,
                     Course annualMcn) {
    }

    private final TrainingServiceClient client;

    TrainingFixtures(TrainingServiceClient client) {
        this.client = client;
    }

    Catalogue catalogue() {
        List<Course> published = publish(
                draft("PS-LAW", Audience.AUDIENCE_MARKETER, Course.Kind.KIND_PRE_SERVICE, Topic.TOPIC_TRANSACTION_AND_INFORMATION_SECURITY_LAW),
                draft("PS-QUALITY", Audience.AUDIENCE_MARKETER, Course.Kind.KIND_PRE_SERVICE, Topic.TOPIC_PRODUCT_QUALITY_AND_SAFETY),
                draft("PS-CONSUMER", Audience.AUDIENCE_MARKETER, Course.Kind.KIND_PRE_SERVICE, Topic.TOPIC_CONSUMER_PROTECTION,
                        Topic.TOPIC_PLATFORM_RULES),
                draft("AN-MARKETER", Audience.AUDIENCE_MARKETER, Course.Kind.KIND_ANNUAL, Topic.TOPIC_LIVE_COMMERCE_REGULATION),
                draft("AN-OPERATOR", Audience.AUDIENCE_ROOM_OPERATOR, Course.Kind.KIND_ANNUAL, Topic.TOPIC_LIVE_COMMERCE_REGULATION),
                draft("AN-MCN", Audience.AUDIENCE_MCN, Course.Kind.KIND_ANNUAL, Topic.TOPIC_MARKETER_DUTIES));
        return new Catalogue(published.get(0), published.get(1), published.get(2), published.get(3), published.get(4), published.get(5));
    }

    static Course.Builder courseInput(String code, Audience audience, Course.Kind kind, Topic... topics) {
        return Course.newBuilder()
                .setCode(code)
                .setTitle("课程 " + code)
                .setDescription("直播营销人员培训")
                .setAudience(audience)
                .setKind(kind)
                .addAllTopics(Arrays.asList(topics))
                .setMinimumDuration(com.google.protobuf.Duration.newBuilder().setSeconds(MINIMUM.toSeconds()))
                .setPassScore(PASS_SCORE)
                .setEffectiveFrom(date(CATALOGUE_START));
    }

    Course draft(String code, Audience audience, Course.Kind kind, Topic... topics) {
        return draft(courseInput(code, audience, kind, topics));
    }

    Course draft(Course.Builder course) {
        return client.as(ADMIN).createCourse(CreateCourseRequest.newBuilder().setCourse(course).build());
    }

    List<Course> publish(Course... drafts) {
        return client.as(ADMIN).publishCourses(PublishCoursesRequest.newBuilder()
                .addAllNames(Arrays.stream(drafts).map(Course::getName).toList()).build()).getCoursesList();
    }

    /** A plausible passing statement: 40 minutes from start to completion, 35 watched, identity checked midway. */
    static TrainingRecord.Builder passing(String subject, Course course, Instant complete) {
        return TrainingRecord.newBuilder()
                .setSubject(subject)
                .setCourse(course.getName())
                .setStartTime(timestamp(complete.minus(Duration.ofMinutes(40))))
                .setCompleteTime(timestamp(complete))
                .setWatchedDuration(com.google.protobuf.Duration.newBuilder().setSeconds(35 * 60))
                .setScore(90)
                .setIdentityCheck(IdentityCheck.newBuilder().setMethod(IdentityCheck.Method.METHOD_LIVENESS_AND_FACE_MATCH)
                        .setReference("face-" + System.nanoTime()).setCheckTime(timestamp(complete.minus(Duration.ofMinutes(20)))))
                .setIssuer("platform");
    }

    TrainingRecord record(TrainingRecord.Builder record) {
        return client.as(WRITE).recordTraining(RecordTrainingRequest.newBuilder().setTrainingRecord(record).build());
    }

    TrainingRecord pass(String subject, Course course, Instant complete) {
        return record(passing(subject, course, complete));
    }

    static Timestamp timestamp(Instant at) {
        return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
    }

    static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    static Date date(LocalDate day) {
        return Date.newBuilder().setYear(day.getYear()).setMonth(day.getMonthValue()).setDay(day.getDayOfMonth()).build();
    }
}
