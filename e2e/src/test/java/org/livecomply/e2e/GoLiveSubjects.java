package org.livecomply.e2e;

import com.google.protobuf.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.livecomply.api.identity.v1.CreateMarketerRequest;
import org.livecomply.api.identity.v1.CreateRoomOperatorRequest;
import org.livecomply.api.identity.v1.IdentityServiceGrpc;
import org.livecomply.api.identity.v1.LiveAccount;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.RecordVerificationRequest;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.api.identity.v1.SubmitSessionRosterRequest;
import org.livecomply.api.identity.v1.Verification;
import org.livecomply.api.training.v1.Audience;
import org.livecomply.api.training.v1.Course;
import org.livecomply.api.training.v1.CreateCourseRequest;
import org.livecomply.api.training.v1.IdentityCheck;
import org.livecomply.api.training.v1.PublishCoursesRequest;
import org.livecomply.api.training.v1.RecordTrainingRequest;
import org.livecomply.api.training.v1.Topic;
import org.livecomply.api.training.v1.TrainingRecord;
import org.livecomply.api.training.v1.TrainingServiceGrpc;
import org.livecomply.api.type.v1.Contact;
import org.livecomply.api.type.v1.Date;
import org.livecomply.api.type.v1.PostalAddress;
import org.livecomply.sdk.LiveComplyClient;

/**
 * What the go-live gate asks about, made through the platform's API of the real identity and training services:
 * verified room operators and marketers, session rosters, the published courses and completed training.
 */
