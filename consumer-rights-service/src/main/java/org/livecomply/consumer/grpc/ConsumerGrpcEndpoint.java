package org.livecomply.consumer.grpc;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.livecomply.api.consumer.v1.AcknowledgeComplaintRequest;
import org.livecomply.api.consumer.v1.AdvanceCompensation;
import org.livecomply.api.consumer.v1.AnswerSettlementRequest;
import org.livecomply.api.consumer.v1.AssessRemedyRequest;
import org.livecomply.api.consumer.v1.ClearComplaintAbuseFlagRequest;
import org.livecomply.api.consumer.v1.GetAdvanceCompensationRequest;
import org.livecomply.api.consumer.v1.ListSettlementsRequest;
import org.livecomply.api.consumer.v1.ListSettlementsResponse;
import org.livecomply.api.consumer.v1.ProposeSettlementRequest;
import org.livecomply.api.consumer.v1.RecordAdvanceCompensationRequest;
import org.livecomply.api.consumer.v1.RecordCompensationRecoveryRequest;
import org.livecomply.api.consumer.v1.RemedyAssessment;
import org.livecomply.api.consumer.v1.Settlement;
import org.livecomply.api.consumer.v1.WriteOffCompensationRecoveryRequest;
import org.livecomply.api.consumer.v1.CheckReturnEligibilityRequest;
import org.livecomply.api.consumer.v1.Complaint;
import org.livecomply.api.consumer.v1.ComplaintPolicy;
import org.livecomply.api.consumer.v1.ConsumerRightsServiceGrpc;
import org.livecomply.api.consumer.v1.CreateComplaintRequest;
import org.livecomply.api.consumer.v1.EscalateComplaintRequest;
import org.livecomply.api.consumer.v1.FlagComplaintAbuseRequest;
import org.livecomply.api.consumer.v1.GetComplaintPolicyRequest;
import org.livecomply.api.consumer.v1.GetComplaintRequest;
import org.livecomply.api.consumer.v1.GetRegulatorClueRequest;
import org.livecomply.api.consumer.v1.ListComplaintEventsRequest;
import org.livecomply.api.consumer.v1.ListComplaintEventsResponse;
import org.livecomply.api.consumer.v1.ListComplaintsRequest;
import org.livecomply.api.consumer.v1.ListComplaintsResponse;
import org.livecomply.api.consumer.v1.ListRegulatorCluesRequest;
import org.livecomply.api.consumer.v1.ListRegulatorCluesResponse;
import org.livecomply.api.consumer.v1.ListSellerInformationDisclosuresRequest;
import org.livecomply.api.consumer.v1.ListSellerInformationDisclosuresResponse;
import org.livecomply.api.consumer.v1.PauseComplaintRequest;
import org.livecomply.api.consumer.v1.ReceiveRoomDisposalRequest;
import org.livecomply.api.consumer.v1.ReceiveRoomDisposalResponse;
import org.livecomply.api.consumer.v1.RegulatorClue;
import org.livecomply.api.consumer.v1.RejectComplaintRequest;
import org.livecomply.api.consumer.v1.RequestSellerInformationRequest;
import org.livecomply.api.consumer.v1.ResolveComplaintRequest;
import org.livecomply.api.consumer.v1.RespondToComplaintRequest;
import org.livecomply.api.consumer.v1.ResumeComplaintRequest;
import org.livecomply.api.consumer.v1.ReturnEligibility;
import org.livecomply.api.consumer.v1.SellerInformationDisclosure;
import org.livecomply.api.grading.v1.ConsumerOrdersHandoff;
import org.livecomply.api.grading.v1.Measure;
import org.livecomply.commons.auth.Caller;
import org.livecomply.commons.error.Violations;
import org.livecomply.commons.idempotency.RequestFingerprints;
import org.livecomply.commons.paging.PageSize;
import org.livecomply.consumer.domain.AbuseRule;
import org.livecomply.consumer.domain.ClaimType;
import org.livecomply.consumer.domain.Identifiers;
import org.livecomply.consumer.domain.ReturnException;
import org.livecomply.consumer.domain.WaitingOn;
import org.livecomply.consumer.domain.Workflow;
import org.livecomply.consumer.service.ClueService;
import org.livecomply.consumer.service.CompensationService;
import org.livecomply.consumer.service.ComplaintService;
import org.livecomply.consumer.service.RemedyService;
import org.livecomply.consumer.service.ReturnService;
import org.livecomply.consumer.service.RoomDisposalService;
import org.livecomply.consumer.service.SellerInformationService;
import org.livecomply.consumer.service.SettlementService;

