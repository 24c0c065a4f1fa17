package org.livecomply.bench;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.livecomply.api.grading.v1.CheckGoLiveEligibilityRequest;
import org.livecomply.api.grading.v1.CreateRoomRequest;
import org.livecomply.api.grading.v1.GoLiveDecision;
import org.livecomply.api.grading.v1.GoodsCategory;
import org.livecomply.api.grading.v1.Room;
import org.livecomply.api.grading.v1.RoomGradingServiceGrpc;
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
import org.livecomply.commons.auth.TokenMinter;
import org.livecomply.sdk.BearerToken;
import org.livecomply.sdk.RequestIdInterceptor;
import org.livecomply.testsupport.ServiceProcess;
import org.livecomply.testsupport.TestDatabase;

/**
 * The go-live gate's target (issue 6; results in docs/performance.md): CheckGoLiveEligibility p99 ≤ 25 ms at
 * 200 requests/s with identity and training running. identity, training and room-grading run as separate
 * JVMs from their shaded jars (as deployed), each on its own database of one server; one verified operator
 * with a room and a roster of verified, trained marketers; then an open-loop load: requests are sent at a
 * fixed rate whatever the answers do (no coordinated omission), each timed from send to answer.
 * <pre>java -cp ... org.livecomply.bench.GateBench [--rate 200] [--seconds 60] [--warmup 20] [--warmup-rate R] [--marketers 3] [--jfr DIR] [--jvm-options "OPTIONS"]</pre>
 * The warm-up (not counted) runs at {@code --warmup-rate}, by default the measured rate: a lower one lets the
 * services' JIT compile the hot paths before the full rate arrives, as a rolling deployment's gradual
 * traffic shift does. {@code --jvm-options} replaces the services' JVM options ({@link ServiceProcess#PRODUCTION_LIKE}).
 */
public final class GateBench {

    static final String SECRET = "bench-secret-for-the-gate-benchmark-0123456789";

    private final int rate;
    private final int seconds;
    private final int warmupSeconds;
    private final int marketers;
    private final String gateDeadline;
    private Path flightRecordings;
    private int warmupRate;
    private List<String> serviceJvmOptions = ServiceProcess.PRODUCTION_LIKE;
    private final List<String> databases = new java.util.ArrayList<>();

    /** {@code gateDeadline}: room-grading's LIVECOMPLY_GRADING_GATE_DEADLINE (the service default is 500ms). */
    GateBench(int rate, int seconds, int warmupSeconds, int marketers, String gateDeadline) {
        this.rate = rate;
        this.seconds = seconds;
        this.warmupSeconds = warmupSeconds;
        this.marketers = marketers;
        this.gateDeadline = gateDeadline;
    }

    /** What one run measured. Latencies in milliseconds. */
    record Result(int rate, int requests, int allowed, int failed, double achievedRate, double p50, double p90, double p99, double max) {

        String report() {
            return String.format(Locale.ROOT, "CheckGoLiveEligibility at %d/s: %d requests (%.1f/s achieved), %d ALLOWED, %d failed; "
                    + "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms", rate, requests, achievedRate, allowed, failed, p50, p90, p99, max);
        }
    }

    public static void main(String[] args) throws Exception {
        int rate = 200;
        int seconds = 60;
        int warmup = 20;
        int marketers = 3;
        Path flightRecordings = null;
        int warmupRate = 0;
        List<String> jvmOptions = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rate" -> rate = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--marketers" -> marketers = Integer.parseInt(args[i + 1]);
                case "--jfr" -> flightRecordings = Path.of(args[i + 1]);
                case "--warmup-rate" -> warmupRate = Integer.parseInt(args[i + 1]);
                case "--jvm-options" -> jvmOptions = List.of(args[i + 1].trim().split("\\s+"));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        GateBench bench = new GateBench(rate, seconds, warmup, marketers, "500ms");
        bench.flightRecordings = flightRecordings;
        bench.warmupRate = warmupRate > 0 ? warmupRate : rate;
        if (jvmOptions != null) {
            bench.serviceJvmOptions = jvmOptions;
        }
        System.out.println(bench.run().report());
    }

    Result run() throws Exception {
        TestDatabase server = TestDatabase.shared();
        try {
            return run(server);
        } finally {
            for (String database : databases) {
                server.execute("DROP DATABASE IF EXISTS `" + database + "`");
            }
        }
    }

