package org.livecomply.identity.grpc;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.livecomply.api.identity.v1.CreateBlacklistEntryRequest;
import org.livecomply.api.identity.v1.CreateMarketerRequest;
import org.livecomply.api.identity.v1.CreateRoomOperatorRequest;
import org.livecomply.api.identity.v1.DiscloseSellerInformationRequest;
import org.livecomply.api.identity.v1.GoLiveFacts;
import org.livecomply.api.identity.v1.GetBlacklistEntryRequest;
import org.livecomply.api.identity.v1.GetGoLiveFactsRequest;
import org.livecomply.api.identity.v1.GetMarketerRequest;
import org.livecomply.api.identity.v1.GetRoomOperatorRequest;
import org.livecomply.api.identity.v1.GetSessionRosterRequest;
import org.livecomply.api.identity.v1.IdentityServiceGrpc;
import org.livecomply.api.identity.v1.ListBlacklistEntriesRequest;
import org.livecomply.api.identity.v1.ListBlacklistEntriesResponse;
import org.livecomply.api.identity.v1.ListDisclosureAuditsRequest;
import org.livecomply.api.identity.v1.ListDisclosureAuditsResponse;
import org.livecomply.api.identity.v1.ListMarketersRequest;
import org.livecomply.api.identity.v1.ListMarketersResponse;
import org.livecomply.api.identity.v1.ListRoomOperatorsRequest;
import org.livecomply.api.identity.v1.ListRoomOperatorsResponse;
import org.livecomply.api.identity.v1.ListVerificationsRequest;
import org.livecomply.api.identity.v1.ListVerificationsResponse;
import org.livecomply.api.identity.v1.RecordGuardianConsentRequest;
import org.livecomply.api.identity.v1.RecordVerificationRequest;
import org.livecomply.api.identity.v1.RevokeBlacklistEntryRequest;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.api.identity.v1.SellerInformation;
import org.livecomply.api.identity.v1.SessionRoster;
import org.livecomply.api.identity.v1.SubmitSessionRosterRequest;
import org.livecomply.commons.auth.Caller;
import org.livecomply.commons.error.Violations;
import org.livecomply.commons.idempotency.RequestFingerprints;
import org.livecomply.commons.paging.PageSize;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.identity.domain.DisclosureAudit;
import org.livecomply.identity.domain.GuardianConsent;
import org.livecomply.identity.domain.Marketer;
import org.livecomply.identity.domain.McnAgreement;
import org.livecomply.identity.domain.McnInstitution;
import org.livecomply.identity.domain.NewBlacklistEntry;
import org.livecomply.identity.domain.NewMarketer;
import org.livecomply.identity.domain.NewRoomOperator;
import org.livecomply.identity.domain.RoomOperatorQuery;
import org.livecomply.identity.domain.RoomOperatorUpdate;
import org.livecomply.identity.domain.SubjectType;
import org.livecomply.identity.domain.UnreachableNotice;
import org.livecomply.identity.domain.VerificationPolicy;
import org.livecomply.identity.domain.Verification;
import org.livecomply.identity.service.Blacklist;
import org.livecomply.identity.service.DisclosureChangeService;
import org.livecomply.identity.service.DisclosureService;
import org.livecomply.identity.service.IncomeService;
import org.livecomply.identity.service.MarketerService;
import org.livecomply.identity.service.GoLiveFactsService;
import org.livecomply.identity.service.McnService;
import org.livecomply.identity.service.RosterService;
import org.livecomply.identity.service.RoomOperatorService;
import org.livecomply.identity.service.UnreachableNoticeService;
import org.livecomply.identity.service.VerificationService;

/** The IdentityService gRPC API: checks and translates requests, nothing else. */
@Singleton
public class IdentityGrpcEndpoint extends IdentityServiceGrpc.IdentityServiceImplBase {

    static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final int MAX_ROSTER_MARKETERS = 50;

    private final RoomOperatorService roomOperators;
    private final MarketerService marketers;
    private final VerificationService verifications;
    private final RosterService rosters;
    private final Blacklist blacklist;
    private final DisclosureService disclosures;
    private final DisclosureChangeService disclosureChanges;
    private final UnreachableNoticeService unreachableNotices;
    private final McnService mcns;
    private final IncomeService incomes;
    private final VerificationPolicy policy;
    private final GoLiveFactsService goLiveFacts;
    private final RequestFingerprints fingerprints;

