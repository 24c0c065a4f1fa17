package org.livecomply.sdk.testing;

import com.google.protobuf.Duration;
import io.grpc.BindableService;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.livecomply.api.training.v1.Audience;
import org.livecomply.api.training.v1.BatchGetTrainingStatusesRequest;
import org.livecomply.api.training.v1.BatchGetTrainingStatusesResponse;
import org.livecomply.api.training.v1.Course;
import org.livecomply.api.training.v1.GetTrainingRulesRequest;
import org.livecomply.api.training.v1.GetTrainingStatusRequest;
import org.livecomply.api.training.v1.MissingCourse;
import org.livecomply.api.training.v1.StatusReason;
import org.livecomply.api.training.v1.Topic;
import org.livecomply.api.training.v1.TrainingRules;
import org.livecomply.api.training.v1.TrainingServiceGrpc;
import org.livecomply.api.training.v1.TrainingStatus;
import org.livecomply.api.type.v1.Date;

/**
 * The training-service fake: a subject's training status (Art. 10) derived, as training-service derives it, from
 * the courses in force and the subject's passed courses, with the calendar-year window (training's default).
 * A test publishes courses with {@link #publishCourse} and says who passed what with {@link #markCoursePassed},
 * or simply {@link #markTrained}. Nobody is trained without a catalogue, as in the real service.
 * <p>
 * Faked RPCs: GetTrainingStatus, BatchGetTrainingStatuses, GetTrainingRules. Not faked: the catalogue and record
 * RPCs (courses, training records, refusals, certificates), regulator notices, ListNonCompliant, reports; so the
 * fake's statuses never carry refusals or overdue notices.
 */
public final class FakeTraining {

    static final String DOMAIN = Refusals.domain("training");
    private static final String ARTICLE = "Art. 10 ¶1";
    private static final Instant EARLIEST_EVALUATION = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant LATEST_EVALUATION = Instant.parse("2100-01-01T00:00:00Z");
    private static final int MAX_BATCH_SUBJECTS = 100;
    private static final String UUID = Checks.UUID;
    private static final Set<Topic> PRE_SERVICE_AREAS = EnumSet.of(Topic.TOPIC_TRANSACTION_AND_INFORMATION_SECURITY_LAW,
            Topic.TOPIC_PRODUCT_QUALITY_AND_SAFETY, Topic.TOPIC_CONSUMER_PROTECTION, Topic.TOPIC_PLATFORM_RULES);
    private static final Map<Topic, String> LABELS = Map.of(
            Topic.TOPIC_TRANSACTION_AND_INFORMATION_SECURITY_LAW, "online-transaction and network-information-security law",
            Topic.TOPIC_PRODUCT_QUALITY_AND_SAFETY, "product quality and safety",
            Topic.TOPIC_CONSUMER_PROTECTION, "consumer protection",
            Topic.TOPIC_PLATFORM_RULES, "platform rules",
            Topic.TOPIC_LIVE_COMMERCE_REGULATION, "live e-commerce regulation",
            Topic.TOPIC_MARKETER_DUTIES, "marketers' duties",
            Topic.TOPIC_REGULATOR_REQUIREMENTS, "regulators' requirements");

    private record Passed(String code, Course.Kind kind, Set<Topic> topics, Instant completeTime) {
    }

    private final FakeContext context;
    private final Map<String, List<Course>> versions = new TreeMap<>();
    private final Map<String, List<Passed>> passed = new HashMap<>();

    FakeTraining(FakeContext context) {
        this.context = context;
    }

    BindableService service() {
        return new Endpoint();
    }

    // ---- test controls ----

