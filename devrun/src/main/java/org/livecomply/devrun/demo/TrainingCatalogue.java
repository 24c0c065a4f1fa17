package org.livecomply.devrun.demo;

import com.google.protobuf.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.livecomply.api.training.v1.Audience;
import org.livecomply.api.training.v1.Course;
import org.livecomply.api.training.v1.CreateCourseRequest;
import org.livecomply.api.training.v1.IdentityCheck;
import org.livecomply.api.training.v1.ListCoursesRequest;
import org.livecomply.api.training.v1.ListCoursesResponse;
import org.livecomply.api.training.v1.PublishCoursesRequest;
import org.livecomply.api.training.v1.RecordTrainingRequest;
import org.livecomply.api.training.v1.Topic;
import org.livecomply.api.training.v1.TrainingRecord;
import org.livecomply.api.type.v1.Date;
import org.livecomply.sdk.LiveComplyClient;

/**
 * The marketers' courses the demo trains on (Art. 10 ¶1): its own pre-service course covering the four areas,
 * published once and reused by later runs, an annual course likewise, and every other annual marketer course
 * the platform has in force (a marketer is current only with all of them).
 */
final class TrainingCatalogue {

    static final String PRE_SERVICE_CODE = "LC-DEMO-PRE";
    static final String ANNUAL_CODE = "LC-DEMO-ANNUAL";

    private final LiveComplyClient client;
    private final LocalDate today;

    TrainingCatalogue(LiveComplyClient client, LocalDate today) {
        this.client = client;
        this.today = today;
    }

    /** The demo's two courses in force today: created and published now, or found from an earlier run. */
    List<Course> ensureDemoCourses() {
        Date fromJanuary = Date.newBuilder().setYear(today.getYear()).setMonth(1).setDay(1).build();
        Course pre = Course.newBuilder().setCode(PRE_SERVICE_CODE).setTitle("直播营销人员上岗前培训 Pre-service training")
                .setAudience(Audience.AUDIENCE_MARKETER).setKind(Course.Kind.KIND_PRE_SERVICE)
                .addTopics(Topic.TOPIC_TRANSACTION_AND_INFORMATION_SECURITY_LAW).addTopics(Topic.TOPIC_PRODUCT_QUALITY_AND_SAFETY)
                .addTopics(Topic.TOPIC_CONSUMER_PROTECTION).addTopics(Topic.TOPIC_PLATFORM_RULES)
                .setMinimumDuration(Duration.newBuilder().setSeconds(45 * 60)).setPassScore(80).setEffectiveFrom(fromJanuary).build();
        Course annual = pre.toBuilder().setCode(ANNUAL_CODE).setTitle("年度合规培训 Annual compliance training").setKind(Course.Kind.KIND_ANNUAL)
                .clearTopics().addTopics(Topic.TOPIC_LIVE_COMMERCE_REGULATION).addTopics(Topic.TOPIC_CONSUMER_PROTECTION)
                .setMinimumDuration(Duration.newBuilder().setSeconds(30 * 60)).build();
        List<Course> result = new ArrayList<>();
        List<String> drafts = new ArrayList<>();
        for (Course wanted : List.of(pre, annual)) {
            Course inForce = newestInForce(courses(wanted.getCode(), null)).get(wanted.getCode());
            if (inForce == null) {
                Course draft = client.training().createCourse(CreateCourseRequest.newBuilder().setCourse(wanted).build());
                drafts.add(draft.getName());
                result.add(draft);
            } else {
                result.add(inForce);
            }
        }
        if (!drafts.isEmpty()) {
            List<Course> published = client.training().publishCourses(PublishCoursesRequest.newBuilder().addAllNames(drafts).build())
                    .getCoursesList();
            result.replaceAll(c -> published.stream().filter(p -> p.getName().equals(c.getName())).findFirst().orElse(c));
        }
        return result;
    }

    /** The courses a marketer must pass to be trained: the demo's pre-service course and every annual marketer course in force. */
    List<Course> requiredOfMarketers() {
        List<Course> required = new ArrayList<>();
        required.add(newestInForce(courses(PRE_SERVICE_CODE, null)).get(PRE_SERVICE_CODE));
        required.addAll(newestInForce(courses("", Course.Kind.KIND_ANNUAL)).values());
        return required;
    }

    /** Records that {@code subject} took {@code course} and passed, as the platform's training system would report it. */
    TrainingRecord record(String subject, Course course) {
        long minimum = course.getMinimumDuration().getSeconds();
        Instant complete = Instant.now().minusSeconds(60);
        Instant start = complete.minusSeconds(minimum + 15 * 60);
        return client.training().recordTraining(RecordTrainingRequest.newBuilder().setTrainingRecord(TrainingRecord.newBuilder()
                .setSubject(subject).setCourse(course.getName())
                .setStartTime(Timestamps.of(start)).setCompleteTime(Timestamps.of(complete))
                .setWatchedDuration(Duration.newBuilder().setSeconds(minimum + 10 * 60))
                .setScore(Math.max(course.getPassScore(), 92))
                .setIdentityCheck(IdentityCheck.newBuilder().setMethod(IdentityCheck.Method.METHOD_LIVENESS_AND_FACE_MATCH)
                        .setReference("face-" + UUID.randomUUID()).setCheckTime(Timestamps.of(start.plusSeconds(30))))
                .setIssuer("platform")).build());
    }

    private List<Course> courses(String code, Course.Kind kind) {
        List<Course> all = new ArrayList<>();
        String page = "";
        do {
            ListCoursesRequest.Builder request = ListCoursesRequest.newBuilder().setPageSize(200).setPageToken(page)
                    .setAudience(Audience.AUDIENCE_MARKETER).setState(Course.State.STATE_PUBLISHED).setCode(code);
            if (kind != null) {
                request.setKind(kind);
            }
            ListCoursesResponse response = client.training().listCourses(request.build());
            all.addAll(response.getCoursesList());
            page = response.getNextPageToken();
        } while (!page.isEmpty());
        return all;
    }

    /** Per code, the newest published version in force today (China time). */
    private Map<String, Course> newestInForce(List<Course> courses) {
        Map<String, Course> newest = new LinkedHashMap<>();
        courses.stream().filter(this::inForceToday).sorted(Comparator.comparingInt(Course::getVersion))
                .forEach(c -> newest.put(c.getCode(), c));
        return newest;
    }

    private boolean inForceToday(Course course) {
        LocalDate from = day(course.getEffectiveFrom());
        return !from.isAfter(today) && (!course.hasEffectiveUntil() || !day(course.getEffectiveUntil()).isBefore(today));
    }

    private static LocalDate day(Date date) {
        return LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
    }
}