    private Result run(TestDatabase server) throws Exception {
        Path root = ServiceProcess.repoRoot();
        try (ServiceProcess identity = start("identity", "identity-service", server, root);
             ServiceProcess training = start("training", "training-service", server, root, "LIVECOMPLY_CLIENTS_IDENTITY_ADDRESS",
                     identity.grpcAddress());
             ServiceProcess grading = start("room-grading", "room-grading-service", server, root,
                     "LIVECOMPLY_CLIENTS_IDENTITY_ADDRESS", identity.grpcAddress(), "LIVECOMPLY_CLIENTS_TRAINING_ADDRESS", training.grpcAddress(),
                     "LIVECOMPLY_GRADING_GATE_DEADLINE", gateDeadline)) {
            ManagedChannel identityChannel = channel(identity);
            ManagedChannel trainingChannel = channel(training);
            ManagedChannel gradingChannel = channel(grading);
            try {
                CheckGoLiveEligibilityRequest request = fixtures(identityChannel, trainingChannel, gradingChannel);
                RoomGradingServiceGrpc.RoomGradingServiceFutureStub gate = RoomGradingServiceGrpc.newFutureStub(gradingChannel)
                        .withCallCredentials(BearerToken.of(token("grading.gate")));
                GoLiveDecision first = RoomGradingServiceGrpc.newBlockingStub(gradingChannel).withCallCredentials(BearerToken.of(token("grading.gate")))
                        .checkGoLiveEligibility(request);
                if (first.getOutcome() != GoLiveDecision.Outcome.OUTCOME_ALLOWED) {
                    throw new IllegalStateException("the benchmark's session should be allowed: " + first);
                }
                load(gate, request, warmupRate > 0 ? warmupRate : rate, warmupSeconds);
                return load(gate, request, rate, seconds);
            } finally {
                identityChannel.shutdownNow();
                trainingChannel.shutdownNow();
                gradingChannel.shutdownNow();
            }
        }
    }

