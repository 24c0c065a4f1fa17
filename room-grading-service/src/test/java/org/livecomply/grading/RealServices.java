package org.livecomply.grading;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.livecomply.api.identity.v1.CreateMarketerRequest;
import org.livecomply.api.identity.v1.CreateRoomOperatorRequest;
import org.livecomply.api.identity.v1.IdentityServiceGrpc;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.RecordVerificationRequest;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.api.identity.v1.SubmitSessionRosterRequest;
import org.livecomply.api.identity.v1.Verification;
import org.livecomply.api.training.v1.Course;
import org.livecomply.api.training.v1.CreateCourseRequest;
import org.livecomply.api.training.v1.IdentityCheck;
import org.livecomply.api.training.v1.PublishCoursesRequest;
import org.livecomply.api.training.v1.RecordTrainingRequest;
import org.livecomply.api.training.v1.TrainingRecord;
import org.livecomply.api.training.v1.TrainingServiceGrpc;
import org.livecomply.api.type.v1.Contact;
import org.livecomply.api.type.v1.Date;
import org.livecomply.api.type.v1.PostalAddress;
import org.livecomply.commons.auth.TokenMinter;
import org.livecomply.sdk.BearerToken;
import org.livecomply.sdk.RequestIdInterceptor;
import org.livecomply.testsupport.ServiceProcess;
import org.livecomply.testsupport.TestDatabase;

/**
 * The real identity and training services, each started once per test JVM from its shaded jar on its own
 * database, with the tests' HS256 secret; and the subjects, rosters, courses and training records the gate
 * tests need, created through their public APIs. These processes run on the real clock: tokens for them are
 * minted at the real time.
 */
final class RealServices {

    private static ServiceProcess identity;
    private static ServiceProcess training;
    private static ManagedChannel identityChannel;
    private static ManagedChannel trainingChannel;
    private static boolean catalogue;
    private static final java.util.concurrent.atomic.AtomicInteger SEQUENCE = new java.util.concurrent.atomic.AtomicInteger((int) (Math.random() * 1000));

    private RealServices() {
    }

    static synchronized ServiceProcess identity() {
        if (identity == null) {
            identity = ServiceProcess.builder("identity-for-grading", ServiceProcess.jarOf(ServiceProcess.repoRoot(), "identity-service"))
                    .database(TestDatabase.shared().newDatabase("grading_it_identity")).hs256Secret(GradingServiceClient.SECRET).build().start();
            identityChannel = ManagedChannelBuilder.forTarget(identity.grpcAddress()).usePlaintext().intercept(new RequestIdInterceptor()).build();
        }
        return identity;
    }

    static synchronized ServiceProcess training() {
        if (training == null) {
            ServiceProcess identityProcess = identity();
            training = ServiceProcess.builder("training-for-grading", ServiceProcess.jarOf(ServiceProcess.repoRoot(), "training-service"))
                    .database(TestDatabase.shared().newDatabase("grading_it_training")).hs256Secret(GradingServiceClient.SECRET)
                    .env("LIVECOMPLY_CLIENTS_IDENTITY_ADDRESS", identityProcess.grpcAddress()).build().start();
            trainingChannel = ManagedChannelBuilder.forTarget(training.grpcAddress()).usePlaintext().intercept(new RequestIdInterceptor()).build();
        }
        return training;
    }

    static String token(String... scopes) {
        return TokenMinter.mintHs256(GradingServiceClient.SECRET, "platform-test", List.of(scopes), Instant.now(), Duration.ofHours(1));
    }

    static IdentityServiceGrpc.IdentityServiceBlockingStub identityAs(String... scopes) {
        identity();
        return IdentityServiceGrpc.newBlockingStub(identityChannel).withCallCredentials(BearerToken.of(token(scopes)));
    }

    static TrainingServiceGrpc.TrainingServiceBlockingStub trainingAs(String... scopes) {
        training();
        return TrainingServiceGrpc.newBlockingStub(trainingChannel).withCallCredentials(BearerToken.of(token(scopes)));
    }

    /** A registered entity room operator, verified now. */
    static RoomOperator verifiedOperator() {
        RoomOperator operator = identityAs("identity.write").createRoomOperator(CreateRoomOperatorRequest.newBuilder()
                .setRoomOperator(RoomOperator.newBuilder().setKind(RoomOperator.Kind.KIND_REGISTERED_ENTITY).setLegalName("杭州示例电子商务有限公司")
                        .setUscc(freshUscc()).setBusinessAddress(address()).setContact(Contact.newBuilder().setPhone("13812345678"))
                        .addLiveAccounts(org.livecomply.api.identity.v1.LiveAccount.newBuilder().setAccountId("acct-" + UUID.randomUUID().toString().substring(0, 8))))
                .build());
        verify(operator.getName());
        return operator;
    }

    /** A registered marketer born on {@code birth}, verified now unless {@code verified} is false. */
    static Marketer marketer(LocalDate birth, boolean verified) {
        return marketer(freshIdNumber(birth), verified);
    }

