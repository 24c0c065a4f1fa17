package org.livecomply.training.grpc;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.livecomply.api.training.v1.AcknowledgeNoticeRequest;
import org.livecomply.api.training.v1.BatchGetTrainingStatusesRequest;
import org.livecomply.api.training.v1.BatchGetTrainingStatusesResponse;
import org.livecomply.api.training.v1.Certificate;
import org.livecomply.api.training.v1.CirculateRegulatorNoticeRequest;
import org.livecomply.api.training.v1.Course;
import org.livecomply.api.training.v1.CreateCourseRequest;
import org.livecomply.api.training.v1.GetCourseRequest;
import org.livecomply.api.training.v1.GetRegulatorNoticeRequest;
import org.livecomply.api.training.v1.GetTrainingRecordRequest;
import org.livecomply.api.training.v1.GetTrainingRulesRequest;
import org.livecomply.api.training.v1.GetTrainingStatusRequest;
import org.livecomply.api.training.v1.ListCoursesRequest;
import org.livecomply.api.training.v1.ListCoursesResponse;
import org.livecomply.api.training.v1.ListNonCompliantRequest;
import org.livecomply.api.training.v1.ListNonCompliantResponse;
import org.livecomply.api.training.v1.ListNoticeAcknowledgementsRequest;
import org.livecomply.api.training.v1.ListNoticeAcknowledgementsResponse;
import org.livecomply.api.training.v1.ListRegulatorNoticesRequest;
import org.livecomply.api.training.v1.ListRegulatorNoticesResponse;
import org.livecomply.api.training.v1.ListTrainingRecordsRequest;
import org.livecomply.api.training.v1.ListTrainingRecordsResponse;
import org.livecomply.api.training.v1.ListTrainingRefusalsRequest;
import org.livecomply.api.training.v1.ListTrainingRefusalsResponse;
import org.livecomply.api.training.v1.ListUnacknowledgedSubjectsRequest;
import org.livecomply.api.training.v1.ListUnacknowledgedSubjectsResponse;
import org.livecomply.api.training.v1.NoticeAcknowledgement;
import org.livecomply.api.training.v1.PublishCoursesRequest;
import org.livecomply.api.training.v1.PublishCoursesResponse;
import org.livecomply.api.training.v1.RecordTrainingRefusalRequest;
import org.livecomply.api.training.v1.RecordTrainingRequest;
import org.livecomply.api.training.v1.RegulatorNotice;
import org.livecomply.api.training.v1.RetireCourseRequest;
import org.livecomply.api.training.v1.TrainingRecord;
import org.livecomply.api.training.v1.TrainingRefusal;
import org.livecomply.api.training.v1.TrainingRules;
import org.livecomply.api.training.v1.TrainingServiceGrpc;
import org.livecomply.api.training.v1.TrainingStatus;
import org.livecomply.api.training.v1.UpdateCourseRequest;
import org.livecomply.api.training.v1.VerifyCertificateRequest;
import org.livecomply.api.training.v1.VoidTrainingRecordRequest;
import org.livecomply.commons.auth.Caller;
import org.livecomply.commons.error.InvalidArgumentException;
import org.livecomply.commons.error.Violations;
import org.livecomply.commons.idempotency.RequestFingerprints;
import org.livecomply.commons.paging.PageSize;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.training.domain.Audience;
import org.livecomply.training.domain.CertificateIds;
import org.livecomply.training.domain.CourseContent;
import org.livecomply.training.domain.CourseField;
import org.livecomply.training.domain.CourseKind;
import org.livecomply.training.domain.CourseRef;
import org.livecomply.training.domain.NewTrainingRecord;
import org.livecomply.training.domain.Subject;
import org.livecomply.training.domain.YearlyCompletion;
import org.livecomply.training.domain.report.ReportYear;
import org.livecomply.training.service.CatalogueService;
import org.livecomply.training.service.NonComplianceService;
import org.livecomply.training.service.NoticeService;
import org.livecomply.training.service.RefusalService;
import org.livecomply.training.service.TrainingRecordService;
import org.livecomply.training.service.TrainingStatusService;

