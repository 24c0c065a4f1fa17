package org.livecomply.consumer.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.idempotency.Idempotency;
import org.livecomply.commons.paging.PageTokens;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.consumer.domain.Complaint;
import org.livecomply.consumer.domain.ComplaintState;
import org.livecomply.consumer.domain.EventKind;
import org.livecomply.consumer.domain.Money;
import org.livecomply.consumer.domain.Settlement;
import org.livecomply.consumer.domain.SettlementRules;
import org.livecomply.consumer.domain.Workflow;
import org.livecomply.consumer.repository.ComplaintRow;
import org.livecomply.consumer.repository.SettlementRepository;
import org.livecomply.consumer.repository.SettlementRow;

/**
 * Online dispute resolution on a complaint (ECL Art. 63; Art. 5): the platform proposes a settlement, each
 * party's answer is recorded as relayed; every step is an event of the timeline, under the complaint's lock,
 * once per request_id. A proposal still open when the complaint ends lapses ({@link ComplaintService}).
 */
@Singleton
public class SettlementService {

    private final ComplaintService complaints;
    private final SettlementRepository settlements;
    private final Idempotency idempotency;
    private final PageTokens pageTokens;

    public SettlementService(ComplaintService complaints, SettlementRepository settlements, Idempotency idempotency, PageTokens pageTokens) {
        this.complaints = complaints;
        this.settlements = settlements;
        this.idempotency = idempotency;
        this.pageTokens = pageTokens;
    }

    @Transactional
    public Settlement propose(String requestId, String fingerprint, String number, String terms, Long amountFen, String actor) {
        return idempotency.once("ProposeSettlement", requestId, fingerprint, () -> {
            ComplaintRow complaint = complaints.lock(number);
            String complaintName = Complaint.COLLECTION + number;
            ComplaintState state = ComplaintState.valueOf(complaint.state());
            Workflow.apply(complaintName, state, ComplaintService.state(complaint.resumeState()), Workflow.Step.PROPOSE_SETTLEMENT);
            SettlementRules.checkProposal(complaintName, complaint.roomOperator(),
                    settlements.findByComplaintSeqOrderBySeq(complaint.seq()).stream().map(r -> toDomain(number, r)).toList());
            Instant now = complaints.nowMicros();
            SettlementRow row = settlements.save(new SettlementRow(null, UUID.randomUUID().toString(), complaint.seq(), terms, amountFen,
                    complaint.roomOperator(), Settlement.State.PROPOSED.name(), actor, now, null, null, null, null, null, null, null, null, null));
            Settlement proposed = toDomain(number, row);
            complaints.record(complaint.seq(), EventKind.SETTLEMENT_PROPOSED, actor, state, null, proposed.name() + ": " + terms
                    + (amountFen == null ? "" : " (" + Money.yuan(amountFen) + ")"), now);
            return proposed;
        }, Settlement::name, name -> get(number, name.substring(name.lastIndexOf('/') + 1)));
    }

    /** ECL Art. 63: each party decides for itself; both accepting agrees the settlement, either declining ends it. */
    @Transactional
    public Settlement answer(String requestId, String fingerprint, String number, String id, Settlement.Party party, Settlement.Decision decision,
                             String note, String actor) {
        return idempotency.once("AnswerSettlement", requestId, fingerprint, () -> {
            ComplaintRow complaint = complaints.lock(number);
            ComplaintState state = ComplaintState.valueOf(complaint.state());
            SettlementRow row = row(complaint, id);
            Settlement settlement = toDomain(number, row);
            Settlement.State next = SettlementRules.afterAnswer(settlement, party, decision);
            Workflow.apply(Complaint.COLLECTION + number, state, ComplaintService.state(complaint.resumeState()), Workflow.Step.ANSWER_SETTLEMENT);
            Instant now = complaints.nowMicros();
            Instant closeTime = next == Settlement.State.PROPOSED ? null : now;
            if (party == Settlement.Party.CONSUMER) {
                settlements.answerAsConsumer(row.seq(), decision.name(), note, actor, now, next.name(), closeTime);
            } else {
                settlements.answerAsMerchant(row.seq(), decision.name(), note, actor, now, next.name(), closeTime);
            }
            String who = "the " + party.name().toLowerCase(Locale.ROOT);
            String said = note.isEmpty() ? "" : ": " + note;
            complaints.record(complaint.seq(), decision == Settlement.Decision.ACCEPT ? EventKind.SETTLEMENT_ACCEPTED : EventKind.SETTLEMENT_DECLINED,
                    actor, state, null, settlement.name() + " " + (decision == Settlement.Decision.ACCEPT ? "accepted" : "declined") + " by " + who
                            + said, now);
            if (next == Settlement.State.AGREED) {
                complaints.record(complaint.seq(), EventKind.SETTLEMENT_AGREED, actor, state, null,
                        settlement.name() + " agreed by the consumer and the merchant", now);
            }
            return get(number, id);
        }, Settlement::name, name -> get(number, id));
    }

    @Transactional(readOnly = true)
    public Settlement get(String number, String id) {
        return toDomain(number, row(complaints.row(number), id));
    }

    @Transactional(readOnly = true)
    public PagedResult<Settlement> list(String number, int pageSize, String pageToken) {
        ComplaintRow complaint = complaints.row(number);
        String query = "ListSettlements?parent=" + number;
        List<SettlementRow> rows = settlements.page(complaint.seq(), pageTokens.resume(pageToken, query, 0), pageSize + 1);
        return pageTokens.page(query, rows, pageSize, SettlementRow::seq, shown -> shown.stream().map(r -> toDomain(number, r)).toList());
    }

    private SettlementRow row(ComplaintRow complaint, String id) {
        return settlements.findByResourceIdAndComplaintSeq(id, complaint.seq()).orElseThrow(() -> new NotFoundException(SettlementRules.NOT_FOUND,
                Complaint.COLLECTION + complaint.number() + "/settlements/" + id));
    }

    private static Settlement toDomain(String number, SettlementRow row) {
        return new Settlement(row.resourceId(), number, row.terms(), row.amountFen(), row.merchant(), Settlement.State.valueOf(row.state()),
                row.proposedBy(), row.proposeTime(), answer(row.consumerDecision(), row.consumerNote(), row.consumerRecordedBy(), row.consumerAnswerTime()),
                answer(row.merchantDecision(), row.merchantNote(), row.merchantRecordedBy(), row.merchantAnswerTime()), row.closeTime());
    }

    private static Settlement.Answer answer(String decision, String note, String recordedBy, Instant time) {
        return decision == null ? null : new Settlement.Answer(Settlement.Decision.valueOf(decision), note == null ? "" : note, recordedBy, time);
    }
}
