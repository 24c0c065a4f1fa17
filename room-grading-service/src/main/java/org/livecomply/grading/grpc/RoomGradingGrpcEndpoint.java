package org.livecomply.grading.grpc;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.livecomply.api.grading.v1.Appeal;
import org.livecomply.api.grading.v1.CheckGoLiveEligibilityRequest;
import org.livecomply.api.grading.v1.ContentReview;
import org.livecomply.api.grading.v1.CreateDisposalRequest;
import org.livecomply.api.grading.v1.CreateGradingRulesetRequest;
import org.livecomply.api.grading.v1.CreateRoomRequest;
import org.livecomply.api.grading.v1.CreateTermListRequest;
import org.livecomply.api.grading.v1.DecideAppealRequest;
import org.livecomply.api.grading.v1.Disposal;
import org.livecomply.api.grading.v1.DisposalProposal;
import org.livecomply.api.grading.v1.DryRunGradingRulesetRequest;
import org.livecomply.api.grading.v1.DryRunGradingRulesetResponse;
import org.livecomply.api.grading.v1.EvaluateRoomRequest;
import org.livecomply.api.grading.v1.FileAppealRequest;
import org.livecomply.api.grading.v1.GetAppealRequest;
import org.livecomply.api.grading.v1.GetDisposalRequest;
import org.livecomply.api.grading.v1.GetGradingRulesetRequest;
import org.livecomply.api.grading.v1.GetRoomRequest;
import org.livecomply.api.grading.v1.GetTermListRequest;
import org.livecomply.api.grading.v1.GetViolationRequest;
import org.livecomply.api.grading.v1.GoLiveDecision;
import org.livecomply.api.grading.v1.Grade;
import org.livecomply.api.grading.v1.GradingRuleset;
import org.livecomply.api.grading.v1.ListAppealsRequest;
import org.livecomply.api.grading.v1.ListAppealsResponse;
import org.livecomply.api.grading.v1.ListDisposalsRequest;
import org.livecomply.api.grading.v1.ListDisposalsResponse;
import org.livecomply.api.grading.v1.ListGradesRequest;
import org.livecomply.api.grading.v1.ListGradesResponse;
import org.livecomply.api.grading.v1.ListGradingRulesetsRequest;
import org.livecomply.api.grading.v1.ListGradingRulesetsResponse;
import org.livecomply.api.grading.v1.ListRoomsRequest;
import org.livecomply.api.grading.v1.ListRoomsResponse;
import org.livecomply.api.grading.v1.ListViolationsRequest;
import org.livecomply.api.grading.v1.ListViolationsResponse;
import org.livecomply.api.grading.v1.ProposeDisposalRequest;
import org.livecomply.api.grading.v1.PublishGradingRulesetRequest;
import org.livecomply.api.grading.v1.RecordCreditDataRequest;
import org.livecomply.api.grading.v1.RecordVerifiedComplaintRequest;
import org.livecomply.api.grading.v1.RecordViolationRequest;
import org.livecomply.api.grading.v1.ReportRoomMetricsRequest;
import org.livecomply.api.grading.v1.ReviewMarketingContentRequest;
import org.livecomply.api.grading.v1.Room;
import org.livecomply.api.grading.v1.RoomGradingServiceGrpc;
import org.livecomply.api.grading.v1.TermList;
import org.livecomply.api.grading.v1.VerifiedComplaint;
import org.livecomply.api.grading.v1.Violation;
import org.livecomply.commons.auth.Caller;
import org.livecomply.commons.calendar.WorkingDayCalendar;
import org.livecomply.commons.error.Violations;
import org.livecomply.commons.idempotency.RequestFingerprints;
import org.livecomply.commons.paging.PageSize;
import org.livecomply.grading.domain.GoodsCategory;
import org.livecomply.grading.domain.NewDisposal;
import org.livecomply.grading.domain.NewRoom;
import org.livecomply.grading.domain.NewViolation;
import org.livecomply.grading.domain.content.Term;
import org.livecomply.grading.service.AppealService;
import org.livecomply.grading.service.ComplaintService;
import org.livecomply.grading.service.ContentReviewService;
import org.livecomply.grading.service.DisposalService;
import org.livecomply.grading.service.GoLiveGate;
import org.livecomply.grading.service.GradingService;
import org.livecomply.grading.service.RoomService;
import org.livecomply.grading.service.RulesetService;
import org.livecomply.grading.service.ViolationService;