    /** Open loop: one request every 1/rate s for {@code duration} s, each timed from its send to its answer. */
    private static Result load(RoomGradingServiceGrpc.RoomGradingServiceFutureStub gate, CheckGoLiveEligibilityRequest request, int rate,
                               int duration) throws InterruptedException {
        int total = rate * duration;
        long[] latencies = new long[total];
        AtomicInteger allowed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        AtomicInteger sent = new AtomicInteger();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        System.out.println("load at " + rate + "/s for " + duration + " s from " + Instant.now());
        ticker.scheduleAtFixedRate(() -> {
            int index = sent.getAndIncrement();
            if (index >= total) {
                return;
            }
            long sendTime = System.nanoTime();
            Futures.addCallback(gate.withDeadlineAfter(30, TimeUnit.SECONDS).checkGoLiveEligibility(request), new FutureCallback<>() {
                @Override
                public void onSuccess(GoLiveDecision decision) {
                    latencies[index] = System.nanoTime() - sendTime;
                    if (decision.getOutcome() == GoLiveDecision.Outcome.OUTCOME_ALLOWED) {
                        allowed.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                    done.countDown();
                }

                @Override
                public void onFailure(Throwable t) {
                    latencies[index] = System.nanoTime() - sendTime;
                    failed.incrementAndGet();
                    done.countDown();
                }
            }, MoreExecutors.directExecutor());
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        done.await(duration + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        ticker.shutdownNow();
        System.out.println(slowSeconds(latencies, rate));
        long[] sorted = Arrays.copyOf(latencies, total);
        Arrays.sort(sorted);
        return new Result(rate, total, allowed.get(), failed.get(), total / elapsed, millis(sorted, 0.50), millis(sorted, 0.90),
                millis(sorted, 0.99), sorted[total - 1] / 1e6);
    }

    /** Where the tail happened: each second of the run (by send time) with answers over 25 ms, worst first. */
    static String slowSeconds(long[] latencies, int rate) {
        Map<Integer, long[]> bySecond = new java.util.TreeMap<>();
        for (int i = 0; i < latencies.length; i++) {
            if (latencies[i] > 25_000_000L) {
                long[] second = bySecond.computeIfAbsent(i / rate, k -> new long[2]);
                second[0]++;
                second[1] = Math.max(second[1], latencies[i]);
            }
        }
        StringBuilder out = new StringBuilder("answers over 25 ms by second of the run:");
        bySecond.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(12).forEach(e -> out.append(
                String.format(Locale.ROOT, " [%ds: %d, max %.0f ms]", e.getKey(), e.getValue()[0], e.getValue()[1] / 1e6)));
        return bySecond.isEmpty() ? out.append(" none").toString() : out.toString();
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private CheckGoLiveEligibilityRequest fixtures(ManagedChannel identityChannel, ManagedChannel trainingChannel, ManagedChannel gradingChannel) {
        var identity = IdentityServiceGrpc.newBlockingStub(identityChannel)
                .withCallCredentials(BearerToken.of(token("identity.write", "identity.verify")));
        RoomOperator operator = identity.createRoomOperator(CreateRoomOperatorRequest.newBuilder().setRoomOperator(RoomOperator.newBuilder()
                .setKind(RoomOperator.Kind.KIND_REGISTERED_ENTITY).setLegalName("杭州示例电子商务有限公司").setUscc(Identifiers.uscc())
                .setBusinessAddress(address()).setContact(Contact.newBuilder().setPhone("13812345678"))
                .addLiveAccounts(LiveAccount.newBuilder().setAccountId("bench-" + UUID.randomUUID().toString().substring(0, 8)))).build());
        verify(identity, operator.getName());
        var training = TrainingServiceGrpc.newBlockingStub(trainingChannel)
                .withCallCredentials(BearerToken.of(token("training.admin", "training.write")));
        List<String> courses = publishCatalogue(training);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < marketers; i++) {
            Marketer marketer = identity.createMarketer(CreateMarketerRequest.newBuilder().setMarketer(Marketer.newBuilder().setLegalName("李四")
                    .setIdNumber(Identifiers.residentId(LocalDate.of(1990, 1, 1 + i))).setHabitualAddress(address())
                    .setContact(Contact.newBuilder().setPhone("13987654321")).setOccupation("主播")).build());
            verify(identity, marketer.getName());
            courses.forEach(course -> train(training, marketer.getName(), course));
            names.add(marketer.getName());
        }
        identity.submitSessionRoster(SubmitSessionRosterRequest.newBuilder().setRoomOperator(operator.getName()).setSessionId("bench-session")
                .addAllMarketers(names).build());
        Room room = RoomGradingServiceGrpc.newBlockingStub(gradingChannel).withInterceptors(new RequestIdInterceptor())
                .withCallCredentials(BearerToken.of(token("grading.write")))
                .createRoom(CreateRoomRequest.newBuilder().setRoom(Room.newBuilder().setRoomOperator(operator.getName())
                        .setLiveAccountId("bench-room-" + UUID.randomUUID().toString().substring(0, 8))
                        .addGoodsCategories(GoodsCategory.GOODS_CATEGORY_COSMETICS)).build());
        return CheckGoLiveEligibilityRequest.newBuilder().setRoom(room.getName()).setSessionId("bench-session").addAllMarketers(names).build();
    }

    private static void verify(IdentityServiceGrpc.IdentityServiceBlockingStub identity, String subject) {
        identity.recordVerification(RecordVerificationRequest.newBuilder().setParent(subject).setVerification(Verification.newBuilder()
                .setMethod(Verification.Method.METHOD_ID_AND_LIVENESS).setProvider("ctid").setProviderReference("ref-" + UUID.randomUUID())
                .setResult(Verification.Result.RESULT_PASSED).setVerifyTime(timestamp(Instant.now().minusSeconds(60)))).build());
    }

    private static List<String> publishCatalogue(TrainingServiceGrpc.TrainingServiceBlockingStub training) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Course pre = Course.newBuilder().setCode("BENCH-PRE").setTitle("上岗前培训").setAudience(Audience.AUDIENCE_MARKETER)
                .setKind(Course.Kind.KIND_PRE_SERVICE).addTopics(Topic.TOPIC_TRANSACTION_AND_INFORMATION_SECURITY_LAW)
                .addTopics(Topic.TOPIC_PRODUCT_QUALITY_AND_SAFETY).addTopics(Topic.TOPIC_CONSUMER_PROTECTION).addTopics(Topic.TOPIC_PLATFORM_RULES)
                .setMinimumDuration(com.google.protobuf.Duration.newBuilder().setSeconds(600)).setPassScore(60)
                .setEffectiveFrom(Date.newBuilder().setYear(today.getYear()).setMonth(1).setDay(1)).build();
        Course annual = pre.toBuilder().setCode("BENCH-ANNUAL").setTitle("年度培训").setKind(Course.Kind.KIND_ANNUAL).clearTopics()
                .addTopics(Topic.TOPIC_LIVE_COMMERCE_REGULATION).build();
        var requests = training.withInterceptors(new RequestIdInterceptor());
        String preName = requests.createCourse(CreateCourseRequest.newBuilder().setCourse(pre).build()).getName();
        String annualName = requests.createCourse(CreateCourseRequest.newBuilder().setCourse(annual).build()).getName();
        requests.publishCourses(PublishCoursesRequest.newBuilder().addNames(preName).addNames(annualName).build());
        return List.of(preName, annualName);
    }

    private static void train(TrainingServiceGrpc.TrainingServiceBlockingStub training, String subject, String course) {
        Instant complete = Instant.now().minusSeconds(60);
        Instant start = complete.minus(Duration.ofMinutes(30));
        training.withInterceptors(new RequestIdInterceptor()).recordTraining(RecordTrainingRequest.newBuilder().setTrainingRecord(TrainingRecord.newBuilder()
                .setSubject(subject).setCourse(course).setStartTime(timestamp(start)).setCompleteTime(timestamp(complete))
                .setWatchedDuration(com.google.protobuf.Duration.newBuilder().setSeconds(1200)).setScore(90)
                .setIdentityCheck(IdentityCheck.newBuilder().setMethod(IdentityCheck.Method.METHOD_LIVENESS_AND_FACE_MATCH)
                        .setReference("face-" + UUID.randomUUID()).setCheckTime(timestamp(start.plusSeconds(10))))
                .setIssuer("platform")).build());
    }

    /** With {@code --jfr DIR} each service records a flight recording (DIR/NAME.jfr) to see where its time goes. */
    private ServiceProcess start(String name, String module, TestDatabase server, Path root, String... env) {
        List<String> jvmOptions = new java.util.ArrayList<>(serviceJvmOptions);
        if (flightRecordings != null) {
            jvmOptions.add("-XX:StartFlightRecording=settings=profile,filename=" + flightRecordings.resolve(name + ".jfr").toAbsolutePath());
        }
        ServiceProcess.Builder builder = ServiceProcess.builder(name + "-bench", ServiceProcess.jarOf(root, module))
                .jvmOptions(jvmOptions)
                .database(database(server, "bench_" + name.replace('-', '_'))).hs256Secret(SECRET);
        for (int i = 0; i + 1 < env.length; i += 2) {
            builder.env(env[i], env[i + 1]);
        }
        return builder.build().start();
    }

    /** A new database for one service, dropped when the run ends (after the services stopped). */
    private TestDatabase.Database database(TestDatabase server, String prefix) {
        TestDatabase.Database database = server.newDatabase(prefix);
        databases.add(database.name());
        return database;
    }

    private static ManagedChannel channel(ServiceProcess process) {
        return ManagedChannelBuilder.forTarget(process.grpcAddress()).usePlaintext().intercept(new RequestIdInterceptor()).build();
    }

    private static String token(String... scopes) {
        return TokenMinter.mintHs256(SECRET, "bench", List.of(scopes), Instant.now(), Duration.ofHours(2));
    }

    private static Timestamp timestamp(Instant at) {
        return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
    }

    private static PostalAddress address() {
        return PostalAddress.newBuilder().setProvince("浙江省").setCity("杭州市").setDistrict("西湖区").setStreetAddress("文三路100号").build();
    }

    /** Valid identifiers with their check characters (GB 11643-1999, GB 32100-2015). */
    static final class Identifiers {

        private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (Math.random() * 1000));

        private Identifiers() {
        }

        static String residentId(LocalDate birth) {
            String body = "110105" + birth.toString().replace("-", "") + String.format("%03d", SEQUENCE.incrementAndGet() % 1000);
            int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += (body.charAt(i) - '0') * weights[i];
            }
            return body + "10X98765432".charAt(sum % 11);
        }

        static String uscc() {
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
}