    public IdentityGrpcEndpoint(RoomOperatorService roomOperators, MarketerService marketers, VerificationService verifications,
                                RosterService rosters, Blacklist blacklist, DisclosureService disclosures,
                                DisclosureChangeService disclosureChanges, UnreachableNoticeService unreachableNotices,
                                McnService mcns, IncomeService incomes, VerificationPolicy policy, GoLiveFactsService goLiveFacts,
                                RequestFingerprints fingerprints) {
        this.roomOperators = roomOperators;
        this.marketers = marketers;
        this.verifications = verifications;
        this.rosters = rosters;
        this.blacklist = blacklist;
        this.disclosures = disclosures;
        this.disclosureChanges = disclosureChanges;
        this.unreachableNotices = unreachableNotices;
        this.mcns = mcns;
        this.incomes = incomes;
        this.policy = policy;
        this.goLiveFacts = goLiveFacts;
        this.fingerprints = fingerprints;
    }

    @Override
    public void createRoomOperator(CreateRoomOperatorRequest request, StreamObserver<RoomOperator> response) {
        Violations violations = requestId(request.getRequestId());
        violations.when(!request.hasRoomOperator(), "room_operator", "room_operator is required");
        NewRoomOperator operator = RoomOperatorMapper.fromProto(request.getRoomOperator(), violations);
        if (request.hasRoomOperator()) {
            operator.check(violations, roomOperators.today());
        }
        violations.throwIfAny();
        reply(response, RoomOperatorMapper.toProto(roomOperators.register(request.getRequestId(), fingerprints.of(request), operator)));
    }

    @Override
    public void getRoomOperator(GetRoomOperatorRequest request, StreamObserver<RoomOperator> response) {
        Violations violations = new Violations();
        String id = ResourceNames.id(request.getName(), org.livecomply.identity.domain.RoomOperator.COLLECTION, "name", violations);
        violations.throwIfAny();
        reply(response, RoomOperatorMapper.toProto(roomOperators.get(id)));
    }

    @Override
    public void listRoomOperators(ListRoomOperatorsRequest request, StreamObserver<ListRoomOperatorsResponse> response) {
        Violations violations = PageSize.check(request.getPageSize(), new Violations());
        RoomOperatorQuery query = new RoomOperatorQuery(
                RoomOperatorMapper.stateFilter(request.getState(), "state", violations),
                RoomOperatorMapper.kind(request.getKind(), "kind", violations));
        violations.throwIfAny();
        PagedResult<org.livecomply.identity.domain.RoomOperator> page =
                roomOperators.list(query, PageSize.resolve(request.getPageSize()), request.getPageToken());
        ListRoomOperatorsResponse.Builder reply = ListRoomOperatorsResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(operator -> reply.addRoomOperators(RoomOperatorMapper.toProto(operator)));
        reply(response, reply.build());
    }

    @Override
    public void updateRoomOperator(org.livecomply.api.identity.v1.UpdateRoomOperatorRequest request, StreamObserver<RoomOperator> response) {
        Violations violations = requestId(request.getRequestId());
        violations.when(!request.hasRoomOperator(), "room_operator", "room_operator is required");
        String id = ResourceNames.id(request.getRoomOperator().getName(), org.livecomply.identity.domain.RoomOperator.COLLECTION,
                "room_operator.name", violations);
        RoomOperatorUpdate update = RoomOperatorMapper.updateFromProto(request.getRoomOperator(), request.getUpdateMask(), violations);
        if (update != null) {
            update.check(violations);
        }
        violations.throwIfAny();
        reply(response, RoomOperatorMapper.toProto(roomOperators.update(request.getRequestId(), fingerprints.of(request), id, update,
                Caller.current().subject())));
    }

    @Override
    public void listRoomOperatorRevisions(org.livecomply.api.identity.v1.ListRoomOperatorRevisionsRequest request,
                                          StreamObserver<org.livecomply.api.identity.v1.ListRoomOperatorRevisionsResponse> response) {
        Violations violations = PageSize.check(request.getPageSize(), new Violations());
        String id = ResourceNames.id(request.getParent(), org.livecomply.identity.domain.RoomOperator.COLLECTION, "parent", violations);
        violations.throwIfAny();
        var page = roomOperators.revisions(id, PageSize.resolve(request.getPageSize()), request.getPageToken());
        var reply = org.livecomply.api.identity.v1.ListRoomOperatorRevisionsResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(r -> reply.addRevisions(RoomOperatorMapper.toProto(r)));
        reply(response, reply.build());
    }