    /**
     * A small catalogue that makes anyone trained who passes all of it: one pre-service course covering the four
     * areas of Art. 10 ¶1 for marketers, and an annual course for each audience. Not published until
     * {@link #markTrained} needs it or a test publishes it; e2e publishes the same in the real service.
     */
    public static List<Course> standardCatalogue() {
        Course.Builder base = Course.newBuilder().setMinimumDuration(Duration.newBuilder().setSeconds(600)).setPassScore(60);
        return List.of(
                base.clone().setCode("LC-PRE-SERVICE").setTitle("上岗前培训 Pre-service training").setAudience(Audience.AUDIENCE_MARKETER)
                        .setKind(Course.Kind.KIND_PRE_SERVICE).addAllTopics(PRE_SERVICE_AREAS).build(),
                base.clone().setCode("LC-ANNUAL-MARKETER").setTitle("年度培训 Annual training").setAudience(Audience.AUDIENCE_MARKETER)
                        .setKind(Course.Kind.KIND_ANNUAL).addTopics(Topic.TOPIC_LIVE_COMMERCE_REGULATION).build(),
                base.clone().setCode("LC-ANNUAL-OPERATOR").setTitle("年度学习 Annual study").setAudience(Audience.AUDIENCE_ROOM_OPERATOR)
                        .setKind(Course.Kind.KIND_ANNUAL).addTopics(Topic.TOPIC_LIVE_COMMERCE_REGULATION).build(),
                base.clone().setCode("LC-ANNUAL-MCN").setTitle("年度学习 Annual study").setAudience(Audience.AUDIENCE_MCN)
                        .setKind(Course.Kind.KIND_ANNUAL).addTopics(Topic.TOPIC_MARKETER_DUTIES).build());
    }

    /**
     * Publishes a course version, as CreateCourse and PublishCourses would: version 1 of a new code, the next
     * version of a known one. Needs code, title, audience, kind and topics; effective from today (China) unless
     * {@code effective_from} is set. Answers the published version.
     */
    public Course publishCourse(Course course) {
        if (course.getCode().isEmpty() || course.getTitle().isEmpty() || course.getAudience() == Audience.AUDIENCE_UNSPECIFIED
                || course.getKind() == Course.Kind.KIND_UNSPECIFIED || course.getTopicsCount() == 0) {
            throw new IllegalArgumentException("a course needs code, title, audience, kind and topics");
        }
        if (course.getKind() == Course.Kind.KIND_PRE_SERVICE && course.getAudience() != Audience.AUDIENCE_MARKETER) {
            throw new IllegalArgumentException("pre-service courses are for marketers only (Art. 10 ¶1)");
        }
        return context.locked(() -> {
            Instant now = Protos.micros(context.now());
            List<Course> known = versions.computeIfAbsent(course.getCode(), code -> new ArrayList<>());
            int version = known.size() + 1;
            Course.Builder published = course.toBuilder().setName("courses/" + course.getCode() + "/versions/" + version).setVersion(version)
                    .setState(Course.State.STATE_PUBLISHED).setInUse(false).setCreateTime(Protos.timestamp(now))
                    .setUpdateTime(Protos.timestamp(now)).setPublishTime(Protos.timestamp(now));
            if (!course.hasEffectiveFrom()) {
                published.setEffectiveFrom(Protos.date(Protos.today(now)));
            }
            Course result = published.build();
            known.add(result);
            return result;
        });
    }

    /** The subject passed {@code course} ({@code courses/{code}/versions/{version}}, published) just now. */
    public void markCoursePassed(String subject, String course) {
        context.locked(() -> {
            Audience audience = audience(subject);
            if (audience == null) {
                throw new IllegalArgumentException(subject + " is not marketers/{uuid}, roomOperators/{uuid} or mcnInstitutions/{uuid}");
            }
            Course found = versions.values().stream().flatMap(List::stream).filter(c -> c.getName().equals(course)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(course + " is not a published course of the training fake"));
            if (found.getAudience() != audience) {
                throw new IllegalArgumentException(course + " is for " + found.getAudience() + ", not " + audience + " (COURSE_AUDIENCE_MISMATCH)");
            }
            passed.computeIfAbsent(subject, s -> new ArrayList<>()).add(new Passed(found.getCode(), found.getKind(),
                    EnumSet.copyOf(found.getTopicsList()), Protos.micros(context.now())));
        });
    }