/** The TrainingService gRPC API: checks and translates requests, nothing else. */
@Singleton
public class TrainingGrpcEndpoint extends TrainingServiceGrpc.TrainingServiceImplBase {

    static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final int MAX_PUBLISHED_AT_ONCE = 50;
    static final int MAX_BATCH_SUBJECTS = 100;
    /** Status instants a caller may ask about (2020-01-01 .. 2100-01-01 UTC). */
    private static final Instant EARLIEST_EVALUATION = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant LATEST_EVALUATION = Instant.parse("2100-01-01T00:00:00Z");

    private final CatalogueService catalogue;
    private final TrainingRecordService records;
    private final RefusalService refusals;
    private final TrainingStatusService status;
    private final NonComplianceService nonCompliance;
    private final NoticeService notices;
    private final org.livecomply.training.domain.TrainingRules rules;
    private final RequestFingerprints fingerprints;

    public TrainingGrpcEndpoint(CatalogueService catalogue, TrainingRecordService records, RefusalService refusals, TrainingStatusService status,
                                NonComplianceService nonCompliance, NoticeService notices, org.livecomply.training.domain.TrainingRules rules,
                                RequestFingerprints fingerprints) {
        this.catalogue = catalogue;
        this.records = records;
        this.refusals = refusals;
        this.status = status;
        this.nonCompliance = nonCompliance;
        this.notices = notices;
        this.rules = rules;
        this.fingerprints = fingerprints;
    }

    @Override
    public void getTrainingRules(GetTrainingRulesRequest request, StreamObserver<TrainingRules> response) {
        reply(response, StatusMapper.toProto(rules));
    }

    @Override
    public void createCourse(CreateCourseRequest request, StreamObserver<Course> response) {
        Violations violations = requestId(request.getRequestId());
        if (!request.hasCourse()) {
            violations.add("course", "course is required").throwIfAny();
        }
        CourseContent content = CourseMapper.fromProto(request.getCourse(), violations);
        content.check(violations);
        violations.throwIfAny();
        reply(response, CourseMapper.toProto(catalogue.create(request.getRequestId(), fingerprints.of(request), content,
                Caller.current().subject())));
    }

    @Override
    public void updateCourse(UpdateCourseRequest request, StreamObserver<Course> response) {
        Violations violations = requestId(request.getRequestId());
        if (!request.hasCourse()) {
            violations.add("course", "course is required").throwIfAny();
        }
        CourseRef ref = ResourceNames.course(request.getCourse().getName(), "course.name", violations);
        Set<CourseField> fields = FieldMasks.fields(request.getUpdateMask(), CourseField.class, CourseField::path, violations);
        CourseContent values = null;
        if (fields != null) {
            values = CourseMapper.updateFromProto(request.getCourse(), fields, violations);
            values.checkFields(fields, violations);
        }
        violations.throwIfAny();
        reply(response, CourseMapper.toProto(catalogue.update(request.getRequestId(), fingerprints.of(request), ref, fields, values)));
    }

    @Override
    public void publishCourses(PublishCoursesRequest request, StreamObserver<PublishCoursesResponse> response) {
        Violations violations = requestId(request.getRequestId());
        violations.when(request.getNamesCount() == 0 || request.getNamesCount() > MAX_PUBLISHED_AT_ONCE, "names",
                "names must hold 1.." + MAX_PUBLISHED_AT_ONCE + " course versions");
        List<CourseRef> refs = new ArrayList<>();
        Set<CourseRef> seen = new HashSet<>();
        for (int i = 0; i < request.getNamesCount() && i < MAX_PUBLISHED_AT_ONCE; i++) {
            CourseRef ref = ResourceNames.course(request.getNames(i), "names[" + i + "]", violations);
            if (ref != null && !seen.add(ref)) {
                violations.add("names[" + i + "]", "names[" + i + "] repeats " + ref.name());
            }
            refs.add(ref);
        }
        violations.throwIfAny();
        PublishCoursesResponse.Builder reply = PublishCoursesResponse.newBuilder();
        catalogue.publish(request.getRequestId(), fingerprints.of(request), refs).forEach(c -> reply.addCourses(CourseMapper.toProto(c)));
        reply(response, reply.build());
    }