/** The RoomGradingService gRPC API: checks and translates requests, nothing else. */
@Singleton
public class RoomGradingGrpcEndpoint extends RoomGradingServiceGrpc.RoomGradingServiceImplBase {

    static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final int MAX_GATE_MARKETERS = 50;
    static final int MAX_REVIEW_TEXT = 20_000;

    private final RoomService rooms;
    private final ViolationService violations;
    private final ComplaintService complaints;
    private final GradingService grading;
    private final RulesetService rulesets;
    private final DisposalService disposals;
    private final AppealService appeals;
    private final ContentReviewService content;
    private final GoLiveGate gate;
    private final RequestFingerprints fingerprints;
    private final Clock clock;

    public RoomGradingGrpcEndpoint(RoomService rooms, ViolationService violations, ComplaintService complaints, GradingService grading,
                                   RulesetService rulesets, DisposalService disposals, AppealService appeals, ContentReviewService content,
                                   GoLiveGate gate, RequestFingerprints fingerprints, Clock clock) {
        this.rooms = rooms;
        this.violations = violations;
        this.complaints = complaints;
        this.grading = grading;
        this.rulesets = rulesets;
        this.disposals = disposals;
        this.appeals = appeals;
        this.content = content;
        this.gate = gate;
        this.fingerprints = fingerprints;
        this.clock = clock;
    }

    @Override
    public void createRoom(CreateRoomRequest request, StreamObserver<Room> response) {
        Violations v = requestId(request.getRequestId());
        v.when(!request.hasRoom(), "room", "room is required");
        NewRoom room = RoomMapper.fromProto(request.getRoom(), v);
        if (request.hasRoom()) {
            room.check(v);
        }
        v.throwIfAny();
        reply(response, RoomMapper.toProto(rooms.create(request.getRequestId(), fingerprints.of(request), room), clock.instant()));
    }

    @Override
    public void getRoom(GetRoomRequest request, StreamObserver<Room> response) {
        Violations v = new Violations();
        String roomId = ResourceNames.room(request.getName(), "name", v);
        v.throwIfAny();
        reply(response, RoomMapper.toProto(rooms.get(roomId), clock.instant()));
    }

    @Override
    public void listRooms(ListRoomsRequest request, StreamObserver<ListRoomsResponse> response) {
        PageSize.check(request.getPageSize(), new Violations()).throwIfAny();
        var page = rooms.list(request.getMonitoringRequiredOnly(), PageSize.resolve(request.getPageSize()), request.getPageToken());
        Instant now = clock.instant();
        ListRoomsResponse.Builder reply = ListRoomsResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(r -> reply.addRooms(RoomMapper.toProto(r, now)));
        reply(response, reply.build());
    }

    @Override
    public void reportRoomMetrics(ReportRoomMetricsRequest request, StreamObserver<Room> response) {
        Violations v = requestId(request.getRequestId());
        String roomId = ResourceNames.room(request.getRoom(), "room", v);
        v.when(!request.hasMetrics(), "metrics", "metrics is required");
        var metrics = RoomMapper.metrics(request.getMetrics(), v);
        if (request.hasMetrics()) {
            metrics.check(v, "metrics.", clock.instant());
        }
        v.throwIfAny();
        reply(response, RoomMapper.toProto(rooms.reportMetrics(request.getRequestId(), fingerprints.of(request), roomId, metrics), clock.instant()));
    }