/** The ConsumerRightsService gRPC API: checks and translates requests, nothing else. */
@Singleton
public class ConsumerGrpcEndpoint extends ConsumerRightsServiceGrpc.ConsumerRightsServiceImplBase {

    static final int NOTE_MAX = 2000;
    static final int MAX_SKUS = 100;
    private static final Set<Measure> HANDOFF_MEASURES = EnumSet.of(Measure.MEASURE_SESSION_SUSPENSION, Measure.MEASURE_STREAMING_SUSPENSION,
            Measure.MEASURE_ACCOUNT_CLOSURE);

    private final ComplaintService complaints;
    private final SellerInformationService sellerInformation;
    private final ReturnService returns;
    private final RoomDisposalService roomDisposals;
    private final ClueService clues;
    private final CompensationService compensations;
    private final SettlementService settlements;
    private final RemedyService remedies;
    private final org.livecomply.consumer.domain.ComplaintPolicy policy;
    private final AbuseRule abuseRule;
    private final RequestFingerprints fingerprints;

    public ConsumerGrpcEndpoint(ComplaintService complaints, SellerInformationService sellerInformation, ReturnService returns,
                                RoomDisposalService roomDisposals, ClueService clues, CompensationService compensations,
                                SettlementService settlements, RemedyService remedies, org.livecomply.consumer.domain.ComplaintPolicy policy,
                                AbuseRule abuseRule, RequestFingerprints fingerprints) {
        this.complaints = complaints;
        this.sellerInformation = sellerInformation;
        this.returns = returns;
        this.roomDisposals = roomDisposals;
        this.clues = clues;
        this.compensations = compensations;
        this.settlements = settlements;
        this.remedies = remedies;
        this.policy = policy;
        this.abuseRule = abuseRule;
        this.fingerprints = fingerprints;
    }

    @Override
    public void createComplaint(CreateComplaintRequest request, StreamObserver<Complaint> response) {
        Violations violations = Requests.requestId(request.getRequestId());
        violations.when(!request.hasComplaint(), "complaint", "complaint is required");
        var complaint = ComplaintMapper.fromProto(request.getComplaint(), violations);
        violations.throwIfAny();
        ComplaintService.Filed filed = complaints.file(request.getRequestId(), fingerprints.of(request), complaint, Caller.current().subject());
        reply(response, ComplaintMapper.toProto(filed.complaint(), filed.statusToken()));
    }

    @Override
    public void getComplaint(GetComplaintRequest request, StreamObserver<Complaint> response) {
        Violations violations = new Violations();
        String number = Requests.complaintNumber(request.getName(), "name", violations);
        violations.throwIfAny();
        reply(response, ComplaintMapper.toProto(complaints.get(number)));
    }

    @Override
    public void listComplaints(ListComplaintsRequest request, StreamObserver<ListComplaintsResponse> response) {
        Violations violations = PageSize.check(request.getPageSize(), new Violations());
        var state = ComplaintMapper.stateFilter(request.getState(), violations);
        var channel = ComplaintMapper.channelFilter(request.getChannel(), violations);
        Identifiers.optional(violations, "order_id", request.getOrderId(), Identifiers.ARCHIVE_ID, "1..64 of [A-Za-z0-9_.:-]");
        violations.throwIfAny();
        var page = complaints.list(state, channel, request.getOrderId().isEmpty() ? null : request.getOrderId(), request.getOverdueOnly(),
                PageSize.resolve(request.getPageSize()), request.getPageToken());
        ListComplaintsResponse.Builder reply = ListComplaintsResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(c -> reply.addComplaints(ComplaintMapper.toProto(c)));
        reply(response, reply.build());
    }

