package org.livecomply.grading.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.livecomply.api.grading.v1.ConsumerOrdersHandoff;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.error.RuleViolation;
import org.livecomply.commons.error.RuleViolationException;
import org.livecomply.commons.idempotency.Idempotency;
import org.livecomply.commons.paging.PageTokens;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.commons.pii.PiiCipher;
import org.livecomply.grading.client.IdentityRequests;
import org.livecomply.grading.domain.Disposal;
import org.livecomply.grading.domain.GradingRuleset;
import org.livecomply.grading.domain.Measure;
import org.livecomply.grading.domain.NewDisposal;
import org.livecomply.grading.domain.ReportLevel;
import org.livecomply.grading.domain.Room;
import org.livecomply.grading.domain.Severity;
import org.livecomply.grading.domain.SubjectIdentity;
import org.livecomply.grading.domain.rules.DisposalProposer;
import org.livecomply.grading.domain.rules.GradeInputs;
import org.livecomply.grading.domain.rules.Proposal;
import org.livecomply.grading.grpc.ProtoValues;
import org.livecomply.grading.repository.ContractJson;
import org.livecomply.grading.repository.DisposalRepository;
import org.livecomply.grading.repository.DisposalRow;
import org.livecomply.grading.repository.DisposalViolationName;
import org.livecomply.grading.repository.DisposalViolationRepository;
import org.livecomply.grading.repository.DisposalViolationRow;
import org.livecomply.grading.repository.ReportQueueRepository;
import org.livecomply.grading.repository.ReportQueueRow;
import org.livecomply.grading.repository.RoomRepository;
import org.livecomply.grading.repository.RoomRow;
import org.livecomply.grading.repository.ViolationRepository;
import org.livecomply.grading.repository.ViolationRow;

/**
 * Disposals (Arts. 12, 14, 23): the rule table's proposal, the officer's decision with its notice, and in the
 * same transaction the regulator report queue (Art. 12 ¶3), the identity entry of a blacklist or
 * re-registration ban and the consumers' orders hand-off (outbox). Measures end by their times.
 */
@Singleton
public class DisposalService {

    public static final String NOT_FOUND = "DISPOSAL_NOT_FOUND";
    public static final String DEVIATION_REASON_REQUIRED = "DEVIATION_REASON_REQUIRED";
    static final String IDENTITY_FIELD = "disposals.identity";

    private final DisposalRepository disposals;
    private final DisposalViolationRepository disposalViolations;
    private final ViolationRepository violations;
    private final ReportQueueRepository reportQueue;
    private final RoomRepository rooms;
    private final ViolationService violationService;
    private final RulesetService rulesets;
    private final Outbox outbox;
    private final PiiCipher cipher;
    private final Idempotency idempotency;
    private final PageTokens pageTokens;
    private final Clock clock;