    @Override
    public void recordCreditData(RecordCreditDataRequest request, StreamObserver<Room> response) {
        Violations v = requestId(request.getRequestId());
        String roomId = ResourceNames.room(request.getRoom(), "room", v);
        v.when(!request.hasCredit(), "credit", "credit is required");
        var credit = RoomMapper.credit(request.getCredit(), v);
        if (request.hasCredit()) {
            credit.check(v, "credit.", clock.instant());
        }
        v.throwIfAny();
        reply(response, RoomMapper.toProto(rooms.recordCredit(request.getRequestId(), fingerprints.of(request), roomId, credit), clock.instant()));
    }

    @Override
    public void recordViolation(RecordViolationRequest request, StreamObserver<Violation> response) {
        Violations v = requestId(request.getRequestId());
        String roomId = ResourceNames.room(request.getParent(), "parent", v);
        v.when(!request.hasViolation(), "violation", "violation is required");
        NewViolation violation = ViolationMapper.fromProto(request.getViolation(), v);
        if (request.hasViolation()) {
            violation.check(v, clock.instant());
        }
        v.throwIfAny();
        reply(response, ViolationMapper.toProto(violations.record(request.getRequestId(), fingerprints.of(request), roomId, violation,
                Caller.current().subject())));
    }

    @Override
    public void getViolation(GetViolationRequest request, StreamObserver<Violation> response) {
        Violations v = new Violations();
        String[] name = ResourceNames.violation(request.getName(), "name", v);
        v.throwIfAny();
        reply(response, ViolationMapper.toProto(violations.get(name[0], name[1])));
    }

    @Override
    public void listViolations(ListViolationsRequest request, StreamObserver<ListViolationsResponse> response) {
        Violations v = PageSize.check(request.getPageSize(), new Violations());
        String roomId = ResourceNames.room(request.getParent(), "parent", v);
        v.throwIfAny();
        var page = violations.list(roomId, request.getUndisposedOnly(), PageSize.resolve(request.getPageSize()), request.getPageToken());
        ListViolationsResponse.Builder reply = ListViolationsResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(item -> reply.addViolations(ViolationMapper.toProto(item)));
        reply(response, reply.build());
    }

    @Override
    public void recordVerifiedComplaint(RecordVerifiedComplaintRequest request, StreamObserver<VerifiedComplaint> response) {
        Violations v = new Violations();
        String roomId = ResourceNames.room(request.getParent(), "parent", v);
        v.when(!request.hasVerifiedComplaint(), "verified_complaint", "verified_complaint is required");
        var complaint = ViolationMapper.complaintFromProto(roomId, request.getVerifiedComplaint(), v);
        if (request.hasVerifiedComplaint()) {
            complaint.check(v, clock.instant());
        }
        v.throwIfAny();
        reply(response, ViolationMapper.toProto(complaints.record(complaint)));
    }

    @Override
    public void evaluateRoom(EvaluateRoomRequest request, StreamObserver<Grade> response) {
        Violations v = requestId(request.getRequestId());
        String roomId = ResourceNames.room(request.getRoom(), "room", v);
        v.throwIfAny();
        reply(response, GradeMapper.toProto(grading.evaluate(request.getRequestId(), fingerprints.of(request), roomId)));
    }

    @Override
    public void listGrades(ListGradesRequest request, StreamObserver<ListGradesResponse> response) {
        Violations v = PageSize.check(request.getPageSize(), new Violations());
        String roomId = ResourceNames.room(request.getParent(), "parent", v);
        v.throwIfAny();
        var page = grading.list(roomId, PageSize.resolve(request.getPageSize()), request.getPageToken());
        ListGradesResponse.Builder reply = ListGradesResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(g -> reply.addGrades(GradeMapper.toProto(g)));
        reply(response, reply.build());
    }