    @Override
    public void retireCourse(RetireCourseRequest request, StreamObserver<Course> response) {
        Violations violations = requestId(request.getRequestId());
        CourseRef ref = ResourceNames.course(request.getName(), "name", violations);
        LocalDate lastDay = ProtoValues.date(request.getLastEffectiveDate(), "last_effective_date", violations);
        violations.when(ProtoValues.isUnset(request.getLastEffectiveDate()), "last_effective_date", "last_effective_date is required");
        violations.throwIfAny();
        reply(response, CourseMapper.toProto(catalogue.retire(request.getRequestId(), fingerprints.of(request), ref, lastDay)));
    }

    @Override
    public void getCourse(GetCourseRequest request, StreamObserver<Course> response) {
        Violations violations = new Violations();
        CourseRef ref = ResourceNames.course(request.getName(), "name", violations);
        violations.throwIfAny();
        reply(response, CourseMapper.toProto(catalogue.get(ref)));
    }

    @Override
    public void listCourses(ListCoursesRequest request, StreamObserver<ListCoursesResponse> response) {
        Violations violations = PageSize.check(request.getPageSize(), new Violations());
        Audience audience = ProtoValues.filter(request.getAudience(), "AUDIENCE_", Audience.class, "audience", violations);
        CourseKind kind = ProtoValues.filter(request.getKind(), "KIND_", CourseKind.class, "kind", violations);
        var state = CourseMapper.stateFilter(request.getState(), violations);
        violations.matches("code", request.getCode(), CourseContent.CODE, "a course code (1..32 of [A-Z0-9_-])");
        violations.throwIfAny();
        PagedResult<org.livecomply.training.domain.Course> page = catalogue.list(audience, kind, state,
                request.getCode().isEmpty() ? null : request.getCode(), PageSize.resolve(request.getPageSize()), request.getPageToken());
        ListCoursesResponse.Builder reply = ListCoursesResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(c -> reply.addCourses(CourseMapper.toProto(c)));
        reply(response, reply.build());
    }

    @Override
    public void recordTraining(RecordTrainingRequest request, StreamObserver<TrainingRecord> response) {
        Violations violations = requestId(request.getRequestId());
        if (!request.hasTrainingRecord()) {
            violations.add("training_record", "training_record is required").throwIfAny();
        }
        NewTrainingRecord record = RecordMapper.fromProto(request.getTrainingRecord(), violations);
        record.check(records.now(), violations);
        violations.throwIfAny();
        reply(response, RecordMapper.toProto(records.record(request.getRequestId(), fingerprints.of(request), record,
                Caller.current().subject())));
    }

    @Override
    public void voidTrainingRecord(VoidTrainingRecordRequest request, StreamObserver<TrainingRecord> response) {
        Violations violations = requestId(request.getRequestId());
        String id = ResourceNames.id(request.getName(), org.livecomply.training.domain.TrainingRecord.COLLECTION, "name", violations);
        violations.text("reason", request.getReason(), 1, 1000);
        violations.throwIfAny();
        reply(response, RecordMapper.toProto(records.voidRecord(request.getRequestId(), fingerprints.of(request), id, request.getReason(),
                Caller.current().subject())));
    }

    @Override
    public void getTrainingRecord(GetTrainingRecordRequest request, StreamObserver<TrainingRecord> response) {
        Violations violations = new Violations();
        String id = ResourceNames.id(request.getName(), org.livecomply.training.domain.TrainingRecord.COLLECTION, "name", violations);
        violations.throwIfAny();
        reply(response, RecordMapper.toProto(records.get(id)));
    }