    /**
     * Passes the subject on every pre-service (marketers) and annual course in force for its audience, after
     * publishing {@link #standardCatalogue()} if its audience has no annual course (or, for a marketer, no
     * pre-service course) in force.
     */
    public void markTrained(String subject) {
        context.locked(() -> {
            Audience audience = audience(subject);
            if (audience == null) {
                throw new IllegalArgumentException(subject + " is not marketers/{uuid}, roomOperators/{uuid} or mcnInstitutions/{uuid}");
            }
            LocalDate today = Protos.today(context.now());
            List<Course> inForce = inForce(audience, today);
            boolean complete = inForce.stream().anyMatch(c -> c.getKind() == Course.Kind.KIND_ANNUAL)
                    && (audience != Audience.AUDIENCE_MARKETER || inForce.stream().anyMatch(c -> c.getKind() == Course.Kind.KIND_PRE_SERVICE));
            if (!complete) {
                standardCatalogue().stream().filter(c -> c.getAudience() == audience).forEach(this::publishCourse);
                inForce = inForce(audience, today);
            }
            for (Course course : inForce) {
                if (course.getKind() == Course.Kind.KIND_PRE_SERVICE || course.getKind() == Course.Kind.KIND_ANNUAL) {
                    markCoursePassed(subject, course.getName());
                }
            }
        });
    }

    /** A subject's status now, for the go-live gate (under the context lock). */
    TrainingStatus status(String subject, Instant at) {
        return evaluate(subject, audience(subject), at);
    }

    // ---- the evaluation (Art. 10) ----

    private static Audience audience(String name) {
        if (name == null) {
            return null;
        }
        for (Audience audience : List.of(Audience.AUDIENCE_MARKETER, Audience.AUDIENCE_ROOM_OPERATOR, Audience.AUDIENCE_MCN)) {
            String collection = collection(audience);
            if (name.startsWith(collection) && name.length() <= 100 && name.substring(collection.length()).matches(UUID)) {
                return audience;
            }
        }
        return null;
    }

    private static String collection(Audience audience) {
        return switch (audience) {
            case AUDIENCE_MARKETER -> "marketers/";
            case AUDIENCE_ROOM_OPERATOR -> "roomOperators/";
            default -> "mcnInstitutions/";
        };
    }

    private List<Course> inForce(Audience audience, LocalDate day) {
        return versions.values().stream().flatMap(List::stream)
                .filter(c -> c.getAudience() == audience && !toLocalDate(c.getEffectiveFrom()).isAfter(day)
                        && (!c.hasEffectiveUntil() || !toLocalDate(c.getEffectiveUntil()).isBefore(day)))
                .toList();
    }

    private static LocalDate toLocalDate(Date date) {
        return LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
    }

    /** The first instant of {@code year} in China: the calendar-year window's edges. */
    private static Instant yearStart(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(Protos.CHINA).toInstant();
    }

