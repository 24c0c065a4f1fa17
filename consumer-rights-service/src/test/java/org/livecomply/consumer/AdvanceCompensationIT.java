package org.livecomply.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.consumer.Complaints.complaint;
import static org.livecomply.consumer.Complaints.create;
import static org.livecomply.consumer.Complaints.requestId;
import static org.livecomply.testsupport.StatusDetails.badFields;
import static org.livecomply.testsupport.StatusDetails.errorInfo;
import static org.livecomply.testsupport.StatusDetails.preconditionFailure;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.livecomply.api.consumer.v1.AdvanceCompensation;
import org.livecomply.api.consumer.v1.Complaint;
import org.livecomply.api.consumer.v1.ComplaintEvent;
import org.livecomply.api.consumer.v1.EscalateComplaintRequest;
import org.livecomply.api.consumer.v1.GetAdvanceCompensationRequest;
import org.livecomply.api.consumer.v1.GetComplaintPolicyRequest;
import org.livecomply.api.consumer.v1.ListComplaintEventsRequest;
import org.livecomply.api.consumer.v1.RecordAdvanceCompensationRequest;
import org.livecomply.api.consumer.v1.RecordCompensationRecoveryRequest;
import org.livecomply.api.consumer.v1.RejectComplaintRequest;
import org.livecomply.api.consumer.v1.ResolveComplaintRequest;
import org.livecomply.api.consumer.v1.WriteOffCompensationRecoveryRequest;
import org.livecomply.api.type.v1.Money;

/**
 * Advance compensation (先行赔付; Art. 5, ECL Art. 58) on a complaint and its recovery from the merchant (CRPL
 * Art. 44 ¶1; ECL Art. 58 ¶3), with a published limit of ¥1,000 per complaint: once per complaint, never on a
 * rejected one, recovered up to what was paid and no more, nothing to recover from the merchant's deposit,
 * every step in the timeline, bad input refused field by field.
 */
@MicronautTest(environments = "test")
class AdvanceCompensationIT extends ConsumerApiTest {