    /** A registered marketer with this resident ID number, verified now unless {@code verified} is false. */
    static Marketer marketer(String idNumber, boolean verified) {
        Marketer marketer = identityAs("identity.write").createMarketer(CreateMarketerRequest.newBuilder().setMarketer(Marketer.newBuilder()
                .setLegalName("李四").setIdNumber(idNumber).setHabitualAddress(address())
                .setContact(Contact.newBuilder().setPhone("13987654321")).setOccupation("主播")).build());
        if (verified) {
            verify(marketer.getName());
        }
        return marketer;
    }

    static void roster(RoomOperator operator, String sessionId, String... marketers) {
        identityAs("identity.write").submitSessionRoster(SubmitSessionRosterRequest.newBuilder().setRoomOperator(operator.getName())
                .setSessionId(sessionId).addAllMarketers(List.of(marketers)).build());
    }

    private static void verify(String subject) {
        Instant now = Instant.now();
        identityAs("identity.verify").recordVerification(RecordVerificationRequest.newBuilder().setParent(subject)
                .setVerification(Verification.newBuilder().setMethod(Verification.Method.METHOD_ID_AND_LIVENESS).setProvider("ctid")
                        .setProviderReference("ref-" + UUID.randomUUID()).setResult(Verification.Result.RESULT_PASSED)
                        .setVerifyTime(GradingFixtures.timestamp(now.minusSeconds(60)))).build());
    }

    /** Marks the marketer trained: the pre-service course (the four areas of Art. 10 ¶1) and this year's annual course. */
    static synchronized void trained(Marketer marketer) {
        if (!catalogue) {
            publishCatalogue();
            catalogue = true;
        }
        record(marketer.getName(), "courses/GRADING-PRE/versions/1");
        record(marketer.getName(), "courses/GRADING-ANNUAL/versions/1");
    }

    private static void publishCatalogue() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        Date from = Date.newBuilder().setYear(today.getYear()).setMonth(1).setDay(1).build();
        Course pre = Course.newBuilder().setCode("GRADING-PRE").setTitle("上岗前培训").setAudience(org.livecomply.api.training.v1.Audience.AUDIENCE_MARKETER)
                .setKind(Course.Kind.KIND_PRE_SERVICE)
                .addTopics(org.livecomply.api.training.v1.Topic.TOPIC_TRANSACTION_AND_INFORMATION_SECURITY_LAW)
                .addTopics(org.livecomply.api.training.v1.Topic.TOPIC_PRODUCT_QUALITY_AND_SAFETY)
                .addTopics(org.livecomply.api.training.v1.Topic.TOPIC_CONSUMER_PROTECTION)
                .addTopics(org.livecomply.api.training.v1.Topic.TOPIC_PLATFORM_RULES)
                .setMinimumDuration(com.google.protobuf.Duration.newBuilder().setSeconds(600)).setPassScore(60).setEffectiveFrom(from).build();
        Course annual = pre.toBuilder().setCode("GRADING-ANNUAL").setTitle("年度培训").setKind(Course.Kind.KIND_ANNUAL).clearTopics()
                .addTopics(org.livecomply.api.training.v1.Topic.TOPIC_LIVE_COMMERCE_REGULATION).build();
        var admin = trainingAs("training.admin");
        String preName = admin.createCourse(CreateCourseRequest.newBuilder().setCourse(pre).build()).getName();
        String annualName = admin.createCourse(CreateCourseRequest.newBuilder().setCourse(annual).build()).getName();
        admin.publishCourses(PublishCoursesRequest.newBuilder().addNames(preName).addNames(annualName).build());
    }

    private static void record(String subject, String course) {
        Instant complete = Instant.now().minusSeconds(60);
        Instant start = complete.minus(Duration.ofMinutes(30));
        trainingAs("training.write").recordTraining(RecordTrainingRequest.newBuilder().setTrainingRecord(TrainingRecord.newBuilder()
                .setSubject(subject).setCourse(course).setStartTime(GradingFixtures.timestamp(start))
                .setCompleteTime(GradingFixtures.timestamp(complete))
                .setWatchedDuration(com.google.protobuf.Duration.newBuilder().setSeconds(1200)).setScore(90)
                .setIdentityCheck(IdentityCheck.newBuilder().setMethod(IdentityCheck.Method.METHOD_LIVENESS_AND_FACE_MATCH)
                        .setReference("face-" + UUID.randomUUID()).setCheckTime(GradingFixtures.timestamp(start.plusSeconds(10))))
                .setIssuer("platform")).build());
    }

    static PostalAddress address() {
        return PostalAddress.newBuilder().setProvince("浙江省").setCity("杭州市").setDistrict("西湖区").setStreetAddress("文三路100号").build();
    }

    /** A fresh valid resident ID number of someone born on {@code birth} (GB 11643-1999 check digit). */
    static String freshIdNumber(LocalDate birth) {
        String body = "110105" + birth.toString().replace("-", "") + String.format("%03d", SEQUENCE.incrementAndGet() % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** A fresh valid USCC (GB 32100-2015 check character). */
    static String freshUscc() {
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