    private TrainingStatus evaluate(String subject, Audience audience, Instant at) {
        int year = at.atZone(Protos.CHINA).getYear();
        Instant windowStart = yearStart(year);
        Instant windowEnd = yearStart(year + 1);
        boolean preServiceRequired = audience == Audience.AUDIENCE_MARKETER;
        List<Passed> done = passed.getOrDefault(subject, List.of()).stream().filter(p -> !p.completeTime().isAfter(at))
                .sorted(Comparator.comparing(Passed::completeTime)).toList();
        Set<Topic> missingAreas = EnumSet.noneOf(Topic.class);
        Instant preServiceCompleteTime = null;
        if (preServiceRequired) {
            missingAreas.addAll(PRE_SERVICE_AREAS);
            for (Passed course : done) {
                if (course.kind() == Course.Kind.KIND_PRE_SERVICE) {
                    missingAreas.removeAll(course.topics());
                    if (missingAreas.isEmpty()) {
                        preServiceCompleteTime = course.completeTime();
                        break;
                    }
                }
            }
        }
        List<Course> inForce = inForce(audience, at.atZone(Protos.CHINA).toLocalDate());
        List<Course> missing = new ArrayList<>();
        // A course teaching a missing area was not passed in a version teaching it, whatever else was passed.
        for (Course course : newestPerCode(inForce, Course.Kind.KIND_PRE_SERVICE)) {
            if (course.getTopicsList().stream().anyMatch(missingAreas::contains)) {
                missing.add(course);
            }
        }
        Map<String, Instant> lastAnnual = new LinkedHashMap<>();
        for (Passed course : done) {
            if (course.kind() == Course.Kind.KIND_ANNUAL && !course.completeTime().isBefore(windowStart)) {
                lastAnnual.put(course.code(), course.completeTime());
            }
        }
        List<Course> requiredAnnual = newestPerCode(inForce, Course.Kind.KIND_ANNUAL);
        requiredAnnual.stream().filter(c -> !lastAnnual.containsKey(c.getCode())).forEach(missing::add);
        boolean annualCurrent = !requiredAnnual.isEmpty() && missing.stream().noneMatch(c -> c.getKind() == Course.Kind.KIND_ANNUAL);

        TrainingStatus.Builder status = TrainingStatus.newBuilder().setSubject(subject).setAudience(audience)
                .setEvaluateTime(Protos.timestamp(at)).setPreServiceRequired(preServiceRequired).setPreServiceComplete(missingAreas.isEmpty())
                .setAnnualCurrent(annualCurrent).setAnnualWindowStartTime(Protos.timestamp(windowStart))
                .setAnnualWindowEndTime(Protos.timestamp(windowEnd)).addAllMissingPreServiceTopics(missingAreas);
        if (preServiceCompleteTime != null) {
            status.setPreServiceCompleteTime(Protos.timestamp(preServiceCompleteTime));
        }
        if (annualCurrent) {
            // Calendar year: every completion in the window keeps the subject current until the next 1 January.
            status.setLapsesAt(Protos.timestamp(windowEnd));
        }
        missing.forEach(c -> status.addMissingCourses(MissingCourse.newBuilder().setCourse(c.getName()).setCode(c.getCode())
                .setTitle(c.getTitle()).setKind(c.getKind()).setRefused(false)));
        String annualArticle = preServiceRequired ? "Art. 10 ¶1" : "Art. 10 ¶2";
        if (!missingAreas.isEmpty()) {
            status.addReasons(reason("PRE_SERVICE_TRAINING_MISSING", ARTICLE, "", "pre-service training before the first session must cover: "
                    + missingAreas.stream().map(LABELS::get).collect(Collectors.joining(", "))));
        }
        if (requiredAnnual.isEmpty()) {
            status.addReasons(reason("ANNUAL_TRAINING_MISSING", annualArticle, "",
                    "no annual course for " + audience.name().substring("AUDIENCE_".length()) + " is in force: the platform must publish one"));
        }
        for (Course course : missing) {
            if (course.getKind() == Course.Kind.KIND_ANNUAL) {
                status.addReasons(reason("ANNUAL_TRAINING_MISSING", annualArticle, course.getName(),
                        "annual course " + course.getCode() + " (" + course.getTitle() + ") not passed in the current annual window"));
            }
        }
        return status.build();
    }

    private static StatusReason reason(String code, String article, String resource, String description) {
        return StatusReason.newBuilder().setReason(code).setArticle(article).setResource(resource).setDescription(description).build();
    }

    /** One course per code, its newest version in force, by code. */
    private static List<Course> newestPerCode(List<Course> inForce, Course.Kind kind) {
        Map<String, Course> newest = new TreeMap<>();
        for (Course course : inForce) {
            if (course.getKind() == kind) {
                newest.merge(course.getCode(), course, (a, b) -> a.getVersion() >= b.getVersion() ? a : b);
            }
        }
        return List.copyOf(newest.values());
    }