    @Override
    public void createMarketer(CreateMarketerRequest request, StreamObserver<org.livecomply.api.identity.v1.Marketer> response) {
        Violations violations = requestId(request.getRequestId());
        violations.when(!request.hasMarketer(), "marketer", "marketer is required");
        NewMarketer marketer = MarketerMapper.fromProto(request.getMarketer(), violations);
        if (request.hasMarketer()) {
            marketer.check(violations, marketers.today());
        }
        violations.throwIfAny();
        reply(response, MarketerMapper.toProto(marketers.register(request.getRequestId(), fingerprints.of(request), marketer)));
    }

    @Override
    public void getMarketer(GetMarketerRequest request, StreamObserver<org.livecomply.api.identity.v1.Marketer> response) {
        Violations violations = new Violations();
        String id = ResourceNames.id(request.getName(), Marketer.COLLECTION, "name", violations);
        violations.throwIfAny();
        reply(response, MarketerMapper.toProto(marketers.get(id)));
    }

    @Override
    public void listMarketers(ListMarketersRequest request, StreamObserver<ListMarketersResponse> response) {
        Violations violations = PageSize.check(request.getPageSize(), new Violations());
        var state = MarketerMapper.stateFilter(request.getState(), violations);
        violations.throwIfAny();
        PagedResult<Marketer> page = marketers.list(state, PageSize.resolve(request.getPageSize()), request.getPageToken());
        ListMarketersResponse.Builder reply = ListMarketersResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(m -> reply.addMarketers(MarketerMapper.toProto(m)));
        reply(response, reply.build());
    }

    @Override
    public void updateMarketer(org.livecomply.api.identity.v1.UpdateMarketerRequest request,
                               StreamObserver<org.livecomply.api.identity.v1.Marketer> response) {
        Violations violations = requestId(request.getRequestId());
        violations.when(!request.hasMarketer(), "marketer", "marketer is required");
        String id = ResourceNames.id(request.getMarketer().getName(), Marketer.COLLECTION, "marketer.name", violations);
        var update = MarketerMapper.updateFromProto(request.getMarketer(), request.getUpdateMask(), violations);
        if (update != null) {
            update.check(violations);
        }
        violations.throwIfAny();
        reply(response, MarketerMapper.toProto(marketers.update(request.getRequestId(), fingerprints.of(request), id, update,
                Caller.current().subject())));
    }

    @Override
    public void listMarketerRevisions(org.livecomply.api.identity.v1.ListMarketerRevisionsRequest request,
                                      StreamObserver<org.livecomply.api.identity.v1.ListMarketerRevisionsResponse> response) {
        Violations violations = PageSize.check(request.getPageSize(), new Violations());
        String id = ResourceNames.id(request.getParent(), Marketer.COLLECTION, "parent", violations);
        violations.throwIfAny();
        var page = marketers.revisions(id, PageSize.resolve(request.getPageSize()), request.getPageToken());
        var reply = org.livecomply.api.identity.v1.ListMarketerRevisionsResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(r -> reply.addRevisions(MarketerMapper.toProto(r)));
        reply(response, reply.build());
    }

    @Override
    public void recordGuardianConsent(RecordGuardianConsentRequest request, StreamObserver<org.livecomply.api.identity.v1.Marketer> response) {
        Violations violations = requestId(request.getRequestId());
        String id = ResourceNames.id(request.getMarketer(), Marketer.COLLECTION, "marketer", violations);
        violations.when(!request.hasGuardianConsent(), "guardian_consent", "guardian_consent is required");
        GuardianConsent consent = MarketerMapper.consentFromProto(request.getGuardianConsent(), violations);
        if (request.hasGuardianConsent()) {
            consent.check(violations, marketers.now());
        }
        violations.throwIfAny();
        reply(response, MarketerMapper.toProto(marketers.recordGuardianConsent(request.getRequestId(), fingerprints.of(request), id, consent)));
    }

    @Override
    public void recordVerification(RecordVerificationRequest request, StreamObserver<org.livecomply.api.identity.v1.Verification> response) {
        Violations violations = requestId(request.getRequestId());
        Subject subject = subject(request.getParent(), "parent", violations);
        violations.when(!request.hasVerification(), "verification", "verification is required");
        Verification check = VerificationMapper.fromProto(subject == null ? null : subject.type(), subject == null ? null : subject.id(),
                request.getVerification(), Caller.current().subject(), verifications.now(), violations);
        violations.throwIfAny();
        reply(response, VerificationMapper.toProto(verifications.record(request.getRequestId(), fingerprints.of(request), check)));
    }

    @Override
    public void listVerifications(ListVerificationsRequest request, StreamObserver<ListVerificationsResponse> response) {
        Violations violations = PageSize.check(request.getPageSize(), new Violations());
        Subject subject = subject(request.getParent(), "parent", violations);
        violations.throwIfAny();
        PagedResult<Verification> page = verifications.list(subject.type(), subject.id(), PageSize.resolve(request.getPageSize()),
                request.getPageToken());
        ListVerificationsResponse.Builder reply = ListVerificationsResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(v -> reply.addVerifications(VerificationMapper.toProto(v)));
        reply(response, reply.build());
    }