    @Override
    public void listComplaintEvents(ListComplaintEventsRequest request, StreamObserver<ListComplaintEventsResponse> response) {
        Violations violations = PageSize.check(request.getPageSize(), new Violations());
        String number = Requests.complaintNumber(request.getParent(), "parent", violations);
        violations.throwIfAny();
        var page = complaints.events(number, PageSize.resolve(request.getPageSize()), request.getPageToken());
        ListComplaintEventsResponse.Builder reply = ListComplaintEventsResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(e -> reply.addEvents(ComplaintMapper.event(e)));
        reply(response, reply.build());
    }

    @Override
    public void acknowledgeComplaint(AcknowledgeComplaintRequest request, StreamObserver<Complaint> response) {
        Violations violations = Requests.requestId(request.getRequestId());
        String number = Requests.complaintNumber(request.getName(), "name", violations);
        Requests.text(violations, "note", request.getNote(), 0, NOTE_MAX);
        violations.throwIfAny();
        reply(response, ComplaintMapper.toProto(complaints.step("AcknowledgeComplaint", request.getRequestId(), fingerprints.of(request), number,
                Workflow.Step.ACKNOWLEDGE, null, request.getNote(), Caller.current().subject())));
    }

    @Override
    public void respondToComplaint(RespondToComplaintRequest request, StreamObserver<Complaint> response) {
        Violations violations = Requests.requestId(request.getRequestId());
        String number = Requests.complaintNumber(request.getName(), "name", violations);
        Requests.text(violations, "note", request.getNote(), 1, NOTE_MAX);
        violations.throwIfAny();
        reply(response, ComplaintMapper.toProto(complaints.step("RespondToComplaint", request.getRequestId(), fingerprints.of(request), number,
                Workflow.Step.RESPOND, null, request.getNote(), Caller.current().subject())));
    }

    @Override
    public void pauseComplaint(PauseComplaintRequest request, StreamObserver<Complaint> response) {
        Violations violations = Requests.requestId(request.getRequestId());
        String number = Requests.complaintNumber(request.getName(), "name", violations);
        WaitingOn waitingOn = ProtoValues.domain(request.getWaitingOn(), "WAITING_ON_", WaitingOn.class);
        violations.when(waitingOn == null, "waiting_on", "waiting_on must be WAITING_ON_CONSUMER or WAITING_ON_MERCHANT");
        Requests.text(violations, "note", request.getNote(), 1, NOTE_MAX);
        violations.throwIfAny();
        reply(response, ComplaintMapper.toProto(complaints.step("PauseComplaint", request.getRequestId(), fingerprints.of(request), number,
                Workflow.Step.PAUSE, waitingOn, request.getNote(), Caller.current().subject())));
    }

    @Override
    public void resumeComplaint(ResumeComplaintRequest request, StreamObserver<Complaint> response) {
        Violations violations = Requests.requestId(request.getRequestId());
        String number = Requests.complaintNumber(request.getName(), "name", violations);
        Requests.text(violations, "note", request.getNote(), 0, NOTE_MAX);
        violations.throwIfAny();
        reply(response, ComplaintMapper.toProto(complaints.step("ResumeComplaint", request.getRequestId(), fingerprints.of(request), number,
                Workflow.Step.RESUME, null, request.getNote(), Caller.current().subject())));
    }

    @Override
    public void resolveComplaint(ResolveComplaintRequest request, StreamObserver<Complaint> response) {
        Violations violations = Requests.requestId(request.getRequestId());
        String number = Requests.complaintNumber(request.getName(), "name", violations);
        Requests.text(violations, "resolution", request.getResolution(), 1, NOTE_MAX);
        Identifiers.optional(violations, "room", request.getRoom(), Identifiers.ROOM, "rooms/{uuid}");
        violations.throwIfAny();
        reply(response, ComplaintMapper.toProto(complaints.resolve(request.getRequestId(), fingerprints.of(request), number,
                request.getResolution(), request.getSubstantiated(), request.getRoom().isEmpty() ? null : request.getRoom(),
                Caller.current().subject())));
    }

    @Override
    public void rejectComplaint(RejectComplaintRequest request, StreamObserver<Complaint> response) {
        Violations violations = Requests.requestId(request.getRequestId());
        String number = Requests.complaintNumber(request.getName(), "name", violations);
        Requests.text(violations, "reason", request.getReason(), 1, NOTE_MAX);
        violations.throwIfAny();
        reply(response, ComplaintMapper.toProto(complaints.reject(request.getRequestId(), fingerprints.of(request), number, request.getReason(),
                Caller.current().subject())));
    }