    @Override
    public void createGradingRuleset(CreateGradingRulesetRequest request, StreamObserver<GradingRuleset> response) {
        Violations v = requestId(request.getRequestId());
        v.when(!request.hasGradingRuleset(), "grading_ruleset", "grading_ruleset is required");
        var ruleset = request.getGradingRuleset();
        v.text("grading_ruleset.description", ruleset.getDescription(), 1, 500)
                .when(request.hasGradingRuleset() && !ruleset.hasRules(), "grading_ruleset.rules", "grading_ruleset.rules is required");
        var rules = ruleset.hasRules() ? RulesetMapper.fromProto(ruleset.getRules(), "grading_ruleset.rules.", v) : null;
        v.throwIfAny();
        var created = rulesets.create(request.getRequestId(), fingerprints.of(request), ruleset.getDescription(), rules,
                Caller.current().subject());
        reply(response, RulesetMapper.toProto(created, rulesets.versionInForce()));
    }

    @Override
    public void publishGradingRuleset(PublishGradingRulesetRequest request, StreamObserver<GradingRuleset> response) {
        Violations v = requestId(request.getRequestId());
        int version = ResourceNames.version(request.getName(), "gradingRulesets", "name", v);
        v.when(version == 0, "name", "name must name a version, not current");
        v.throwIfAny();
        var published = rulesets.publish(request.getRequestId(), fingerprints.of(request), version);
        reply(response, RulesetMapper.toProto(published, rulesets.versionInForce()));
    }

    @Override
    public void getGradingRuleset(GetGradingRulesetRequest request, StreamObserver<GradingRuleset> response) {
        Violations v = new Violations();
        int version = ResourceNames.version(request.getName(), "gradingRulesets", "name", v);
        v.throwIfAny();
        var ruleset = version == 0 ? rulesets.inForce() : rulesets.get(version);
        reply(response, RulesetMapper.toProto(ruleset, rulesets.versionInForce()));
    }

    @Override
    public void listGradingRulesets(ListGradingRulesetsRequest request, StreamObserver<ListGradingRulesetsResponse> response) {
        PageSize.check(request.getPageSize(), new Violations()).throwIfAny();
        var page = rulesets.list(PageSize.resolve(request.getPageSize()), request.getPageToken());
        int inForce = rulesets.versionInForce();
        ListGradingRulesetsResponse.Builder reply = ListGradingRulesetsResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(r -> reply.addGradingRulesets(RulesetMapper.toProto(r, inForce)));
        reply(response, reply.build());
    }

    @Override
    public void dryRunGradingRuleset(DryRunGradingRulesetRequest request, StreamObserver<DryRunGradingRulesetResponse> response) {
        Violations v = PageSize.check(request.getPageSize(), new Violations());
        int version = ResourceNames.version(request.getRuleset(), "gradingRulesets", "ruleset", v);
        v.throwIfAny();
        int resolved = version == 0 ? rulesets.versionInForce() : version;
        var page = grading.dryRun(resolved, PageSize.resolve(request.getPageSize()), request.getPageToken());
        DryRunGradingRulesetResponse.Builder reply = DryRunGradingRulesetResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(r -> reply.addResults(GradeMapper.dryRun(r.room().name(), r.current(), r.draft())));
        reply(response, reply.build());
    }

    @Override
    public void proposeDisposal(ProposeDisposalRequest request, StreamObserver<DisposalProposal> response) {
        Violations v = new Violations();
        String[] name = ResourceNames.violation(request.getViolation(), "violation", v);
        v.throwIfAny();
        reply(response, ProposalMapper.toProto(disposals.propose(name[0], name[1])));
    }

    @Override
    public void createDisposal(CreateDisposalRequest request, StreamObserver<Disposal> response) {
        Violations v = requestId(request.getRequestId());
        String roomId = ResourceNames.room(request.getParent(), "parent", v);
        v.when(!request.hasDisposal(), "disposal", "disposal is required");
        NewDisposal disposal = DisposalMapper.fromProto(roomId, request.getDisposal(), v);
        if (request.hasDisposal()) {
            disposal.check(v, clock.instant(), today());
        }
        v.throwIfAny();
        reply(response, DisposalMapper.toProto(disposals.create(request.getRequestId(), fingerprints.of(request), roomId, disposal,
                Caller.current().subject()), clock.instant()));
    }