    @Override
    public void submitSessionRoster(SubmitSessionRosterRequest request, StreamObserver<SessionRoster> response) {
        Violations violations = requestId(request.getRequestId());
        String operatorId = ResourceNames.id(request.getRoomOperator(), org.livecomply.identity.domain.RoomOperator.COLLECTION,
                "room_operator", violations);
        sessionId(request.getSessionId(), violations);
        violations.when(request.getMarketersCount() == 0, "marketers", "at least one marketer is required (Art. 28)");
        List<String> marketerIds = marketerIds(request.getMarketersList(), violations);
        violations.throwIfAny();
        reply(response, RosterMapper.toProto(rosters.submit(request.getRequestId(), fingerprints.of(request), operatorId,
                request.getSessionId(), marketerIds)));
    }

    @Override
    public void getGoLiveFacts(GetGoLiveFactsRequest request, StreamObserver<GoLiveFacts> response) {
        Violations violations = new Violations();
        String operatorId = ResourceNames.id(request.getRoomOperator(), org.livecomply.identity.domain.RoomOperator.COLLECTION,
                "room_operator", violations);
        sessionId(request.getSessionId(), violations);
        List<String> marketerIds = marketerIds(request.getMarketersList(), violations);
        violations.throwIfAny();
        reply(response, GoLiveFactsMapper.toProto(goLiveFacts.read(operatorId, request.getSessionId(), marketerIds)));
    }

    private static void sessionId(String sessionId, Violations violations) {
        violations.text("session_id", sessionId, 1, 64)
                .when(!sessionId.isEmpty() && !ResourceNames.isSessionId(sessionId), "session_id", "session_id must be 1..64 of [A-Za-z0-9_.-]");
    }

