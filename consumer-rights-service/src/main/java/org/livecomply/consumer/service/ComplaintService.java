package org.livecomply.consumer.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.error.RuleViolation;
import org.livecomply.commons.error.RuleViolationException;
import org.livecomply.commons.idempotency.Idempotency;
import org.livecomply.commons.paging.PageTokens;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.commons.persistence.IntegrityViolations;
import org.livecomply.commons.pii.BlindIndex;
import org.livecomply.commons.pii.PiiCipher;
import org.livecomply.consumer.domain.AbuseRule;
import org.livecomply.consumer.domain.Channel;
import org.livecomply.consumer.domain.Complaint;
import org.livecomply.consumer.domain.ComplaintClocks;
import org.livecomply.consumer.domain.ComplaintEvent;
import org.livecomply.consumer.domain.ComplaintNumbers;
import org.livecomply.consumer.domain.ComplaintPolicy;
import org.livecomply.consumer.domain.ComplaintState;
import org.livecomply.consumer.domain.Delivery;
import org.livecomply.consumer.domain.EventKind;
import org.livecomply.consumer.domain.LegalHoldState;
import org.livecomply.consumer.domain.NewComplaint;
import org.livecomply.consumer.domain.RegulatorClue;
import org.livecomply.consumer.domain.Settlement;
import org.livecomply.consumer.domain.VerifiedComplaintRoom;
import org.livecomply.consumer.domain.WaitingOn;
import org.livecomply.consumer.domain.Workflow;
import org.livecomply.consumer.repository.ComplaintEventRepository;
import org.livecomply.consumer.repository.ComplaintEventRow;
import org.livecomply.consumer.repository.ComplaintRepository;
import org.livecomply.consumer.repository.ComplaintRow;
import org.livecomply.consumer.repository.RegulatorClueRepository;
import org.livecomply.consumer.repository.RegulatorClueRow;
import org.livecomply.consumer.repository.SettlementRepository;
import org.livecomply.consumer.repository.SettlementRow;

/**
 * Complaints through the published process (Art. 20): filing with the deadlines in force, every step an
 * event of the timeline with its actor, the legal hold on the order's records while the complaint is open
 * and the verified-complaint signal to room-grading through the outbox, regulator clues on escalation.
 */
@Singleton
public class ComplaintService {

    public static final String NOT_FOUND = "COMPLAINT_NOT_FOUND";
    public static final String SERVICE_ACTOR = "consumer-rights";
    public static final String CONSUMER_ACTOR = "consumer";
    public static final String NOT_FLAGGED = "COMPLAINT_NOT_FLAGGED";
    static final String CONTACT_INDEX_KIND = "complaint-contact";
    private static final int NUMBER_ATTEMPTS = 5;
    private static final int DUPLICATES_LOOKED_AT = 20;

    private final ComplaintRepository complaints;
    private final ComplaintEventRepository events;
    private final RegulatorClueRepository clues;
    private final ComplaintReader reader;
    private final ComplaintClocks clocks;
    private final ComplaintPolicy policy;
    private final ComplaintNumbers numbers;
    private final StatusTokens tokens;
    private final Deliveries deliveries;
    private final PiiCipher cipher;
    private final BlindIndex blindIndex;
    private final AbuseRule abuseRule;
    private final SettlementRepository settlements;
    private final Idempotency idempotency;
    private final PageTokens pageTokens;
    private final Clock clock;

