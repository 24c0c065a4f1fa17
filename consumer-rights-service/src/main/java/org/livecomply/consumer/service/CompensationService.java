package org.livecomply.consumer.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import org.livecomply.commons.error.AlreadyExistsException;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.error.Violations;
import org.livecomply.commons.idempotency.Idempotency;
import org.livecomply.consumer.domain.AdvanceCompensation;
import org.livecomply.consumer.domain.Complaint;
import org.livecomply.consumer.domain.ComplaintPolicy;
import org.livecomply.consumer.domain.ComplaintState;
import org.livecomply.consumer.domain.CompensationRules;
import org.livecomply.consumer.domain.EventKind;
import org.livecomply.consumer.domain.Money;
import org.livecomply.consumer.domain.Workflow;
import org.livecomply.consumer.repository.AdvanceCompensationRepository;
import org.livecomply.consumer.repository.AdvanceCompensationRow;
import org.livecomply.consumer.repository.CompensationRecoveryRepository;
import org.livecomply.consumer.repository.CompensationRecoveryRow;
import org.livecomply.consumer.repository.ComplaintRow;

/**
 * Advance compensation on a complaint (Art. 5; ECL Art. 58) and its recovery from the merchant (CRPL Art. 44
 * ¶1): every payment, recovery and write-off is an event of the complaint's timeline, written in the same
 * transaction under the complaint's lock, once per request_id.
 */
@Singleton
public class CompensationService {

    private final ComplaintService complaints;
    private final AdvanceCompensationRepository compensations;
    private final CompensationRecoveryRepository recoveries;
    private final ComplaintPolicy policy;
    private final Idempotency idempotency;

    public CompensationService(ComplaintService complaints, AdvanceCompensationRepository compensations,
                               CompensationRecoveryRepository recoveries, ComplaintPolicy policy, Idempotency idempotency) {
        this.complaints = complaints;
        this.compensations = compensations;
        this.recoveries = recoveries;
        this.policy = policy;
        this.idempotency = idempotency;
    }

    /** What was paid, by whom, when and why. */
    public record Payment(long amountFen, AdvanceCompensation.Payer payer, String paymentRef, Instant payTime, String reason) {
    }

    public Instant now() {
        return complaints.now();
    }

    @Transactional
    public AdvanceCompensation record(String requestId, String fingerprint, String number, Payment payment, String actor) {
        return idempotency.once("RecordAdvanceCompensation", requestId, fingerprint, () -> {
            ComplaintRow row = complaints.lock(number);
            String complaintName = Complaint.COLLECTION + number;
            ComplaintState state = ComplaintState.valueOf(row.state());
            Workflow.apply(complaintName, state, ComplaintService.state(row.resumeState()), Workflow.Step.PAY_ADVANCE_COMPENSATION);
            new Violations().when(payment.payTime().isBefore(row.createTime()), "pay_time",
                    "pay_time must not be before the complaint was filed (" + row.createTime() + ")").throwIfAny();
            if (compensations.findByComplaintSeq(row.seq()).isPresent()) {
                throw new AlreadyExistsException(CompensationRules.EXISTS, complaintName + " already has its advance compensation (one per "
                        + "complaint, " + CompensationRules.PAY_ARTICLE + ")", Map.of("existing", complaintName + AdvanceCompensation.SUFFIX));
            }
            CompensationRules.checkPayment(complaintName, payment.amountFen(), policy.advanceCompensationLimitFen());
            Instant now = complaints.nowMicros();
            compensations.save(new AdvanceCompensationRow(null, row.seq(), payment.amountFen(), payment.payer().name(), payment.paymentRef(),
                    payment.payTime(), payment.reason(), row.roomOperator(), actor, now,
                    CompensationRules.initialRecovery(payment.payer()).name(), 0, null, now));
            complaints.record(row.seq(), EventKind.ADVANCE_COMPENSATION_PAID, actor, state, null, Money.yuan(payment.amountFen()) + " paid "
                    + (payment.payer() == AdvanceCompensation.Payer.PLATFORM ? "by the platform (to be recovered from the merchant)"
                    : "from the merchant's consumer-protection deposit") + ", reference " + payment.paymentRef() + ": " + payment.reason(), now);
            return get(number);
        }, AdvanceCompensation::name, name -> get(number));
    }