    public DisposalService(DisposalRepository disposals, DisposalViolationRepository disposalViolations, ViolationRepository violations,
                           ReportQueueRepository reportQueue, RoomRepository rooms, ViolationService violationService, RulesetService rulesets,
                           Outbox outbox, PiiCipher cipher, Idempotency idempotency, PageTokens pageTokens, Clock clock) {
        this.disposals = disposals;
        this.disposalViolations = disposalViolations;
        this.violations = violations;
        this.reportQueue = reportQueue;
        this.rooms = rooms;
        this.violationService = violationService;
        this.rulesets = rulesets;
        this.outbox = outbox;
        this.cipher = cipher;
        this.idempotency = idempotency;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    /** What the rule table in force proposes for this violation of the room (Art. 12 ¶1). */
    @Transactional(readOnly = true)
    public Proposal propose(String roomId, String violationId) {
        RoomRow room = room(roomId);
        return propose(room, violationService.rowsOf(room, List.of(violationId)).get(0), rulesets.inForce());
    }

    private Proposal propose(RoomRow room, ViolationRow violation, GradingRuleset ruleset) {
        var policy = ruleset.rules().disposalPolicy();
        List<GradeInputs.ViolationFact> window = violations.since(room.seq(),
                violation.occurTime().minus(Duration.ofDays(policy.windowDays()))).stream().map(ViolationRow::fact).toList();
        return DisposalProposer.propose(policy, ruleset.version(), violation.toDomain(room.resourceId(), List.of()).name(),
                Severity.valueOf(violation.severity()), violation.sessionId() != null, violation.occurTime(), window);
    }

    @Transactional
    public Disposal create(String requestId, String fingerprint, String roomId, NewDisposal decision, String decidedBy) {
        return idempotency.once("CreateDisposal", requestId, fingerprint, () -> createOnce(roomId, decision, decidedBy), Disposal::id,
                id -> get(roomId, id));
    }

    private Disposal createOnce(String roomId, NewDisposal decision, String decidedBy) {
        RoomRow room = rooms.lock(roomId).orElseThrow(() -> new NotFoundException(RoomService.NOT_FOUND, Room.COLLECTION + roomId));
        List<ViolationRow> answered = violationService.rowsOf(room, decision.violationIds());
        GradingRuleset ruleset = rulesets.inForce();
        Proposal proposal = propose(room, answered.get(0), ruleset);
        boolean deviates = proposal.measure() != decision.measure();
        if (deviates && (decision.deviationReason() == null || decision.deviationReason().isEmpty())) {
            // Art. 12 ¶1: measures are proportionate; departing from the published table needs a recorded reason.
            throw new RuleViolationException(new RuleViolation(DEVIATION_REASON_REQUIRED, Measure.ARTICLE, "disposal.deviation_reason",
                    "the rule table proposes " + (proposal.measure() == null ? "no measure" : proposal.measure()) + " ("
                            + proposal.explanation() + "); give deviation_reason to decide " + decision.measure()));
        }
        Instant now = Micros.of(clock.instant());
        Instant start = decision.startTime() == null ? now : Micros.of(decision.startTime());
        Instant end = decision.duration() == null ? null : start.plus(decision.duration());
        SubjectIdentity identity = decision.subjectIdentity();
        Disposal.IdentityDelivery delivery = decision.measure().identityEntry() ? Disposal.IdentityDelivery.PENDING
                : Disposal.IdentityDelivery.NOT_NEEDED;
        Instant appealDeadline = now.plus(Duration.ofDays(ruleset.rules().disposalPolicy().appealDays()));
        DisposalRow row = disposals.save(new DisposalRow(null, UUID.randomUUID().toString(), room.seq(), decision.measure().name(),
                decision.marketer(), decision.sessionId(), decision.facts(), decision.reasons(), decision.legalBasis(), decision.appealChannel(),
                start, end, identity == null ? null : identity.type().name(),
                identity == null ? null : cipher.encrypt(identity.normalised(), IDENTITY_FIELD), identity == null ? null : identity.masked(),
                blankToNull(decision.deviationReason()), ContractJson.proposal(proposal), decidedBy, now, appealDeadline, delivery.name(),
                null, null));
        List<DisposalViolationRow> links = new ArrayList<>();
        for (int i = 0; i < answered.size(); i++) {
            links.add(new DisposalViolationRow(null, row.seq(), i, answered.get(i).seq()));
        }
        disposalViolations.saveAll(links);
        violations.markDisposed(answered.stream().map(ViolationRow::seq).toList(), row.resourceId());
        Disposal disposal = toDomain(row, roomId, decision.violationIds());
        for (ReportLevel level : disposal.reportLevels()) {
            // Art. 12 ¶3: every disposal is reported; the export takes it from this queue.
            reportQueue.save(new ReportQueueRow(null, row.seq(), level.name(), null, now));
        }
        if (identity != null) {
            String eventId = UUID.randomUUID().toString();
            outbox.append(eventId, Outbox.Kind.IDENTITY_BLACKLIST_ENTRY, disposal.name(),
                    IdentityRequests.blacklistEntry(eventId, disposal, identity), Outbox.Status.PENDING);
        }
        if (disposal.measure().consumerHandoff()) {
            appendHandoff(disposal, room);
        }
        return disposal;
    }

    /** Art. 23: consumer-rights takes over the room's open orders; the outbox delivers it after this transaction commits. */
    private void appendHandoff(Disposal disposal, RoomRow room) {
        String eventId = UUID.randomUUID().toString();
        ConsumerOrdersHandoff.Builder handoff = ConsumerOrdersHandoff.newBuilder()
                .setEventId(eventId).setDisposal(disposal.name()).setRoom(Room.COLLECTION + room.resourceId())
                .setRoomOperator(room.roomOperator()).setLiveAccountId(room.liveAccountId())
                .setMeasure(ProtoValues.proto(disposal.measure(), "MEASURE_", org.livecomply.api.grading.v1.Measure.class))
                .setStartTime(ProtoValues.timestamp(disposal.startTime()));
        if (disposal.sessionId() != null) {
            handoff.setSessionId(disposal.sessionId());
        }
        ProtoValues.setIfPresent(disposal.endTime(), handoff::setEndTime);
        outbox.append(eventId, Outbox.Kind.CONSUMER_ORDERS_HANDOFF, disposal.name(), handoff.build(), Outbox.Status.PENDING);
    }

    @Transactional(readOnly = true)
    public Disposal get(String roomId, String disposalId) {
        RoomRow room = room(roomId);
        DisposalRow row = disposals.findByResourceId(disposalId).filter(d -> d.roomSeq() == room.seq())
                .orElseThrow(() -> new NotFoundException(NOT_FOUND, Room.COLLECTION + roomId + "/" + Disposal.COLLECTION + disposalId));
        return toDomain(List.of(row), Map.of(room.seq(), roomId)).get(0);
    }

    @Transactional(readOnly = true)
    public PagedResult<Disposal> list(String roomId, Disposal.State state, int pageSize, String pageToken) {
        RoomRow room = room(roomId);
        String query = "ListDisposals?parent=" + roomId + "&state=" + state;
        List<DisposalRow> rows = disposals.page(room.seq(), pageTokens.resume(pageToken, query, Long.MAX_VALUE),
                state == null ? null : state.name(), clock.instant(), pageSize + 1);
        return pageTokens.page(query, rows, pageSize, DisposalRow::seq, shown -> toDomain(shown, Map.of(room.seq(), roomId)));
    }

    /** The room's measures in force now (warnings are given, not in force). */
    @Transactional(readOnly = true)
    public List<Disposal> inForce(RoomRow room) {
        return toDomain(disposals.inForce(room.seq(), clock.instant()), Map.of(room.seq(), room.resourceId()));
    }

    /** Rows as domain objects; {@code roomIds} maps each row's room seq to the room's id. */
    List<Disposal> toDomain(List<DisposalRow> rows, Map<Long, String> roomIds) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> names = disposalViolations.names(rows.stream().map(DisposalRow::seq).toList()).stream()
                .collect(Collectors.groupingBy(DisposalViolationName::disposalSeq,
                        Collectors.mapping(DisposalViolationName::resourceId, Collectors.toList())));
        return rows.stream().map(r -> toDomain(r, roomIds.get(r.roomSeq()), names.getOrDefault(r.seq(), List.of()))).toList();
    }

    private static Disposal toDomain(DisposalRow row, String roomId, List<String> violationIds) {
        return new Disposal(row.resourceId(), roomId, Measure.valueOf(row.measure()), violationIds, row.marketer(), row.sessionId(),
                row.facts(), row.reasons(), row.legalBasis(), row.appealChannel(), row.startTime(), row.endTime(),
                row.identityType() == null ? null : SubjectIdentity.Type.valueOf(row.identityType()), row.identityMasked(),
                row.deviationReason(), ContractJson.proposal(row.proposalJson()), row.decidedBy(), row.decideTime(), row.appealDeadline(),
                Disposal.IdentityDelivery.valueOf(row.identityDelivery()), row.blacklistEntry(), row.revokeTime());
    }

    private RoomRow room(String roomId) {
        return rooms.findByResourceId(roomId).orElseThrow(() -> new NotFoundException(RoomService.NOT_FOUND, Room.COLLECTION + roomId));
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