    @Override
    public void escalateComplaint(EscalateComplaintRequest request, StreamObserver<RegulatorClue> response) {
        Violations violations = Requests.requestId(request.getRequestId());
        String number = Requests.complaintNumber(request.getName(), "name", violations);
        violations.text("regulator", request.getRegulator(), 1, 200);
        Requests.text(violations, "reasons", request.getReasons(), 1, NOTE_MAX);
        violations.throwIfAny();
        reply(response, OtherMappers.clue(complaints.escalate(request.getRequestId(), fingerprints.of(request), number, request.getRegulator(),
                request.getReasons(), Caller.current().subject())));
    }

    @Override
    public void flagComplaintAbuse(FlagComplaintAbuseRequest request, StreamObserver<Complaint> response) {
        Violations violations = Requests.requestId(request.getRequestId());
        String number = Requests.complaintNumber(request.getName(), "name", violations);
        Requests.text(violations, "reason", request.getReason(), 1, NOTE_MAX);
        violations.throwIfAny();
        reply(response, ComplaintMapper.toProto(complaints.flagAbuse(request.getRequestId(), fingerprints.of(request), number, request.getReason(),
                Caller.current().subject())));
    }

    @Override
    public void clearComplaintAbuseFlag(ClearComplaintAbuseFlagRequest request, StreamObserver<Complaint> response) {
        Violations violations = Requests.requestId(request.getRequestId());
        String number = Requests.complaintNumber(request.getName(), "name", violations);
        Requests.text(violations, "reason", request.getReason(), 1, NOTE_MAX);
        violations.throwIfAny();
        reply(response, ComplaintMapper.toProto(complaints.clearAbuseFlag(request.getRequestId(), fingerprints.of(request), number,
                request.getReason(), Caller.current().subject())));
    }

    @Override
    public void recordAdvanceCompensation(RecordAdvanceCompensationRequest request, StreamObserver<AdvanceCompensation> response) {
        Violations violations = Requests.requestId(request.getRequestId());
        String number = Requests.complaintNumber(request.getComplaint(), "complaint", violations);
        Long amount = MoneyValues.fen(request.hasAmount(), request.getAmount(), "amount", true, 1, violations);
        var payer = ProtoValues.domain(request.getPayer(), "PAYER_", org.livecomply.consumer.domain.AdvanceCompensation.Payer.class);
        violations.when(payer == null, "payer", "payer must be PAYER_PLATFORM or PAYER_CONSUMER_PROTECTION_DEPOSIT");
        violations.text("payment_ref", request.getPaymentRef(), 1, 128)
                .matches("payment_ref", request.getPaymentRef(), Requests.REFERENCE, "1..128 of [A-Za-z0-9_.:-]");
        Instant payTime = pastTime(request.hasPayTime(), request.getPayTime(), "pay_time", compensations.now(), violations);
        Requests.text(violations, "reason", request.getReason(), 1, NOTE_MAX);
        violations.throwIfAny();
        reply(response, CaseMappers.compensation(compensations.record(request.getRequestId(), fingerprints.of(request), number,
                new CompensationService.Payment(amount, payer, request.getPaymentRef(), payTime, request.getReason()), Caller.current().subject())));
    }

    @Override
    public void getAdvanceCompensation(GetAdvanceCompensationRequest request, StreamObserver<AdvanceCompensation> response) {
        Violations violations = new Violations();
        String number = Requests.compensationNumber(request.getName(), "name", violations);
        violations.throwIfAny();
        reply(response, CaseMappers.compensation(compensations.get(number)));
    }

    @Override
    public void recordCompensationRecovery(RecordCompensationRecoveryRequest request, StreamObserver<AdvanceCompensation> response) {
        Violations violations = Requests.requestId(request.getRequestId());
        String number = Requests.compensationNumber(request.getName(), "name", violations);
        Long amount = MoneyValues.fen(request.hasAmount(), request.getAmount(), "amount", true, 1, violations);
        violations.text("reference", request.getReference(), 1, 128)
                .matches("reference", request.getReference(), Requests.REFERENCE, "1..128 of [A-Za-z0-9_.:-]");
        Instant recoverTime = pastTime(request.hasRecoverTime(), request.getRecoverTime(), "recover_time", compensations.now(), violations);
        violations.throwIfAny();
        reply(response, CaseMappers.compensation(compensations.recover(request.getRequestId(), fingerprints.of(request), number, amount,
                request.getReference(), recoverTime, Caller.current().subject())));
    }