    // ---- RPCs ----

    private String subject(String name, String field, Checks checks) {
        if (name == null || name.isEmpty()) {
            checks.add(field, field + " is required");
            return null;
        }
        if (audience(name) == null) {
            checks.add(field, field + " must be marketers/{uuid}, roomOperators/{uuid} or mcnInstitutions/{uuid}");
            return null;
        }
        return name;
    }

    private Instant evaluateTime(boolean present, com.google.protobuf.Timestamp value, Checks checks) {
        Instant at = Protos.instant(present, value, "evaluate_time", checks);
        checks.when(at != null && (at.isBefore(EARLIEST_EVALUATION) || at.isAfter(LATEST_EVALUATION)), "evaluate_time",
                "evaluate_time must be in the years 2020..2099");
        return at == null ? Protos.micros(context.now()) : Protos.micros(at);
    }

    private TrainingStatus getTrainingStatus(GetTrainingStatusRequest request) {
        Checks checks = new Checks(DOMAIN);
        String subject = subject(request.getSubject(), "subject", checks);
        Instant at = evaluateTime(request.hasEvaluateTime(), request.getEvaluateTime(), checks);
        checks.throwIfAny();
        return evaluate(subject, audience(subject), at);
    }

    private BatchGetTrainingStatusesResponse batchGetTrainingStatuses(BatchGetTrainingStatusesRequest request) {
        Checks checks = new Checks(DOMAIN);
        checks.when(request.getSubjectsCount() == 0, "subjects", "at least one subject is required")
                .when(request.getSubjectsCount() > MAX_BATCH_SUBJECTS, "subjects", "at most " + MAX_BATCH_SUBJECTS + " subjects");
        List<String> subjects = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < Math.min(request.getSubjectsCount(), MAX_BATCH_SUBJECTS); i++) {
            String field = "subjects[" + i + "]";
            String subject = subject(request.getSubjects(i), field, checks);
            checks.when(subject != null && !seen.add(subject), field, field + " is listed twice");
            subjects.add(subject);
        }
        Instant at = evaluateTime(request.hasEvaluateTime(), request.getEvaluateTime(), checks);
        checks.throwIfAny();
        BatchGetTrainingStatusesResponse.Builder reply = BatchGetTrainingStatusesResponse.newBuilder();
        subjects.forEach(subject -> reply.addStatuses(evaluate(subject, audience(subject), at)));
        return reply.build();
    }

    private static TrainingRules rules() {
        return TrainingRules.newBuilder().setAnnualWindow(TrainingRules.AnnualWindow.ANNUAL_WINDOW_CALENDAR_YEAR)
                .setTimeZone(Protos.CHINA.getId()).addAllPreServiceTopics(new TreeSet<>(PRE_SERVICE_AREAS))
                .setMaximumRecordAge(Duration.newBuilder().setSeconds(366L * 24 * 3600)).build();
    }

    /** The TrainingService RPCs the fake implements; the others answer UNIMPLEMENTED. */
    private final class Endpoint extends TrainingServiceGrpc.TrainingServiceImplBase {

        @Override
        public void getTrainingStatus(GetTrainingStatusRequest request, StreamObserver<TrainingStatus> response) {
            context.answer(response, () -> FakeTraining.this.getTrainingStatus(request));
        }

        @Override
        public void batchGetTrainingStatuses(BatchGetTrainingStatusesRequest request, StreamObserver<BatchGetTrainingStatusesResponse> response) {
            context.answer(response, () -> FakeTraining.this.batchGetTrainingStatuses(request));
        }

        @Override
        public void getTrainingRules(GetTrainingRulesRequest request, StreamObserver<TrainingRules> response) {
            context.answer(response, FakeTraining::rules);
        }
    }
}