    @Transactional(readOnly = true)
    public AdvanceCompensation get(String number) {
        ComplaintRow complaint = complaints.row(number);
        return toDomain(complaint, row(complaint));
    }

    /** CRPL Art. 44 ¶1: money back from the merchant, never more than was paid. */
    @Transactional
    public AdvanceCompensation recover(String requestId, String fingerprint, String number, long amountFen, String reference, Instant recoverTime,
                                       String actor) {
        return idempotency.once("RecordCompensationRecovery", requestId, fingerprint, () -> {
            ComplaintRow complaint = complaints.lock(number);
            AdvanceCompensationRow row = row(complaint);
            AdvanceCompensation compensation = toDomain(complaint, row);
            new Violations().when(recoverTime.isBefore(row.payTime()), "recover_time",
                    "recover_time must not be before the compensation was paid (" + row.payTime() + ")").throwIfAny();
            AdvanceCompensation.RecoveryState next = CompensationRules.afterRecovery(compensation, amountFen);
            Instant now = complaints.nowMicros();
            recoveries.save(new CompensationRecoveryRow(null, row.seq(), amountFen, reference, recoverTime, actor, now));
            long recovered = row.recoveredFen() + amountFen;
            compensations.updateRecovery(row.seq(), next.name(), recovered, null, now);
            complaints.record(complaint.seq(), EventKind.COMPENSATION_RECOVERED, actor, ComplaintState.valueOf(complaint.state()), null,
                    Money.yuan(amountFen) + " recovered from the merchant, reference " + reference + "; " + Money.yuan(recovered) + " of "
                            + Money.yuan(row.amountFen()) + " recovered", now);
            return get(number);
        }, AdvanceCompensation::name, name -> get(number));
    }

    /** The platform gives up the rest (e.g. the merchant cannot be found), with its reason. */
    @Transactional
    public AdvanceCompensation writeOff(String requestId, String fingerprint, String number, String reason, String actor) {
        return idempotency.once("WriteOffCompensationRecovery", requestId, fingerprint, () -> {
            ComplaintRow complaint = complaints.lock(number);
            AdvanceCompensationRow row = row(complaint);
            CompensationRules.checkWriteOff(toDomain(complaint, row));
            Instant now = complaints.nowMicros();
            compensations.updateRecovery(row.seq(), AdvanceCompensation.RecoveryState.WRITTEN_OFF.name(), row.recoveredFen(), reason, now);
            complaints.record(complaint.seq(), EventKind.COMPENSATION_WRITTEN_OFF, actor, ComplaintState.valueOf(complaint.state()), null,
                    Money.yuan(row.amountFen() - row.recoveredFen()) + " written off: " + reason, now);
            return get(number);
        }, AdvanceCompensation::name, name -> get(number));
    }

    private AdvanceCompensationRow row(ComplaintRow complaint) {
        return compensations.findByComplaintSeq(complaint.seq()).orElseThrow(() -> new NotFoundException(CompensationRules.NOT_FOUND,
                Complaint.COLLECTION + complaint.number() + AdvanceCompensation.SUFFIX));
    }

    private AdvanceCompensation toDomain(ComplaintRow complaint, AdvanceCompensationRow row) {
        return new AdvanceCompensation(complaint.number(), row.amountFen(), AdvanceCompensation.Payer.valueOf(row.payer()), row.paymentRef(),
                row.payTime(), row.reason(), row.merchant() == null ? "" : row.merchant(), row.recordedBy(), row.recordTime(),
                AdvanceCompensation.RecoveryState.valueOf(row.recoveryState()), row.recoveredFen(),
                recoveries.findByCompensationSeqOrderBySeq(row.seq()).stream().map(r -> new AdvanceCompensation.Recovery(r.amountFen(),
                        r.reference(), r.recoverTime(), r.recordedBy(), r.recordTime())).toList(),
                row.writeOffReason() == null ? "" : row.writeOffReason());
    }
}