    @Override
    public void listTrainingRecords(ListTrainingRecordsRequest request, StreamObserver<ListTrainingRecordsResponse> response) {
        Violations violations = PageSize.check(request.getPageSize(), new Violations());
        Subject subject = ResourceNames.optionalSubject(request.getSubject(), "subject", violations);
        Boolean voided = switch (request.getState()) {
            case STATE_UNSPECIFIED -> null;
            case STATE_ACTIVE -> false;
            case STATE_VOIDED -> true;
            default -> {
                violations.add("state", "state is not a known value");
                yield null;
            }
        };
        violations.throwIfAny();
        var page = records.list(subject, voided, PageSize.resolve(request.getPageSize()), request.getPageToken());
        ListTrainingRecordsResponse.Builder reply = ListTrainingRecordsResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(r -> reply.addTrainingRecords(RecordMapper.toProto(r)));
        reply(response, reply.build());
    }

    @Override
    public void recordTrainingRefusal(RecordTrainingRefusalRequest request, StreamObserver<TrainingRefusal> response) {
        Violations violations = requestId(request.getRequestId());
        if (!request.hasTrainingRefusal()) {
            violations.add("training_refusal", "training_refusal is required").throwIfAny();
        }
        TrainingRefusal refusal = request.getTrainingRefusal();
        Subject subject = ResourceNames.subject(refusal.getSubject(), "training_refusal.subject", violations);
        CourseRef course = ResourceNames.course(refusal.getCourse(), "training_refusal.course", violations);
        Instant refuseTime = ProtoValues.instant(refusal.hasRefuseTime(), refusal.getRefuseTime(), "training_refusal.refuse_time", violations);
        violations.when(!refusal.hasRefuseTime(), "training_refusal.refuse_time", "training_refusal.refuse_time is required");
        org.livecomply.training.domain.TrainingRefusal.check(refuseTime, refusal.getNote(), refusals.now(), violations);
        violations.throwIfAny();
        reply(response, RecordMapper.toProto(refusals.record(request.getRequestId(), fingerprints.of(request), subject, course, refuseTime,
                refusal.getNote(), Caller.current().subject())));
    }

    @Override
    public void listTrainingRefusals(ListTrainingRefusalsRequest request, StreamObserver<ListTrainingRefusalsResponse> response) {
        Violations violations = PageSize.check(request.getPageSize(), new Violations());
        Subject subject = ResourceNames.optionalSubject(request.getSubject(), "subject", violations);
        violations.throwIfAny();
        var page = refusals.list(subject, PageSize.resolve(request.getPageSize()), request.getPageToken());
        ListTrainingRefusalsResponse.Builder reply = ListTrainingRefusalsResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(r -> reply.addTrainingRefusals(RecordMapper.toProto(r)));
        reply(response, reply.build());
    }

    @Override
    public void verifyCertificate(VerifyCertificateRequest request, StreamObserver<Certificate> response) {
        String raw = CertificateIds.parse(request.getCertificateId()).orElseThrow(() -> InvalidArgumentException.of("certificate_id",
                request.getCertificateId().isEmpty() ? "certificate_id is required"
                        : "certificate_id must be " + CertificateIds.LENGTH + " base32 characters (A-Z, 2-7), optionally grouped with - or spaces"));
        reply(response, RecordMapper.toProto(records.verify(raw)));
    }

    @Override
    public void getTrainingStatus(GetTrainingStatusRequest request, StreamObserver<TrainingStatus> response) {
        Violations violations = new Violations();
        Subject subject = ResourceNames.subject(request.getSubject(), "subject", violations);
        Instant at = evaluateTime(request.hasEvaluateTime(), request.getEvaluateTime(), violations);
        violations.throwIfAny();
        reply(response, StatusMapper.toProto(status.status(subject, at == null ? status.now() : at.truncatedTo(ChronoUnit.MICROS))));
    }