final class GoLiveSubjects {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (Math.random() * 1000));

    private final LiveComplyClient platform;
    private String preServiceCourse;
    private String annualCourse;

    /** {@code platform} needs identity.write, identity.verify, training.admin and training.write. */
    GoLiveSubjects(LiveComplyClient platform) {
        this.platform = platform;
    }

    /** A registered entity that passed its identity check a minute ago (Art. 8 ¶1). */
    RoomOperator verifiedOperator() {
        RoomOperator operator = identity().createRoomOperator(CreateRoomOperatorRequest.newBuilder()
                .setRoomOperator(RoomOperator.newBuilder().setKind(RoomOperator.Kind.KIND_REGISTERED_ENTITY).setLegalName("杭州示例电子商务有限公司")
                        .setUscc(freshUscc()).setBusinessAddress(address()).setContact(Contact.newBuilder().setPhone("13812345678"))
                        .addLiveAccounts(LiveAccount.newBuilder().setAccountId("acct-" + UUID.randomUUID().toString().substring(0, 8))))
                .build());
        verify(operator.getName());
        return operator;
    }

    /** An adult marketer verified a minute ago (Art. 8 ¶3), with the pre-service and this year's training done (Art. 10 ¶1). */
    Marketer trainedMarketer() {
        Marketer marketer = identity().createMarketer(CreateMarketerRequest.newBuilder().setMarketer(Marketer.newBuilder()
                .setLegalName("李四").setIdNumber(freshIdNumber(LocalDate.of(1990, 3, 3))).setHabitualAddress(address())
                .setContact(Contact.newBuilder().setPhone("13987654321")).setOccupation("主播")).build());
        verify(marketer.getName());
        if (preServiceCourse == null) {
            publishCourses();
        }
        train(marketer.getName(), preServiceCourse);
        train(marketer.getName(), annualCourse);
        return marketer;
    }

    /** Art. 28: who presents in this session. */
    void roster(RoomOperator operator, String sessionId, String... marketers) {
        identity().submitSessionRoster(SubmitSessionRosterRequest.newBuilder().setRoomOperator(operator.getName())
                .setSessionId(sessionId).addAllMarketers(List.of(marketers)).build());
    }

    private void verify(String subject) {
        identity().recordVerification(RecordVerificationRequest.newBuilder().setParent(subject)
                .setVerification(Verification.newBuilder().setMethod(Verification.Method.METHOD_ID_AND_LIVENESS).setProvider("ctid")
                        .setProviderReference("ref-" + UUID.randomUUID()).setResult(Verification.Result.RESULT_PASSED)
                        .setVerifyTime(timestamp(Instant.now().minusSeconds(60)))).build());
    }

    private void publishCourses() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Course pre = Course.newBuilder().setCode("E2E-PRE").setTitle("上岗前培训").setAudience(Audience.AUDIENCE_MARKETER)
                .setKind(Course.Kind.KIND_PRE_SERVICE)
                .addTopics(Topic.TOPIC_TRANSACTION_AND_INFORMATION_SECURITY_LAW).addTopics(Topic.TOPIC_PRODUCT_QUALITY_AND_SAFETY)
                .addTopics(Topic.TOPIC_CONSUMER_PROTECTION).addTopics(Topic.TOPIC_PLATFORM_RULES)
                .setMinimumDuration(com.google.protobuf.Duration.newBuilder().setSeconds(600)).setPassScore(60)
                .setEffectiveFrom(Date.newBuilder().setYear(today.getYear()).setMonth(1).setDay(1)).build();
        Course annual = pre.toBuilder().setCode("E2E-ANNUAL").setTitle("年度培训").setKind(Course.Kind.KIND_ANNUAL).clearTopics()
                .addTopics(Topic.TOPIC_LIVE_COMMERCE_REGULATION).build();
        String preName = training().createCourse(CreateCourseRequest.newBuilder().setCourse(pre).build()).getName();
        String annualName = training().createCourse(CreateCourseRequest.newBuilder().setCourse(annual).build()).getName();
        training().publishCourses(PublishCoursesRequest.newBuilder().addNames(preName).addNames(annualName).build());
        preServiceCourse = "courses/" + pre.getCode() + "/versions/1";
        annualCourse = "courses/" + annual.getCode() + "/versions/1";
    }

    private void train(String subject, String courseVersion) {
        Instant complete = Instant.now().minusSeconds(60);
        Instant start = complete.minus(Duration.ofMinutes(30));
        training().recordTraining(RecordTrainingRequest.newBuilder().setTrainingRecord(TrainingRecord.newBuilder()
                .setSubject(subject).setCourse(courseVersion).setStartTime(timestamp(start)).setCompleteTime(timestamp(complete))
                .setWatchedDuration(com.google.protobuf.Duration.newBuilder().setSeconds(1200)).setScore(90)
                .setIdentityCheck(IdentityCheck.newBuilder().setMethod(IdentityCheck.Method.METHOD_LIVENESS_AND_FACE_MATCH)
                        .setReference("face-" + UUID.randomUUID()).setCheckTime(timestamp(start.plusSeconds(10))))
                .setIssuer("platform")).build());
    }

    /** Stubs that wait for a connection: a test may just have restarted the service. */
    private IdentityServiceGrpc.IdentityServiceBlockingStub identity() {
        return platform.identity().withWaitForReady();
    }

    private TrainingServiceGrpc.TrainingServiceBlockingStub training() {
        return platform.training().withWaitForReady();
    }

    static Timestamp timestamp(Instant at) {
        return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
    }

    private static PostalAddress address() {
        return PostalAddress.newBuilder().setProvince("浙江省").setCity("杭州市").setDistrict("西湖区").setStreetAddress("文三路100号").build();
    }

    /** A fresh valid resident ID number (GB 11643-1999 check digit). */
    private static String freshIdNumber(LocalDate birth) {
        String body = "110105" + birth.toString().replace("-", "") + String.format("%03d", SEQUENCE.incrementAndGet() % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** A fresh valid unified social credit code (GB 32100-2015 check character). */
    private static String freshUscc() {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        StringBuilder body = new StringBuilder("91330106");
        while (body.length() < 17) {
            body.append(chars.charAt((int) (Math.random() * 10)));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += chars.indexOf(body.charAt(i)) * weights[i];
        }
        return body.toString() + chars.charAt((31 - sum % 31) % 31);
    }
}