    @Override
    public void writeOffCompensationRecovery(WriteOffCompensationRecoveryRequest request, StreamObserver<AdvanceCompensation> response) {
        Violations violations = Requests.requestId(request.getRequestId());
        String number = Requests.compensationNumber(request.getName(), "name", violations);
        Requests.text(violations, "reason", request.getReason(), 1, NOTE_MAX);
        violations.throwIfAny();
        reply(response, CaseMappers.compensation(compensations.writeOff(request.getRequestId(), fingerprints.of(request), number,
                request.getReason(), Caller.current().subject())));
    }

    @Override
    public void proposeSettlement(ProposeSettlementRequest request, StreamObserver<Settlement> response) {
        Violations violations = Requests.requestId(request.getRequestId());
        String number = Requests.complaintNumber(request.getComplaint(), "complaint", violations);
        Requests.text(violations, "terms", request.getTerms(), 1, NOTE_MAX);
        Long amount = MoneyValues.fen(request.hasAmount(), request.getAmount(), "amount", false, 0, violations);
        violations.throwIfAny();
        reply(response, CaseMappers.settlement(settlements.propose(request.getRequestId(), fingerprints.of(request), number, request.getTerms(),
                amount, Caller.current().subject())));
    }

    @Override
    public void answerSettlement(AnswerSettlementRequest request, StreamObserver<Settlement> response) {
        Violations violations = Requests.requestId(request.getRequestId());
        String[] name = Requests.settlement(request.getName(), "name", violations);
        var party = ProtoValues.domain(request.getParty(), "SETTLEMENT_PARTY_", org.livecomply.consumer.domain.Settlement.Party.class);
        violations.when(party == null, "party", "party must be SETTLEMENT_PARTY_CONSUMER or SETTLEMENT_PARTY_MERCHANT");
        var decision = ProtoValues.domain(request.getDecision(), "DECISION_", org.livecomply.consumer.domain.Settlement.Decision.class);
        violations.when(decision == null, "decision", "decision must be DECISION_ACCEPT or DECISION_DECLINE");
        Requests.text(violations, "note", request.getNote(), 0, NOTE_MAX);
        violations.throwIfAny();
        reply(response, CaseMappers.settlement(settlements.answer(request.getRequestId(), fingerprints.of(request), name[0], name[1], party,
                decision, request.getNote(), Caller.current().subject())));
    }

    @Override
    public void listSettlements(ListSettlementsRequest request, StreamObserver<ListSettlementsResponse> response) {
        Violations violations = PageSize.check(request.getPageSize(), new Violations());
        String number = Requests.complaintNumber(request.getParent(), "parent", violations);
        violations.throwIfAny();
        var page = settlements.list(number, PageSize.resolve(request.getPageSize()), request.getPageToken());
        ListSettlementsResponse.Builder reply = ListSettlementsResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(settlement -> reply.addSettlements(CaseMappers.settlement(settlement)));
        reply(response, reply.build());
    }