    @Override
    public void getDisposal(GetDisposalRequest request, StreamObserver<Disposal> response) {
        Violations v = new Violations();
        String[] name = ResourceNames.disposal(request.getName(), "name", v);
        v.throwIfAny();
        reply(response, DisposalMapper.toProto(disposals.get(name[0], name[1]), clock.instant()));
    }

    @Override
    public void listDisposals(ListDisposalsRequest request, StreamObserver<ListDisposalsResponse> response) {
        Violations v = PageSize.check(request.getPageSize(), new Violations());
        String roomId = ResourceNames.room(request.getParent(), "parent", v);
        var state = request.getState() == Disposal.State.STATE_UNSPECIFIED ? null
                : ProtoValues.domain(request.getState(), "STATE_", org.livecomply.grading.domain.Disposal.State.class);
        v.when(request.getState() == Disposal.State.UNRECOGNIZED, "state", "state has an unknown value");
        v.throwIfAny();
        var page = disposals.list(roomId, state, PageSize.resolve(request.getPageSize()), request.getPageToken());
        Instant now = clock.instant();
        ListDisposalsResponse.Builder reply = ListDisposalsResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(d -> reply.addDisposals(DisposalMapper.toProto(d, now)));
        reply(response, reply.build());
    }

    @Override
    public void fileAppeal(FileAppealRequest request, StreamObserver<Appeal> response) {
        Violations v = requestId(request.getRequestId());
        String[] name = ResourceNames.disposal(request.getParent(), "parent", v);
        v.when(!request.hasAppeal(), "appeal", "appeal is required");
        var evidence = ViolationMapper.evidence(request.getAppeal().getEvidenceList());
        if (request.hasAppeal()) {
            v.text("appeal.statement", request.getAppeal().getStatement(), 1, 4000);
            org.livecomply.grading.domain.Evidence.check(evidence, 0, "appeal.evidence", v);
        }
        v.throwIfAny();
        reply(response, DisposalMapper.toProto(appeals.file(request.getRequestId(), fingerprints.of(request), name[0], name[1],
                request.getAppeal().getStatement(), evidence, Caller.current().subject())));
    }

    @Override
    public void decideAppeal(DecideAppealRequest request, StreamObserver<Appeal> response) {
        Violations v = requestId(request.getRequestId());
        String[] name = ResourceNames.appeal(request.getName(), "name", v);
        var outcome = switch (request.getOutcome()) {
            case STATE_UPHELD -> org.livecomply.grading.domain.Appeal.State.UPHELD;
            case STATE_OVERTURNED -> org.livecomply.grading.domain.Appeal.State.OVERTURNED;
            default -> null;
        };
        v.when(outcome == null, "outcome", "outcome must be STATE_UPHELD or STATE_OVERTURNED")
                .text("decision_reason", request.getDecisionReason(), 1, 2000);
        v.throwIfAny();
        reply(response, DisposalMapper.toProto(appeals.decide(request.getRequestId(), fingerprints.of(request), name[0], name[1], name[2],
                outcome, request.getDecisionReason(), Caller.current().subject())));
    }

    @Override
    public void getAppeal(GetAppealRequest request, StreamObserver<Appeal> response) {
        Violations v = new Violations();
        String[] name = ResourceNames.appeal(request.getName(), "name", v);
        v.throwIfAny();
        reply(response, DisposalMapper.toProto(appeals.get(name[0], name[1], name[2])));
    }

    @Override
    public void listAppeals(ListAppealsRequest request, StreamObserver<ListAppealsResponse> response) {
        PageSize.check(request.getPageSize(), new Violations()).throwIfAny();
        var page = appeals.list(request.getPendingOnly(), PageSize.resolve(request.getPageSize()), request.getPageToken());
        ListAppealsResponse.Builder reply = ListAppealsResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(a -> reply.addAppeals(DisposalMapper.toProto(a)));
        reply(response, reply.build());
    }