    private static final String ROOM_OPERATOR = "roomOperators/5b0e3a62-8f0c-4d55-9d2c-2a8f6f1b7c11";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("livecomply.consumer.policy.advance-compensation-limit-fen", "100000");
    }

    private static Money cny(long fen) {
        return Money.newBuilder().setCurrencyCode("CNY").setAmountMinor(fen).build();
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
    }

    private Complaint file() {
        return client.as(MANAGE).createComplaint(create(complaint().setRoomOperator(ROOM_OPERATOR)));
    }

    private static RecordAdvanceCompensationRequest.Builder payment(Complaint complaint, long fen, AdvanceCompensation.Payer payer) {
        return RecordAdvanceCompensationRequest.newBuilder().setRequestId(requestId()).setComplaint(complaint.getName()).setAmount(cny(fen))
                .setPayer(payer).setPaymentRef("alipay:2026112900001").setPayTime(ts(TestClock.NOW)).setReason("商家未在承诺时限内处理，平台先行赔付");
    }

    private AdvanceCompensation recover(AdvanceCompensation compensation, long fen) {
        return client.as(MANAGE).recordCompensationRecovery(RecordCompensationRecoveryRequest.newBuilder().setRequestId(requestId())
                .setName(compensation.getName()).setAmount(cny(fen)).setReference("deposit-deduction-" + fen).setRecoverTime(ts(clock.instant()))
                .build());
    }

    private List<ComplaintEvent> timeline(Complaint complaint) {
        return client.as(READ).listComplaintEvents(ListComplaintEventsRequest.newBuilder().setParent(complaint.getName()).build()).getEventsList();
    }

    private static String reason(Runnable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
        return errorInfo(e).getReason();
    }

    @Test
    void thePlatformPaysOnceAndRecoversFromTheMerchantWhatItPaidAndNoMore() throws Exception {
        Complaint filed = file();
        RecordAdvanceCompensationRequest request = payment(filed, 30_000, AdvanceCompensation.Payer.PAYER_PLATFORM).build();
        AdvanceCompensation paid = client.as(MANAGE).recordAdvanceCompensation(request);
        assertEquals(filed.getName() + "/advanceCompensation", paid.getName());
        assertEquals(cny(30_000), paid.getAmount());
        assertEquals(ROOM_OPERATOR, paid.getMerchant(), "recovered from the complaint's room operator");
        assertEquals(AdvanceCompensation.RecoveryState.RECOVERY_STATE_PENDING, paid.getRecoveryState());
        assertEquals(cny(0), paid.getRecoveredAmount());
        assertEquals("platform-test", paid.getRecordedBy());
        assertEquals(paid, client.as(MANAGE).recordAdvanceCompensation(request), "a retry answers the first result");
        assertEquals("1", text("SELECT COUNT(*) FROM advance_compensations a JOIN complaints c ON c.seq = a.complaint_seq WHERE c.number = '"
                + filed.getNumber() + "'"));

        StatusRuntimeException twice = assertThrows(StatusRuntimeException.class, () -> client.as(MANAGE).recordAdvanceCompensation(
                payment(filed, 100, AdvanceCompensation.Payer.PAYER_PLATFORM).build()));
        assertEquals(Status.Code.ALREADY_EXISTS, twice.getStatus().getCode());
        assertEquals("ADVANCE_COMPENSATION_EXISTS", errorInfo(twice).getReason());

        AdvanceCompensation partial = recover(paid, 10_000);
        assertEquals(AdvanceCompensation.RecoveryState.RECOVERY_STATE_PARTIAL, partial.getRecoveryState());
        assertEquals(cny(10_000), partial.getRecoveredAmount());
        StatusRuntimeException tooMuch = assertThrows(StatusRuntimeException.class, () -> recover(paid, 20_001));
        assertEquals(Status.Code.FAILED_PRECONDITION, tooMuch.getStatus().getCode());
        assertEquals("RECOVERY_EXCEEDS_COMPENSATION", errorInfo(tooMuch).getReason());
        assertEquals("CRPL Art. 44 ¶1; ECL Art. 58 ¶3", errorInfo(tooMuch).getMetadataOrThrow("article"));
        assertEquals(paid.getName(), preconditionFailure(tooMuch).getViolations(0).getSubject());
        AdvanceCompensation recovered = recover(paid, 20_000);
        assertEquals(AdvanceCompensation.RecoveryState.RECOVERY_STATE_RECOVERED, recovered.getRecoveryState());
        assertEquals(List.of(10_000L, 20_000L), recovered.getRecoveriesList().stream().map(r -> r.getAmount().getAmountMinor()).toList());
        assertEquals("RECOVERY_CLOSED", reason(() -> recover(paid, 1)));
        assertEquals("RECOVERY_CLOSED", reason(() -> client.as(MANAGE).writeOffCompensationRecovery(WriteOffCompensationRecoveryRequest.newBuilder()
                .setRequestId(requestId()).setName(paid.getName()).setReason("无需").build())));
        assertEquals(recovered, client.as(READ).getAdvanceCompensation(GetAdvanceCompensationRequest.newBuilder().setName(paid.getName()).build()));

        List<ComplaintEvent> events = timeline(filed);
        assertEquals(List.of(ComplaintEvent.Kind.KIND_FILED, ComplaintEvent.Kind.KIND_ADVANCE_COMPENSATION_PAID,
                ComplaintEvent.Kind.KIND_COMPENSATION_RECOVERED, ComplaintEvent.Kind.KIND_COMPENSATION_RECOVERED),
                events.stream().map(ComplaintEvent::getKind).toList());
        assertTrue(events.get(1).getNote().startsWith("¥300.00 paid by the platform"), events.get(1).getNote());
        assertTrue(events.get(3).getNote().contains("¥300.00 of ¥300.00 recovered"), events.get(3).getNote());
        assertEquals(Complaint.State.STATE_RECEIVED, events.get(3).getState(), "paying first does not move the complaint");
    }

    @Test
    void theLimitTheDepositAndTheComplaintsOutcomeDecideWhatMayBePaid() {
        Complaint filed = file();
        StatusRuntimeException above = assertThrows(StatusRuntimeException.class, () -> client.as(MANAGE).recordAdvanceCompensation(
                payment(filed, 100_001, AdvanceCompensation.Payer.PAYER_PLATFORM).build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, above.getStatus().getCode());
        assertEquals("ADVANCE_COMPENSATION_ABOVE_LIMIT", errorInfo(above).getReason());
        assertEquals("Art. 5; ECL Art. 58", errorInfo(above).getMetadataOrThrow("article"));
        AdvanceCompensation deposit = client.as(MANAGE).recordAdvanceCompensation(payment(filed, 100_000,
                AdvanceCompensation.Payer.PAYER_CONSUMER_PROTECTION_DEPOSIT).build());
        assertEquals(cny(100_000), deposit.getAmount(), "exactly the limit is allowed");
        assertEquals(AdvanceCompensation.RecoveryState.RECOVERY_STATE_NOT_APPLICABLE, deposit.getRecoveryState());
        assertEquals("RECOVERY_NOT_APPLICABLE", reason(() -> recover(deposit, 1)));

        Complaint rejected = file();
        client.as(MANAGE).rejectComplaint(RejectComplaintRequest.newBuilder().setRequestId(requestId()).setName(rejected.getName())
                .setReason("不属于平台处理范围").build());
        assertEquals("COMPLAINT_CLOSED", reason(() -> client.as(MANAGE).recordAdvanceCompensation(payment(rejected, 100,
                AdvanceCompensation.Payer.PAYER_PLATFORM).build())));

        Complaint resolved = file();
        client.as(MANAGE).resolveComplaint(ResolveComplaintRequest.newBuilder().setRequestId(requestId()).setName(resolved.getName())
                .setResolution("平台先行赔付 ¥99").build());
        clock.set(TestClock.NOW.plus(Duration.ofDays(2)));
        AdvanceCompensation afterResolution = client.as(MANAGE).recordAdvanceCompensation(payment(resolved, 9_900,
                AdvanceCompensation.Payer.PAYER_PLATFORM).setPayTime(ts(TestClock.NOW.plus(Duration.ofDays(1)))).build());
        assertEquals(AdvanceCompensation.RecoveryState.RECOVERY_STATE_PENDING, afterResolution.getRecoveryState(), "paid with the outcome");
        AdvanceCompensation partly = recover(afterResolution, 4_900);
        StatusRuntimeException beforePayment = assertThrows(StatusRuntimeException.class, () -> client.as(MANAGE).recordCompensationRecovery(
                RecordCompensationRecoveryRequest.newBuilder().setRequestId(requestId()).setName(partly.getName()).setAmount(cny(1))
                        .setReference("r-1").setRecoverTime(ts(TestClock.NOW)).build()));
        assertEquals(List.of("recover_time"), badFields(beforePayment), "money cannot come back before it was paid");
        AdvanceCompensation writtenOff = client.as(MANAGE).writeOffCompensationRecovery(WriteOffCompensationRecoveryRequest.newBuilder()
                .setRequestId(requestId()).setName(partly.getName()).setReason("商家已注销，无法追偿").build());
        assertEquals(AdvanceCompensation.RecoveryState.RECOVERY_STATE_WRITTEN_OFF, writtenOff.getRecoveryState());
        assertEquals("商家已注销，无法追偿", writtenOff.getWriteOffReason());
        assertEquals(cny(4_900), writtenOff.getRecoveredAmount());
        assertTrue(timeline(resolved).stream().anyMatch(e -> e.getKind() == ComplaintEvent.Kind.KIND_COMPENSATION_WRITTEN_OFF
                && e.getNote().startsWith("¥50.00 written off")));

        Complaint escalated = file();
        client.as(MANAGE).escalateComplaint(EscalateComplaintRequest.newBuilder().setRequestId(requestId()).setName(escalated.getName())
                .setRegulator("杭州市市场监督管理局").setReasons("涉嫌欺诈").build());
        assertEquals(AdvanceCompensation.RecoveryState.RECOVERY_STATE_PENDING, client.as(MANAGE).recordAdvanceCompensation(payment(escalated, 100,
                AdvanceCompensation.Payer.PAYER_PLATFORM).setPayTime(ts(clock.instant())).build()).getRecoveryState(),
                "a complaint a regulator took over may still be compensated first");
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStored() throws Exception {
        String before = text("SELECT COUNT(*) FROM advance_compensations");
        StatusRuntimeException all = assertThrows(StatusRuntimeException.class, () -> client.as(MANAGE).recordAdvanceCompensation(
                RecordAdvanceCompensationRequest.newBuilder().setRequestId("bad id").setComplaint("complaints/1")
                        .setAmount(Money.newBuilder().setCurrencyCode("USD").setAmountMinor(0)).setPaymentRef("pay ref")
                        .setPayTime(ts(TestClock.NOW.plus(Duration.ofHours(1)))).build()));
        assertEquals(List.of("request_id", "complaint", "amount.currency_code", "amount.amount_minor", "payer", "payment_ref", "pay_time", "reason"),
                badFields(all));
        StatusRuntimeException missing = assertThrows(StatusRuntimeException.class, () -> client.as(MANAGE).recordAdvanceCompensation(
                RecordAdvanceCompensationRequest.newBuilder().setRequestId(requestId()).setComplaint("complaints/C20261129-AAAAAA")
                        .setPayer(AdvanceCompensation.Payer.PAYER_PLATFORM).setPaymentRef("p").setReason("r").build()));
        assertEquals(List.of("amount", "pay_time"), badFields(missing));

        Complaint filed = file();
        StatusRuntimeException beforeFiling = assertThrows(StatusRuntimeException.class, () -> client.as(MANAGE).recordAdvanceCompensation(
                payment(filed, 100, AdvanceCompensation.Payer.PAYER_PLATFORM).setPayTime(ts(TestClock.NOW.minusSeconds(1))).build()));
        assertEquals(List.of("pay_time"), badFields(beforeFiling), "paid for this complaint, so not before it was filed");
        assertEquals(before, text("SELECT COUNT(*) FROM advance_compensations"));

        StatusRuntimeException none = assertThrows(StatusRuntimeException.class, () -> client.as(READ).getAdvanceCompensation(
                GetAdvanceCompensationRequest.newBuilder().setName(filed.getName() + "/advanceCompensation").build()));
        assertEquals(Status.Code.NOT_FOUND, none.getStatus().getCode());
        assertEquals("ADVANCE_COMPENSATION_NOT_FOUND", errorInfo(none).getReason());
        StatusRuntimeException badName = assertThrows(StatusRuntimeException.class, () -> client.as(READ).getAdvanceCompensation(
                GetAdvanceCompensationRequest.newBuilder().setName(filed.getName()).build()));
        assertEquals(List.of("name"), badFields(badName));
        StatusRuntimeException badRecovery = assertThrows(StatusRuntimeException.class, () -> client.as(MANAGE).recordCompensationRecovery(
                RecordCompensationRecoveryRequest.newBuilder().setRequestId(requestId()).setName(filed.getName() + "/advanceCompensation")
                        .setAmount(cny(-5)).build()));
        assertEquals(List.of("amount.amount_minor", "reference", "recover_time"), badFields(badRecovery));
        StatusRuntimeException reader = assertThrows(StatusRuntimeException.class, () -> client.as(READ).recordAdvanceCompensation(
                payment(filed, 100, AdvanceCompensation.Payer.PAYER_PLATFORM).build()));
        assertEquals(Status.Code.PERMISSION_DENIED, reader.getStatus().getCode());
    }

    @Test
    void theLimitIsPublished() {
        assertEquals(cny(100_000), client.as(READ).getComplaintPolicy(GetComplaintPolicyRequest.getDefaultInstance()).getAdvanceCompensationLimit());
    }
}