    @Override
    public void assessRemedy(AssessRemedyRequest request, StreamObserver<RemedyAssessment> response) {
        Violations violations = new Violations();
        boolean byComplaint = !request.getComplaint().isEmpty();
        violations.when(byComplaint == !request.getOrderId().isEmpty(), byComplaint ? "order_id" : "complaint",
                "exactly one of complaint and order_id is required");
        String number = byComplaint ? Requests.complaintNumber(request.getComplaint(), "complaint", violations) : null;
        Identifiers.optional(violations, "order_id", request.getOrderId(), Identifiers.ARCHIVE_ID, "1..64 of [A-Za-z0-9_.:-]");
        ClaimType claim = ProtoValues.domain(request.getClaim(), "CLAIM_TYPE_", ClaimType.class);
        violations.when(claim == null, "claim", "claim must be CLAIM_TYPE_QUALITY_DEFECT, CLAIM_TYPE_FRAUD or CLAIM_TYPE_FOOD_SAFETY");
        violations.when(request.getSkusCount() > MAX_SKUS, "skus", "at most " + MAX_SKUS + " skus");
        for (int i = 0; i < Math.min(request.getSkusCount(), MAX_SKUS); i++) {
            String sku = request.getSkus(i);
            violations.when(!Identifiers.ARCHIVE_ID.matcher(sku).matches(), "skus[" + i + "]", "skus[" + i + "] must be 1..64 of [A-Za-z0-9_.:-]")
                    .when(request.getSkusList().subList(0, i).contains(sku), "skus[" + i + "]", "skus[" + i + "] is listed twice");
        }
        Long loss = MoneyValues.fen(request.hasLoss(), request.getLoss(), "loss", false, 0, violations);
        violations.when(request.hasLoss() && claim != ClaimType.FOOD_SAFETY, "loss", "loss is only for CLAIM_TYPE_FOOD_SAFETY (3 × the loss)");
        Instant assessTime = ProtoValues.instant(request.hasAssessTime(), request.getAssessTime(), "assess_time", violations);
        violations.when(assessTime != null && assessTime.isAfter(remedies.now().plusSeconds(300)), "assess_time",
                "assess_time must not be in the future");
        violations.throwIfAny();
        String orderId = byComplaint ? remedies.orderOf(number) : request.getOrderId();
        reply(response, CaseMappers.assessment(remedies.assess(orderId, claim, request.getSkusList(), loss, assessTime)));
    }

    /** A required time not more than 5 minutes ahead of now (clock skew between the platform and here). */
    private static Instant pastTime(boolean present, com.google.protobuf.Timestamp timestamp, String field, Instant now, Violations violations) {
        violations.when(!present, field, field + " is required");
        Instant time = ProtoValues.instant(present, timestamp, field, violations);
        violations.when(time != null && time.isAfter(now.plusSeconds(300)), field, field + " must not be in the future");
        return time;
    }

    @Override
    public void getComplaintPolicy(GetComplaintPolicyRequest request, StreamObserver<ComplaintPolicy> response) {
        reply(response, PolicyMapper.toProto(policy, abuseRule));
    }

    @Override
    public void requestSellerInformation(RequestSellerInformationRequest request, StreamObserver<SellerInformationDisclosure> response) {
        Violations violations = new Violations();
        String number = Requests.complaintNumber(request.getComplaint(), "complaint", violations);
        Identifiers.optional(violations, "room_operator", request.getRoomOperator(), Identifiers.ROOM_OPERATOR, "roomOperators/{uuid}");
        Identifiers.optional(violations, "marketer", request.getMarketer(), Identifiers.MARKETER, "marketers/{uuid}");
        violations.throwIfAny();
        reply(response, OtherMappers.disclosure(sellerInformation.request(number, request.getRoomOperator(), request.getMarketer(),
                Caller.current().subject())));
    }

    @Override
    public void listSellerInformationDisclosures(ListSellerInformationDisclosuresRequest request,
                                                 StreamObserver<ListSellerInformationDisclosuresResponse> response) {
        Violations violations = PageSize.check(request.getPageSize(), new Violations());
        String number = request.getParent().isEmpty() ? null : Requests.complaintNumber(request.getParent(), "parent", violations);
        violations.throwIfAny();
        var page = sellerInformation.list(number, PageSize.resolve(request.getPageSize()), request.getPageToken());
        var reply = ListSellerInformationDisclosuresResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(a -> reply.addDisclosures(OtherMappers.audit(a)));
        reply(response, reply.build());
    }

    @Override
    public void checkReturnEligibility(CheckReturnEligibilityRequest request, StreamObserver<ReturnEligibility> response) {
        Violations violations = new Violations();
        Identifiers.required(violations, "order_id", request.getOrderId(), Identifiers.ARCHIVE_ID, "1..64 of [A-Za-z0-9_.:-]");
        Set<ReturnException> exceptions = EnumSet.noneOf(ReturnException.class);
        violations.when(request.getExceptionsCount() > ReturnException.values().length, "exceptions",
                "at most " + ReturnException.values().length + " exceptions");
        for (int i = 0; i < Math.min(request.getExceptionsCount(), ReturnException.values().length); i++) {
            ReturnException exception = ProtoValues.domain(request.getExceptions(i), "RETURN_EXCEPTION_", ReturnException.class);
            if (exception == null) {
                violations.add("exceptions[" + i + "]", "exceptions[" + i + "] is not a known exception");
            } else if (!exceptions.add(exception)) {
                violations.add("exceptions[" + i + "]", "exceptions[" + i + "] is listed twice");
            }
        }
        Instant checkTime = ProtoValues.instant(request.hasCheckTime(), request.getCheckTime(), "check_time", violations);
        violations.when(checkTime != null && checkTime.isAfter(returns.now().plusSeconds(300)), "check_time", "check_time must not be in the future");
        violations.throwIfAny();
        reply(response, OtherMappers.eligibility(returns.check(request.getOrderId(), exceptions, checkTime)));
    }