    @Override
    public void reviewMarketingContent(ReviewMarketingContentRequest request, StreamObserver<ContentReview> response) {
        String text = request.getText();
        int length = text.codePointCount(0, text.length());
        // Scripts have line breaks and tabs; other control characters are refused.
        Violations v = new Violations()
                .when(length == 0, "text", "text is required")
                .when(length > MAX_REVIEW_TEXT, "text", "text must be at most " + MAX_REVIEW_TEXT + " characters, not " + length)
                .when(text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t'), "text",
                        "text must not contain control characters other than line breaks and tabs");
        GoodsCategory category = ProtoValues.domain(request.getGoodsCategory(), "GOODS_CATEGORY_", GoodsCategory.class);
        v.when(category == null, "goods_category", "goods_category is required");
        if (request.hasReferencePrice()) {
            long fen = ProtoValues.fen(request.getReferencePrice(), "reference_price", v);
            v.when(fen <= 0, "reference_price.amount_minor", "reference_price.amount_minor must be more than 0");
        }
        v.throwIfAny();
        var review = content.review(request.getText(), category, request.hasReferencePrice());
        reply(response, ContentMapper.review(review.findings(), review.termList()));
    }

    @Override
    public void createTermList(CreateTermListRequest request, StreamObserver<TermList> response) {
        Violations v = requestId(request.getRequestId());
        v.when(!request.hasTermList(), "term_list", "term_list is required");
        java.util.List<Term> terms = ContentMapper.termsFromProto(request.getTermList().getTermsList());
        if (request.hasTermList()) {
            org.livecomply.grading.domain.content.TermList.check(request.getTermList().getDescription(), terms, "term_list.", v);
        }
        v.throwIfAny();
        reply(response, ContentMapper.toProto(content.create(request.getRequestId(), fingerprints.of(request),
                request.getTermList().getDescription(), terms, Caller.current().subject())));
    }

    @Override
    public void getTermList(GetTermListRequest request, StreamObserver<TermList> response) {
        Violations v = new Violations();
        int version = ResourceNames.version(request.getName(), "termLists", "name", v);
        v.throwIfAny();
        reply(response, ContentMapper.toProto(content.get(version)));
    }

    @Override
    public void checkGoLiveEligibility(CheckGoLiveEligibilityRequest request, StreamObserver<GoLiveDecision> response) {
        Violations v = new Violations();
        String roomId = ResourceNames.room(request.getRoom(), "room", v);
        v.text("session_id", request.getSessionId(), 1, 64)
                .matches("session_id", request.getSessionId(), NewViolation.SESSION_ID, "1..64 of [A-Za-z0-9_.-]")
                .when(request.getMarketersCount() == 0, "marketers", "at least one marketer is required (Art. 28)")
                .when(request.getMarketersCount() > MAX_GATE_MARKETERS, "marketers", "at most " + MAX_GATE_MARKETERS + " marketers");
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        for (int i = 0; i < Math.min(request.getMarketersCount(), MAX_GATE_MARKETERS); i++) {
            String field = "marketers[" + i + "]";
            String marketer = ResourceNames.marketer(request.getMarketers(i), field, true, v);
            if (marketer != null && !seen.add(marketer)) {
                v.add(field, field + " is listed twice");
            }
        }
        v.throwIfAny();
        reply(response, GateMapper.toProto(gate.check(roomId, request.getSessionId(), java.util.List.copyOf(seen))));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.CHINA);
    }

    private static Violations requestId(String requestId) {
        return new Violations().text("request_id", requestId, 1, 64)
                .matches("request_id", requestId, REQUEST_ID, "1..64 of [A-Za-z0-9_-]");
    }

    private static <T> void reply(StreamObserver<T> response, T message) {
        response.onNext(message);
        response.onCompleted();
    }
}