    /** At most {@value #MAX_ROSTER_MARKETERS} distinct marketer names, as ids. */
    private static List<String> marketerIds(List<String> names, Violations violations) {
        violations.when(names.size() > MAX_ROSTER_MARKETERS, "marketers", "at most " + MAX_ROSTER_MARKETERS + " marketers");
        List<String> ids = new java.util.ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < Math.min(names.size(), MAX_ROSTER_MARKETERS); i++) {
            String field = "marketers[" + i + "]";
            String id = ResourceNames.id(names.get(i), Marketer.COLLECTION, field, violations);
            if (id != null && !seen.add(id)) {
                violations.add(field, field + " is listed twice");
            }
            ids.add(id);
        }
        return ids;
    }

    @Override
    public void getSessionRoster(GetSessionRosterRequest request, StreamObserver<SessionRoster> response) {
        Violations violations = new Violations();
        String[] parts = request.getName().split("/");
        boolean shaped = parts.length == 4 && "sessionRosters".equals(parts[2]) && ResourceNames.isSessionId(parts[3]);
        String operatorId = shaped ? ResourceNames.id(parts[0] + "/" + parts[1], org.livecomply.identity.domain.RoomOperator.COLLECTION,
                "name", violations) : null;
        violations.when(!shaped, "name", "name must be roomOperators/{uuid}/sessionRosters/{session_id}");
        violations.throwIfAny();
        reply(response, RosterMapper.toProto(rosters.get(operatorId, parts[3])));
    }

    @Override
    public void createBlacklistEntry(CreateBlacklistEntryRequest request, StreamObserver<org.livecomply.api.identity.v1.BlacklistEntry> response) {
        Violations violations = requestId(request.getRequestId());
        violations.when(!request.hasBlacklistEntry(), "blacklist_entry", "blacklist_entry is required");
        NewBlacklistEntry entry = BlacklistMapper.fromProto(request.getBlacklistEntry(), violations);
        if (request.hasBlacklistEntry()) {
            entry.check(violations, blacklist.today());
        }
        violations.throwIfAny();
        reply(response, BlacklistMapper.toProto(blacklist.create(request.getRequestId(), fingerprints.of(request), entry), blacklist.now()));
    }

    @Override
    public void revokeBlacklistEntry(RevokeBlacklistEntryRequest request, StreamObserver<org.livecomply.api.identity.v1.BlacklistEntry> response) {
        Violations violations = requestId(request.getRequestId());
        String id = ResourceNames.id(request.getName(), org.livecomply.identity.domain.BlacklistEntry.COLLECTION, "name", violations);
        violations.text("reason", request.getReason(), 1, 2000)
                .when(request.getSource().length() > 200, "source", "source must be at most 200 characters");
        violations.throwIfAny();
        reply(response, BlacklistMapper.toProto(blacklist.revoke(request.getRequestId(), fingerprints.of(request), id, request.getReason(),
                request.getSource()), blacklist.now()));
    }

    @Override
    public void getBlacklistEntry(GetBlacklistEntryRequest request, StreamObserver<org.livecomply.api.identity.v1.BlacklistEntry> response) {
        Violations violations = new Violations();
        String id = ResourceNames.id(request.getName(), org.livecomply.identity.domain.BlacklistEntry.COLLECTION, "name", violations);
        violations.throwIfAny();
        reply(response, BlacklistMapper.toProto(blacklist.get(id), blacklist.now()));
    }

    @Override
    public void listBlacklistEntries(ListBlacklistEntriesRequest request, StreamObserver<ListBlacklistEntriesResponse> response) {
        Violations violations = PageSize.check(request.getPageSize(), new Violations());
        var state = BlacklistMapper.stateFilter(request.getState(), violations);
        violations.throwIfAny();
        var page = blacklist.list(state, PageSize.resolve(request.getPageSize()), request.getPageToken());
        Instant now = blacklist.now();
        ListBlacklistEntriesResponse.Builder reply = ListBlacklistEntriesResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(e -> reply.addBlacklistEntries(BlacklistMapper.toProto(e, now)));
        reply(response, reply.build());
    }

    @Override
    public void discloseSellerInformation(DiscloseSellerInformationRequest request, StreamObserver<SellerInformation> response) {
        Violations violations = new Violations();
        String operatorId = ResourceNames.id(request.getRoomOperator(), org.livecomply.identity.domain.RoomOperator.COLLECTION,
                "room_operator", violations);
        String marketerId = ResourceNames.optionalId(request.getMarketer(), Marketer.COLLECTION, "marketer", violations);
        DisclosureAudit.Purpose purpose = DisclosureMapper.purpose(request.getPurpose(), violations);
        violations.text("case_reference", request.getCaseReference(), 1, 100);
        violations.throwIfAny();
        reply(response, DisclosureMapper.toProto(disclosures.disclose(operatorId, Optional.ofNullable(marketerId), purpose,
                request.getCaseReference(), Caller.current().subject())));
    }

    @Override
    public void listDisclosureAudits(ListDisclosureAuditsRequest request, StreamObserver<ListDisclosureAuditsResponse> response) {
        Violations violations = PageSize.check(request.getPageSize(), new Violations());
        String operatorId = ResourceNames.optionalId(request.getRoomOperator(), org.livecomply.identity.domain.RoomOperator.COLLECTION,
                "room_operator", violations);
        Instant start = ProtoValues.instant(request.hasStartTime(), request.getStartTime(), "start_time", violations);
        violations.throwIfAny();
        PagedResult<DisclosureAudit> page = disclosures.list(operatorId, start, PageSize.resolve(request.getPageSize()), request.getPageToken());
        ListDisclosureAuditsResponse.Builder reply = ListDisclosureAuditsResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(a -> reply.addDisclosureAudits(DisclosureMapper.toProto(a)));
        reply(response, reply.build());
    }

    @Override
    public void reportDisclosureChange(org.livecomply.api.identity.v1.ReportDisclosureChangeRequest request,
                                       StreamObserver<org.livecomply.api.identity.v1.DisclosureChange> response) {
        Violations violations = requestId(request.getRequestId());
        String operatorId = ResourceNames.id(request.getParent(), org.livecomply.identity.domain.RoomOperator.COLLECTION, "parent", violations);
        violations.when(!request.hasDisclosureChange(), "disclosure_change", "disclosure_change is required");
        var change = DisclosureChangeMapper.fromProto(request.getDisclosureChange(), disclosureChanges.now(), violations);
        violations.throwIfAny();
        reply(response, DisclosureChangeMapper.toProto(disclosureChanges.report(request.getRequestId(), fingerprints.of(request), operatorId,
                change), disclosureChanges.now()));
    }

    @Override
    public void completeDisclosureChange(org.livecomply.api.identity.v1.CompleteDisclosureChangeRequest request,
                                         StreamObserver<org.livecomply.api.identity.v1.DisclosureChange> response) {
        Violations violations = requestId(request.getRequestId());
        ChangeName name = changeName(request.getName(), violations);
        var outcome = DisclosureChangeMapper.outcome(request.getOutcome(), violations);
        violations.text("note", request.getNote(), outcome == org.livecomply.identity.domain.DisclosureChange.State.REJECTED ? 1 : 0, 1000);
        violations.throwIfAny();
        reply(response, DisclosureChangeMapper.toProto(disclosureChanges.complete(request.getRequestId(), fingerprints.of(request),
                name.operatorId(), name.number(), outcome, request.getNote(), Caller.current().subject()), disclosureChanges.now()));
    }

    @Override
    public void getDisclosureChange(org.livecomply.api.identity.v1.GetDisclosureChangeRequest request,
                                    StreamObserver<org.livecomply.api.identity.v1.DisclosureChange> response) {
        Violations violations = new Violations();
        ChangeName name = changeName(request.getName(), violations);
        violations.throwIfAny();
        reply(response, DisclosureChangeMapper.toProto(disclosureChanges.get(name.operatorId(), name.number()), disclosureChanges.now()));
    }

    @Override
    public void listDisclosureChanges(org.livecomply.api.identity.v1.ListDisclosureChangesRequest request,
                                      StreamObserver<org.livecomply.api.identity.v1.ListDisclosureChangesResponse> response) {
        PageSize.check(request.getPageSize(), new Violations()).throwIfAny();
        var page = disclosureChanges.list(request.getOverdueOnly(), PageSize.resolve(request.getPageSize()), request.getPageToken());
        Instant now = disclosureChanges.now();
        var reply = org.livecomply.api.identity.v1.ListDisclosureChangesResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(c -> reply.addDisclosureChanges(DisclosureChangeMapper.toProto(c, now)));
        reply(response, reply.build());
    }

    @Override
    public void recordUnreachableNotice(org.livecomply.api.identity.v1.RecordUnreachableNoticeRequest request,
                                        StreamObserver<org.livecomply.api.identity.v1.UnreachableNotice> response) {
        Violations violations = requestId(request.getRequestId());
        violations.when(!request.hasUnreachableNotice(), "unreachable_notice", "unreachable_notice is required");
        var notice = request.getUnreachableNotice();
        Subject subject = request.hasUnreachableNotice() ? subject(notice.getSubject(), "unreachable_notice.subject", violations) : null;
        Instant noticeTime = ProtoValues.instant(notice.hasNoticeTime(), notice.getNoticeTime(), "unreachable_notice.notice_time", violations);
        violations.text("unreachable_notice.regulator", notice.getRegulator(), 1, 100)
                .text("unreachable_notice.notice_reference", notice.getNoticeReference(), 1, 100)
                .when(request.hasUnreachableNotice() && !notice.hasNoticeTime(), "unreachable_notice.notice_time", "notice_time is required")
                .when(noticeTime != null && noticeTime.isAfter(unreachableNotices.now().plusSeconds(300)), "unreachable_notice.notice_time",
                        "notice_time must not be in the future");
        violations.throwIfAny();
        reply(response, UnreachableNoticeMapper.toProto(unreachableNotices.record(request.getRequestId(), fingerprints.of(request),
                subject.type(), subject.id(), notice.getRegulator(), notice.getNoticeReference(), noticeTime), unreachableNotices.now()));
    }

    @Override
    public void remindUnreachableSubject(org.livecomply.api.identity.v1.RemindUnreachableSubjectRequest request,
                                         StreamObserver<org.livecomply.api.identity.v1.UnreachableNotice> response) {
        Violations violations = requestId(request.getRequestId());
        String id = ResourceNames.id(request.getName(), UnreachableNotice.COLLECTION, "name", violations);
        violations.throwIfAny();
        reply(response, UnreachableNoticeMapper.toProto(unreachableNotices.remind(request.getRequestId(), fingerprints.of(request), id),
                unreachableNotices.now()));
    }

    @Override
    public void applyUnreachableDisposal(org.livecomply.api.identity.v1.ApplyUnreachableDisposalRequest request,
                                         StreamObserver<org.livecomply.api.identity.v1.UnreachableNotice> response) {
        Violations violations = requestId(request.getRequestId());
        String id = ResourceNames.id(request.getName(), UnreachableNotice.COLLECTION, "name", violations);
        violations.text("note", request.getNote(), 1, 1000).throwIfAny();
        reply(response, UnreachableNoticeMapper.toProto(unreachableNotices.dispose(request.getRequestId(), fingerprints.of(request), id,
                request.getNote()), unreachableNotices.now()));
    }

    @Override
    public void resolveUnreachableNotice(org.livecomply.api.identity.v1.ResolveUnreachableNoticeRequest request,
                                         StreamObserver<org.livecomply.api.identity.v1.UnreachableNotice> response) {
        Violations violations = requestId(request.getRequestId());
        String id = ResourceNames.id(request.getName(), UnreachableNotice.COLLECTION, "name", violations);
        violations.text("note", request.getNote(), 0, 1000).throwIfAny();
        reply(response, UnreachableNoticeMapper.toProto(unreachableNotices.resolve(request.getRequestId(), fingerprints.of(request), id,
                request.getNote()), unreachableNotices.now()));
    }

    @Override
    public void getUnreachableNotice(org.livecomply.api.identity.v1.GetUnreachableNoticeRequest request,
                                     StreamObserver<org.livecomply.api.identity.v1.UnreachableNotice> response) {
        Violations violations = new Violations();
        String id = ResourceNames.id(request.getName(), UnreachableNotice.COLLECTION, "name", violations);
        violations.throwIfAny();
        reply(response, UnreachableNoticeMapper.toProto(unreachableNotices.get(id), unreachableNotices.now()));
    }

    @Override
    public void listUnreachableNotices(org.livecomply.api.identity.v1.ListUnreachableNoticesRequest request,
                                       StreamObserver<org.livecomply.api.identity.v1.ListUnreachableNoticesResponse> response) {
        PageSize.check(request.getPageSize(), new Violations()).throwIfAny();
        var page = unreachableNotices.list(request.getOverdueOnly(), PageSize.resolve(request.getPageSize()), request.getPageToken());
        Instant now = unreachableNotices.now();
        var reply = org.livecomply.api.identity.v1.ListUnreachableNoticesResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(n -> reply.addUnreachableNotices(UnreachableNoticeMapper.toProto(n, now)));
        reply(response, reply.build());
    }

    @Override
    public void createMcnInstitution(org.livecomply.api.identity.v1.CreateMcnInstitutionRequest request,
                                     StreamObserver<org.livecomply.api.identity.v1.McnInstitution> response) {
        Violations violations = requestId(request.getRequestId());
        violations.when(!request.hasMcnInstitution(), "mcn_institution", "mcn_institution is required");
        McnInstitution mcn = McnMapper.fromProto(request.getMcnInstitution());
        if (request.hasMcnInstitution()) {
            mcn.check(violations);
        }
        violations.throwIfAny();
        reply(response, McnMapper.toProto(mcns.register(request.getRequestId(), fingerprints.of(request), mcn)));
    }

    @Override
    public void getMcnInstitution(org.livecomply.api.identity.v1.GetMcnInstitutionRequest request,
                                  StreamObserver<org.livecomply.api.identity.v1.McnInstitution> response) {
        Violations violations = new Violations();
        String id = ResourceNames.id(request.getName(), McnInstitution.COLLECTION, "name", violations);
        violations.throwIfAny();
        reply(response, McnMapper.toProto(mcns.get(id)));
    }

    @Override
    public void listMcnInstitutions(org.livecomply.api.identity.v1.ListMcnInstitutionsRequest request,
                                    StreamObserver<org.livecomply.api.identity.v1.ListMcnInstitutionsResponse> response) {
        PageSize.check(request.getPageSize(), new Violations()).throwIfAny();
        var page = mcns.list(PageSize.resolve(request.getPageSize()), request.getPageToken());
        var reply = org.livecomply.api.identity.v1.ListMcnInstitutionsResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(m -> reply.addMcnInstitutions(McnMapper.toProto(m)));
        reply(response, reply.build());
    }

    @Override
    public void createMcnAgreement(org.livecomply.api.identity.v1.CreateMcnAgreementRequest request,
                                   StreamObserver<org.livecomply.api.identity.v1.McnAgreement> response) {
        Violations violations = requestId(request.getRequestId());
        String mcnId = ResourceNames.id(request.getParent(), McnInstitution.COLLECTION, "parent", violations);
        violations.when(!request.hasMcnAgreement(), "mcn_agreement", "mcn_agreement is required");
        McnAgreement agreement = McnMapper.agreementFromProto(mcnId, request.getMcnAgreement(), violations);
        if (request.hasMcnAgreement()) {
            agreement.check(mcns.now(), violations);
        }
        violations.throwIfAny();
        reply(response, McnMapper.toProto(mcns.createAgreement(request.getRequestId(), fingerprints.of(request), mcnId, agreement)));
    }

    @Override
    public void listMcnAgreements(org.livecomply.api.identity.v1.ListMcnAgreementsRequest request,
                                  StreamObserver<org.livecomply.api.identity.v1.ListMcnAgreementsResponse> response) {
        Violations violations = PageSize.check(request.getPageSize(), new Violations());
        String mcnId = ResourceNames.id(request.getParent(), McnInstitution.COLLECTION, "parent", violations);
        violations.throwIfAny();
        var page = mcns.listAgreements(mcnId, PageSize.resolve(request.getPageSize()), request.getPageToken());
        var reply = org.livecomply.api.identity.v1.ListMcnAgreementsResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(a -> reply.addMcnAgreements(McnMapper.toProto(a)));
        reply(response, reply.build());
    }

    @Override
    public void updateMcnInstitution(org.livecomply.api.identity.v1.UpdateMcnInstitutionRequest request,
                                     StreamObserver<org.livecomply.api.identity.v1.McnInstitution> response) {
        Violations violations = requestId(request.getRequestId());
        violations.when(!request.hasMcnInstitution(), "mcn_institution", "mcn_institution is required");
        String id = ResourceNames.id(request.getMcnInstitution().getName(), McnInstitution.COLLECTION, "mcn_institution.name", violations);
        var update = McnMapper.updateFromProto(request.getMcnInstitution(), request.getUpdateMask(), violations);
        if (update != null) {
            update.check(violations);
        }
        violations.throwIfAny();
        reply(response, McnMapper.toProto(mcns.update(request.getRequestId(), fingerprints.of(request), id, update,
                Caller.current().subject())));
    }

    @Override
    public void listMcnInstitutionRevisions(org.livecomply.api.identity.v1.ListMcnInstitutionRevisionsRequest request,
                                            StreamObserver<org.livecomply.api.identity.v1.ListMcnInstitutionRevisionsResponse> response) {
        Violations violations = PageSize.check(request.getPageSize(), new Violations());
        String id = ResourceNames.id(request.getParent(), McnInstitution.COLLECTION, "parent", violations);
        violations.throwIfAny();
        var page = mcns.revisions(id, PageSize.resolve(request.getPageSize()), request.getPageToken());
        var reply = org.livecomply.api.identity.v1.ListMcnInstitutionRevisionsResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(r -> reply.addRevisions(McnMapper.toProto(r)));
        reply(response, reply.build());
    }

    @Override
    public void recordQuarterlyIncome(org.livecomply.api.identity.v1.RecordQuarterlyIncomeRequest request,
                                      StreamObserver<org.livecomply.api.identity.v1.IncomeStatement> response) {
        Violations violations = requestId(request.getRequestId());
        violations.when(!request.hasIncomeStatement(), "income_statement", "income_statement is required");
        var proto = request.getIncomeStatement();
        Subject subject = request.hasIncomeStatement() ? subject(proto.getSubject(), "income_statement.subject", violations) : null;
        var statement = IncomeStatementMapper.fromProto(proto, subject == null ? null : subject.type(), subject == null ? null : subject.id(),
                violations);
        if (request.hasIncomeStatement()) {
            statement.check(incomes.now(), violations);
        }
        violations.throwIfAny();
        reply(response, IncomeStatementMapper.toProto(incomes.record(request.getRequestId(), fingerprints.of(request), statement,
                Caller.current().subject())));
    }

    @Override
    public void getIdentityRules(org.livecomply.api.identity.v1.GetIdentityRulesRequest request,
                                 StreamObserver<org.livecomply.api.identity.v1.IdentityRules> response) {
        reply(response, RulesMapper.toProto(policy));
    }

    /** {@code roomOperators/{uuid}/disclosureChanges/{n}}. */
    private record ChangeName(String operatorId, int number) {
    }

    private static ChangeName changeName(String name, Violations violations) {
        String[] parts = name.split("/");
        if (parts.length != 4 || !"disclosureChanges".equals(parts[2]) || !parts[3].matches("[1-9][0-9]{0,8}")) {
            violations.add("name", "name must be roomOperators/{uuid}/disclosureChanges/{n}");
            return null;
        }
        String operatorId = ResourceNames.id(parts[0] + "/" + parts[1], org.livecomply.identity.domain.RoomOperator.COLLECTION, "name", violations);
        return operatorId == null ? null : new ChangeName(operatorId, Integer.parseInt(parts[3]));
    }

    /** A verification parent, notice subject or income subject: a room operator or a marketer, never an MCN. */
    private record Subject(SubjectType type, String id) {
    }

    private static Subject subject(String name, String field, Violations violations) {
        for (SubjectType type : SubjectType.ROOM_OPERATORS_AND_MARKETERS) {
            if (name.startsWith(type.collection())) {
                String id = ResourceNames.id(name, type.collection(), field, violations);
                return id == null ? null : new Subject(type, id);
            }
        }
        violations.add(field, field + " must be roomOperators/{uuid} or marketers/{uuid}");
        return null;
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