    @Override
    public void receiveRoomDisposal(ReceiveRoomDisposalRequest request, StreamObserver<ReceiveRoomDisposalResponse> response) {
        Violations violations = Requests.requestId(request.getRequestId());
        violations.when(!request.hasHandoff(), "handoff", "handoff is required");
        ConsumerOrdersHandoff handoff = request.getHandoff();
        violations.when(handoff.getDisposal().length() > 200 || !handoff.getDisposal().matches("rooms/" + Identifiers.UUID + "/disposals/[A-Za-z0-9_.-]{1,64}"),
                "handoff.disposal", "handoff.disposal must be rooms/{room}/disposals/{disposal}");
        Identifiers.required(violations, "handoff.room", handoff.getRoom(), Identifiers.ROOM, "rooms/{uuid}");
        violations.when(!handoff.getDisposal().startsWith(handoff.getRoom() + "/"), "handoff.disposal", "handoff.disposal must be a disposal of handoff.room");
        Identifiers.required(violations, "handoff.room_operator", handoff.getRoomOperator(), Identifiers.ROOM_OPERATOR, "roomOperators/{uuid}");
        Identifiers.required(violations, "handoff.live_account_id", handoff.getLiveAccountId(), Identifiers.ARCHIVE_ID, "1..64 of [A-Za-z0-9_.:-]");
        // Art. 23: the hand-off is for measures that take the room off the air.
        violations.when(!HANDOFF_MEASURES.contains(handoff.getMeasure()), "handoff.measure",
                "handoff.measure must be a session suspension, streaming suspension or account closure (Art. 23)");
        Identifiers.optional(violations, "handoff.session_id", handoff.getSessionId(), Identifiers.ARCHIVE_ID, "1..64 of [A-Za-z0-9_.:-]");
        violations.throwIfAny();
        var received = roomDisposals.receive(request.getRequestId(), fingerprints.of(request), new RoomDisposalService.Handoff(
                handoff.getEventId(), handoff.getDisposal(), handoff.getRoom(), handoff.getRoomOperator(), handoff.getLiveAccountId(),
                handoff.getMeasure().name(), handoff.getSessionId()));
        reply(response, ReceiveRoomDisposalResponse.newBuilder().setDisposal(received.disposal()).setOrdersFound(received.ordersFound())
                .addAllComplaints(received.complaints()).build());
    }

    @Override
    public void getRegulatorClue(GetRegulatorClueRequest request, StreamObserver<RegulatorClue> response) {
        Violations violations = new Violations();
        String name = request.getName();
        boolean shaped = name.startsWith(org.livecomply.consumer.domain.RegulatorClue.COLLECTION)
                && name.substring(org.livecomply.consumer.domain.RegulatorClue.COLLECTION.length()).matches(Identifiers.UUID);
        violations.when(!shaped, "name", "name must be regulatorClues/{uuid}").throwIfAny();
        reply(response, OtherMappers.clue(clues.get(name.substring(org.livecomply.consumer.domain.RegulatorClue.COLLECTION.length()))));
    }

    @Override
    public void listRegulatorClues(ListRegulatorCluesRequest request, StreamObserver<ListRegulatorCluesResponse> response) {
        PageSize.check(request.getPageSize(), new Violations()).throwIfAny();
        var page = clues.list(PageSize.resolve(request.getPageSize()), request.getPageToken());
        var reply = ListRegulatorCluesResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(c -> reply.addRegulatorClues(OtherMappers.clue(c)));
        reply(response, reply.build());
    }

    private static <T> void reply(StreamObserver<T> response, T message) {
        response.onNext(message);
        response.onCompleted();
    }
}