    @Override
    public void batchGetTrainingStatuses(BatchGetTrainingStatusesRequest request, StreamObserver<BatchGetTrainingStatusesResponse> response) {
        Violations violations = new Violations();
        violations.when(request.getSubjectsCount() == 0, "subjects", "at least one subject is required")
                .when(request.getSubjectsCount() > MAX_BATCH_SUBJECTS, "subjects", "at most " + MAX_BATCH_SUBJECTS + " subjects");
        List<Subject> subjects = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < Math.min(request.getSubjectsCount(), MAX_BATCH_SUBJECTS); i++) {
            String field = "subjects[" + i + "]";
            Subject subject = ResourceNames.subject(request.getSubjects(i), field, violations);
            if (subject != null && !seen.add(subject.name())) {
                violations.add(field, field + " is listed twice");
            }
            subjects.add(subject);
        }
        Instant at = evaluateTime(request.hasEvaluateTime(), request.getEvaluateTime(), violations);
        violations.throwIfAny();
        BatchGetTrainingStatusesResponse.Builder reply = BatchGetTrainingStatusesResponse.newBuilder();
        status.statuses(subjects, at == null ? status.now() : at.truncatedTo(ChronoUnit.MICROS)).forEach(s -> reply.addStatuses(StatusMapper.toProto(s)));
        reply(response, reply.build());
    }

    private static Instant evaluateTime(boolean present, com.google.protobuf.Timestamp value, Violations violations) {
        Instant at = ProtoValues.instant(present, value, "evaluate_time", violations);
        violations.when(at != null && (at.isBefore(EARLIEST_EVALUATION) || at.isAfter(LATEST_EVALUATION)), "evaluate_time",
                "evaluate_time must be in the years 2020..2099");
        return at;
    }

    @Override
    public void listNonCompliant(ListNonCompliantRequest request, StreamObserver<ListNonCompliantResponse> response) {
        Violations violations = PageSize.check(request.getPageSize(), new Violations());
        Audience audience = ProtoValues.required(request.getAudience(), "AUDIENCE_", Audience.class, "audience", violations);
        int currentYear = status.now().atZone(org.livecomply.training.domain.TrainingRules.ZONE).getYear();
        ReportYear year = ReportMapper.year(request.getYear(), violations);
        if (year != null && year.year() > currentYear) {
            violations.add("year", "year must not be after the current year " + currentYear + " (China time)");
        }
        violations.throwIfAny();
        PagedResult<YearlyCompletion> page = nonCompliance.list(audience, year, PageSize.resolve(request.getPageSize()), request.getPageToken());
        ListNonCompliantResponse.Builder reply = ListNonCompliantResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(c -> reply.addNonCompliant(StatusMapper.toProto(c)));
        reply(response, reply.build());
    }

    @Override
    public void circulateRegulatorNotice(CirculateRegulatorNoticeRequest request, StreamObserver<RegulatorNotice> response) {
        Violations violations = requestId(request.getRequestId());
        if (!request.hasRegulatorNotice()) {
            violations.add("regulator_notice", "regulator_notice is required").throwIfAny();
        }
        org.livecomply.training.domain.RegulatorNotice notice = NoticeMapper.fromProto(request.getRegulatorNotice(), violations);
        notice.check(notices.now(), violations);
        violations.throwIfAny();
        reply(response, NoticeMapper.toProto(notices.circulate(request.getRequestId(), fingerprints.of(request), notice,
                Caller.current().subject())));
    }

    @Override
    public void getRegulatorNotice(GetRegulatorNoticeRequest request, StreamObserver<RegulatorNotice> response) {
        Violations violations = new Violations();
        String id = ResourceNames.id(request.getName(), org.livecomply.training.domain.RegulatorNotice.COLLECTION, "name", violations);
        violations.throwIfAny();
        reply(response, NoticeMapper.toProto(notices.get(id)));
    }

    @Override
    public void listRegulatorNotices(ListRegulatorNoticesRequest request, StreamObserver<ListRegulatorNoticesResponse> response) {
        Violations violations = PageSize.check(request.getPageSize(), new Violations());
        violations.throwIfAny();
        var page = notices.list(PageSize.resolve(request.getPageSize()), request.getPageToken());
        ListRegulatorNoticesResponse.Builder reply = ListRegulatorNoticesResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(n -> reply.addRegulatorNotices(NoticeMapper.toProto(n)));
        reply(response, reply.build());
    }

    @Override
    public void acknowledgeNotice(AcknowledgeNoticeRequest request, StreamObserver<NoticeAcknowledgement> response) {
        Violations violations = requestId(request.getRequestId());
        String noticeId = ResourceNames.id(request.getParent(), org.livecomply.training.domain.RegulatorNotice.COLLECTION, "parent", violations);
        if (!request.hasAcknowledgement()) {
            violations.add("acknowledgement", "acknowledgement is required").throwIfAny();
        }
        NoticeAcknowledgement acknowledgement = request.getAcknowledgement();
        Subject subject = ResourceNames.subject(acknowledgement.getSubject(), "acknowledgement.subject", violations);
        Instant acknowledgeTime = ProtoValues.instant(acknowledgement.hasAcknowledgeTime(), acknowledgement.getAcknowledgeTime(),
                "acknowledgement.acknowledge_time", violations);
        violations.when(!acknowledgement.hasAcknowledgeTime(), "acknowledgement.acknowledge_time", "acknowledgement.acknowledge_time is required");
        violations.throwIfAny();
        reply(response, NoticeMapper.toProto(notices.acknowledge(request.getRequestId(), fingerprints.of(request), noticeId, subject,
                acknowledgeTime, Caller.current().subject())));
    }

    @Override
    public void listNoticeAcknowledgements(ListNoticeAcknowledgementsRequest request,
                                           StreamObserver<ListNoticeAcknowledgementsResponse> response) {
        Violations violations = PageSize.check(request.getPageSize(), new Violations());
        String noticeId = ResourceNames.id(request.getParent(), org.livecomply.training.domain.RegulatorNotice.COLLECTION, "parent", violations);
        violations.throwIfAny();
        var page = notices.listAcknowledgements(noticeId, PageSize.resolve(request.getPageSize()), request.getPageToken());
        ListNoticeAcknowledgementsResponse.Builder reply = ListNoticeAcknowledgementsResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(a -> reply.addAcknowledgements(NoticeMapper.toProto(a)));
        reply(response, reply.build());
    }

    @Override
    public void listUnacknowledgedSubjects(ListUnacknowledgedSubjectsRequest request,
                                           StreamObserver<ListUnacknowledgedSubjectsResponse> response) {
        Violations violations = PageSize.check(request.getPageSize(), new Violations());
        String noticeId = ResourceNames.id(request.getParent(), org.livecomply.training.domain.RegulatorNotice.COLLECTION, "parent", violations);
        violations.throwIfAny();
        org.livecomply.training.domain.RegulatorNotice notice = notices.get(noticeId);
        var page = notices.listUnacknowledged(noticeId, PageSize.resolve(request.getPageSize()), request.getPageToken());
        reply(response, ListUnacknowledgedSubjectsResponse.newBuilder().addAllSubjects(page.items())
                .setNextPageToken(page.nextPageToken()).setOverdue(notice.overdueAt(notices.now())).build());
    }

    private static Violations requestId(String requestId) {
        Violations violations = new Violations().text("request_id", requestId, 1, 64);
        return violations.isEmpty() ? violations.matches("request_id", requestId, REQUEST_ID, "1..64 of [A-Za-z0-9_-]") : violations;
    }

    private static <T> void reply(StreamObserver<T> response, T message) {
        response.onNext(message);
        response.onCompleted();
    }
}