    public ComplaintService(ComplaintRepository complaints, ComplaintEventRepository events, RegulatorClueRepository clues,
                            ComplaintReader reader, ComplaintClocks clocks, ComplaintPolicy policy, ComplaintNumbers numbers,
                            StatusTokens tokens, Deliveries deliveries, PiiCipher cipher, BlindIndex blindIndex, AbuseRule abuseRule,
                            SettlementRepository settlements, Idempotency idempotency, PageTokens pageTokens, Clock clock) {
        this.complaints = complaints;
        this.events = events;
        this.clues = clues;
        this.reader = reader;
        this.clocks = clocks;
        this.policy = policy;
        this.numbers = numbers;
        this.tokens = tokens;
        this.deliveries = deliveries;
        this.cipher = cipher;
        this.blindIndex = blindIndex;
        this.abuseRule = abuseRule;
        this.settlements = settlements;
        this.idempotency = idempotency;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    /** A filed complaint and the secret its status is read with. */
    public record Filed(Complaint complaint, String statusToken) {
    }

    public Instant now() {
        return clock.instant();
    }

    /** Filing by the platform (CreateComplaint), once per request_id. */
    @Transactional
    public Filed file(String requestId, String fingerprint, NewComplaint complaint, String actor) {
        return idempotency.once("CreateComplaint", requestId, fingerprint, () -> insert(complaint, actor, null),
                filed -> filed.complaint().number(), this::refiled);
    }

    /** Filing from the public intake (no request id: every submission is a complaint of its own). */
    @Transactional
    public Filed fileFromPublic(NewComplaint complaint) {
        return insert(complaint, CONSUMER_ACTOR, null);
    }

    /** Art. 23: a tracked after-sales case for an open order of a disposed room; joins the caller's transaction. */
    @Transactional
    public Filed openHandoffCase(NewComplaint complaint, String disposal) {
        return insert(complaint, SERVICE_ACTOR, disposal);
    }

    @Transactional(readOnly = true)
    public Complaint get(String number) {
        return reader.complaint(row(number), clock.instant());
    }

    /** The complaint if {@code token} is its status secret; otherwise NOT_FOUND, never telling which was wrong. */
    @Transactional(readOnly = true)
    public ConsumerView getWithToken(String number, String token) {
        ComplaintRow row = ComplaintNumbers.isNumber(number) ? complaints.findByNumber(number).orElse(null) : null;
        if (row == null || !StatusTokens.matches(token, row.tokenHash())) {
            throw new NotFoundException(NOT_FOUND, Complaint.COLLECTION + number);
        }
        List<ComplaintEvent> timeline = reader.timeline(row);
        return new ConsumerView(reader.complaint(row, timeline, clock.instant()), timeline);
    }

    /** What the consumer sees: the complaint and its timeline. */
    public record ConsumerView(Complaint complaint, List<ComplaintEvent> timeline) {
    }

    @Transactional(readOnly = true)
    public PagedResult<Complaint> list(ComplaintState state, Channel channel, String orderId, boolean overdueOnly, int pageSize, String pageToken) {
        String query = "ListComplaints?state=" + state + "&channel=" + channel + "&order=" + orderId + "&overdue=" + overdueOnly;
        Instant now = clock.instant();
        List<ComplaintRow> rows = complaints.page(pageTokens.resume(pageToken, query, 0), state == null ? null : state.name(),
                channel == null ? null : channel.name(), orderId, overdueOnly ? now : null, pageSize + 1);
        return pageTokens.page(query, rows, pageSize, ComplaintRow::seq, shown -> shown.stream().map(r -> reader.complaint(r, now)).toList());
    }

    @Transactional(readOnly = true)
    public PagedResult<ComplaintEvent> events(String number, int pageSize, String pageToken) {
        ComplaintRow row = row(number);
        String query = "ListComplaintEvents?parent=" + number;
        List<ComplaintEventRow> rows = events.page(row.seq(), pageTokens.resume(pageToken, query, 0), pageSize + 1);
        return pageTokens.page(query, rows, pageSize, ComplaintEventRow::seq,
                shown -> shown.stream().map(e -> ComplaintReader.event(e, number)).toList());
    }

    /** Acknowledge, respond, pause, resume: one step of the process, once per request_id. */
    @Transactional
    public Complaint step(String operation, String requestId, String fingerprint, String number, Workflow.Step step, WaitingOn waitingOn,
                          String note, String actor) {
        return idempotency.once(operation, requestId, fingerprint, () -> {
            ComplaintRow row = lock(number);
            apply(row, step, waitingOn, note, actor);
            return get(number);
        }, Complaint::name, name -> get(number));
    }

    /**
     * Closes with a resolution; a substantiated one is signalled to room-grading against the complaint's room (Art. 20 ¶3).
     * {@code room} (or null) names the room of a complaint that names none; the timeline records who linked it.
     */
    @Transactional
    public Complaint resolve(String requestId, String fingerprint, String number, String resolution, boolean substantiated, String room,
                             String actor) {
        return idempotency.once("ResolveComplaint", requestId, fingerprint, () -> {
            ComplaintRow row = lock(number);
            String complaintName = Complaint.COLLECTION + number;
            // The process's refusal comes first: a closed complaint takes no room either.
            Workflow.apply(complaintName, ComplaintState.valueOf(row.state()), state(row.resumeState()), Workflow.Step.RESOLVE);
            String resolvedRoom = VerifiedComplaintRoom.atResolution(complaintName, row.room(), room, substantiated);
            if (row.room() == null && resolvedRoom != null) {
                Instant linked = nowMicros();
                complaints.updateRoom(row.seq(), resolvedRoom, linked);
                record(row.seq(), EventKind.ROOM_LINKED, actor, ComplaintState.valueOf(row.state()), null, resolvedRoom, linked);
            }
            Instant now = apply(row, Workflow.Step.RESOLVE, null, resolution, actor);
            complaints.updateResolution(row.seq(), resolution, substantiated);
            if (substantiated) {
                deliveries.signalVerifiedComplaint(row, resolvedRoom, resolution, now);
            }
            return get(number);
        }, Complaint::name, name -> get(number));
    }

    @Transactional
    public Complaint reject(String requestId, String fingerprint, String number, String reason, String actor) {
        return idempotency.once("RejectComplaint", requestId, fingerprint, () -> {
            ComplaintRow row = lock(number);
            apply(row, Workflow.Step.REJECT, null, reason, actor);
            complaints.updateRejection(row.seq(), reason);
            return get(number);
        }, Complaint::name, name -> get(number));
    }

    /** Art. 46; ECL Art. 29: escalation produces the regulator clue in the same transaction. */
    @Transactional
    public RegulatorClue escalate(String requestId, String fingerprint, String number, String regulator, String reasons, String actor) {
        return idempotency.once("EscalateComplaint", requestId, fingerprint, () -> {
            ComplaintRow row = lock(number);
            Instant now = apply(row, Workflow.Step.ESCALATE, null, reasons, actor);
            RegulatorClueRow clue = clues.save(new RegulatorClueRow(null, UUID.randomUUID().toString(), row.seq(), regulator, reasons, actor, now));
            complaints.updateRegulatorClue(row.seq(), RegulatorClue.COLLECTION + clue.resourceId());
            return ClueService.toDomain(clue, complaints.findById(row.seq()).orElseThrow());
        }, RegulatorClue::name, name -> ClueService.toDomain(clues.findByComplaintSeq(row(number).seq()).orElseThrow(), row(number)));
    }

    /** Art. 20 ¶1: identify abuse of the complaint mechanism. */
    @Transactional
    public Complaint flagAbuse(String requestId, String fingerprint, String number, String reason, String actor) {
        return idempotency.once("FlagComplaintAbuse", requestId, fingerprint, () -> {
            ComplaintRow row = lock(number);
            Instant now = nowMicros();
            Workflow.apply(Complaint.COLLECTION + number, ComplaintState.valueOf(row.state()), state(row.resumeState()), Workflow.Step.FLAG_ABUSE);
            complaints.flagAbuse(row.seq(), reason, now);
            record(row.seq(), EventKind.ABUSE_FLAGGED, actor, ComplaintState.valueOf(row.state()), null, reason, now);
            return get(number);
        }, Complaint::name, name -> get(number));
    }

    /** Art. 20 ¶1: a person found the flag unfounded (the automatic check only flags; a person decides). */
    @Transactional
    public Complaint clearAbuseFlag(String requestId, String fingerprint, String number, String reason, String actor) {
        return idempotency.once("ClearComplaintAbuseFlag", requestId, fingerprint, () -> {
            ComplaintRow row = lock(number);
            Instant now = nowMicros();
            Workflow.apply(Complaint.COLLECTION + number, ComplaintState.valueOf(row.state()), state(row.resumeState()),
                    Workflow.Step.CLEAR_ABUSE_FLAG);
            if (!row.abuseFlagged()) {
                throw new RuleViolationException(new RuleViolation(NOT_FLAGGED, AbuseRule.ARTICLE, Complaint.COLLECTION + number,
                        "the complaint is not flagged as an abuse of the mechanism"));
            }
            complaints.clearAbuse(row.seq(), now);
            record(row.seq(), EventKind.ABUSE_FLAG_CLEARED, actor, ComplaintState.valueOf(row.state()), null, reason, now);
            return get(number);
        }, Complaint::name, name -> get(number));
    }

    /** Adds an event the service itself records (deliveries, disclosures) without a change of state. */
    @Transactional
    public void note(long complaintSeq, EventKind kind, String actor, String note) {
        ComplaintRow row = complaints.lockSeq(complaintSeq).orElseThrow();
        record(row.seq(), kind, actor, ComplaintState.valueOf(row.state()), null, note, nowMicros());
    }

    @Transactional(readOnly = true)
    public ComplaintRow row(String number) {
        return (ComplaintNumbers.isNumber(number) ? complaints.findByNumber(number) : java.util.Optional.<ComplaintRow>empty())
                .orElseThrow(() -> new NotFoundException(NOT_FOUND, Complaint.COLLECTION + number));
    }

    /** The complaint locked for an update in the caller's transaction; NOT_FOUND when there is none. */
    ComplaintRow lock(String number) {
        return complaints.lock(number).orElseThrow(() -> new NotFoundException(NOT_FOUND, Complaint.COLLECTION + number));
    }

    /** Applies a step: state, timeline event, next deadline; closing releases the order's legal hold. */
    private Instant apply(ComplaintRow row, Workflow.Step step, WaitingOn waitingOn, String note, String actor) {
        Instant now = nowMicros();
        Workflow.Outcome outcome = Workflow.apply(Complaint.COLLECTION + row.number(), ComplaintState.valueOf(row.state()),
                state(row.resumeState()), step);
        WaitingOn waiting = outcome.state() == ComplaintState.WAITING ? waitingOn : null;
        record(row.seq(), step.event(), actor, outcome.state(), waiting, note, now);
        List<ComplaintEvent> timeline = reader.timeline(row);
        Instant nextDeadline = clocks.nextDeadline(timeline, ComplaintReader.deadlines(row), now);
        complaints.updateState(row.seq(), outcome.state().name(), outcome.resumeState() == null ? null : outcome.resumeState().name(),
                waiting == null ? null : waiting.name(), nextDeadline, now, outcome.state().isTerminal() ? now : null);
        if (outcome.state().isClosed()) {
            deliveries.releaseLegalHold(row);
        }
        if (outcome.state().isTerminal()) {
            lapseOpenSettlements(row, outcome.state(), now);
        }
        return now;
    }

    /** ECL Art. 63: a proposal not agreed when the platform's handling ends lapses (the published ODR rules). */
    private void lapseOpenSettlements(ComplaintRow row, ComplaintState state, Instant now) {
        for (SettlementRow open : settlements.findByComplaintSeqAndState(row.seq(), Settlement.State.PROPOSED.name())) {
            settlements.close(open.seq(), Settlement.State.LAPSED.name(), now);
            record(row.seq(), EventKind.SETTLEMENT_LAPSED, SERVICE_ACTOR, state, null,
                    Complaint.COLLECTION + row.number() + "/settlements/" + open.resourceId() + " lapsed: the complaint was "
                            + state.name().toLowerCase(Locale.ROOT) + " before both parties accepted", now);
        }
    }

    /** Art. 20 ¶1: the published automatic check, before the new complaint is stored (so it does not count itself). */
    private Optional<String> abuseCheck(NewComplaint complaint, String contactIndex, Instant now) {
        if (!abuseRule.enabled()) {
            return Optional.empty();
        }
        String buyerRef = blank(complaint.buyerRef());
        List<AbuseRule.Earlier> sameComplainant = contactIndex == null && buyerRef == null ? List.of()
                : earlier(complaints.sameComplainantSince(contactIndex, buyerRef, now.minus(abuseRule.repeatWindow()), abuseRule.repeatLimit() + 1));
        List<AbuseRule.Earlier> sameOrder = complaint.orderId().isEmpty() ? List.of()
                : earlier(complaints.sameOrderSince(complaint.orderId(), now.minus(abuseRule.duplicateWindow()), DUPLICATES_LOOKED_AT));
        return abuseRule.judge(now, sameComplainant, sameOrder);
    }

    private static List<AbuseRule.Earlier> earlier(List<ComplaintRow> rows) {
        return rows.stream().map(r -> new AbuseRule.Earlier(r.number(), r.createTime())).toList();
    }

    /** The contact's blind index: a phone as given, an e-mail address in lower case. */
    private String contactIndex(String contact) {
        return contact.isEmpty() ? null : blindIndex.of(CONTACT_INDEX_KIND, contact.toLowerCase(Locale.ROOT));
    }

    private Filed insert(NewComplaint complaint, String actor, String disposal) {
        Instant now = nowMicros();
        String contactIndex = contactIndex(complaint.contact());
        // Art. 23 cases are opened by the service itself, never by a complainant.
        Optional<String> abuse = disposal == null ? abuseCheck(complaint, contactIndex, now) : Optional.empty();
        for (int attempt = 1; ; attempt++) {
            String number = numbers.next(now);
            String salt = tokens.newSalt();
            String token = tokens.token(number, salt);
            boolean order = !complaint.orderId().isEmpty();
            ComplaintRow row;
            try {
                row = complaints.save(new ComplaintRow(null, number, complaint.channel().name(), complaint.category().name(),
                        complaint.description(), blank(complaint.orderId()), blank(complaint.room()), blank(complaint.roomOperator()),
                        blank(complaint.marketer()), complaint.requestedRemedy() == null ? null : complaint.requestedRemedy().name(),
                        complaint.contact().isEmpty() ? null : cipher.encrypt(complaint.contact(), ComplaintReader.CONTACT_FIELD), contactIndex,
                        blank(complaint.buyerRef()), salt, StatusTokens.hash(token), ComplaintState.RECEIVED.name(), null, null,
                        policy.deadlines().acknowledgeDays(), policy.deadlines().firstResponseDays(), policy.deadlines().resolveDays(),
                        policy.deadlines().merchantWaitPauses(), null, false, null, null, false, null, null,
                        (order ? LegalHoldState.PLACING : LegalHoldState.NONE).name(), null, Delivery.NONE.name(), disposal, now, now, null));
            } catch (RuntimeException e) {
                // A number drawn twice on one day (30^6 per day): draw again.
                if (IntegrityViolations.isIntegrityViolation(e) && attempt < NUMBER_ATTEMPTS && complaints.findByNumber(number).isPresent()) {
                    continue;
                }
                throw e;
            }
            record(row.seq(), EventKind.FILED, actor, ComplaintState.RECEIVED, null, "", now);
            if (abuse.isPresent()) {
                // Flag only: the complaint stays received with its clocks running until a person decides.
                complaints.flagAbuse(row.seq(), abuse.get(), now);
                record(row.seq(), EventKind.ABUSE_FLAGGED, SERVICE_ACTOR, ComplaintState.RECEIVED, null, abuse.get(), now);
            }
            complaints.updateState(row.seq(), ComplaintState.RECEIVED.name(), null, null,
                    clocks.nextDeadline(reader.timeline(row), ComplaintReader.deadlines(row), now), now, null);
            if (order) {
                deliveries.placeLegalHold(row);
            }
            return new Filed(get(number), token);
        }
    }

    private Filed refiled(String number) {
        ComplaintRow row = row(number);
        return new Filed(reader.complaint(row, clock.instant()), tokens.token(number, row.tokenSalt()));
    }

    void record(long complaintSeq, EventKind kind, String actor, ComplaintState state, WaitingOn waitingOn, String note, Instant at) {
        events.save(new ComplaintEventRow(null, complaintSeq, kind.name(), actor, state.name(), waitingOn == null ? null : waitingOn.name(),
                note == null ? "" : note, at));
    }

    static ComplaintState state(String name) {
        return name == null ? null : ComplaintState.valueOf(name);
    }

    private static String blank(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    Instant nowMicros() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
