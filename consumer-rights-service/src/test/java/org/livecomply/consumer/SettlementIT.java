package org.livecomply.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.consumer.Complaints.complaint;
import static org.livecomply.consumer.Complaints.create;
import static org.livecomply.consumer.Complaints.requestId;
import static org.livecomply.testsupport.StatusDetails.badFields;
import static org.livecomply.testsupport.StatusDetails.errorInfo;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.livecomply.api.consumer.v1.AnswerSettlementRequest;
import org.livecomply.api.consumer.v1.Complaint;
import org.livecomply.api.consumer.v1.ComplaintEvent;
import org.livecomply.api.consumer.v1.ComplaintPolicy;
import org.livecomply.api.consumer.v1.GetComplaintPolicyRequest;
import org.livecomply.api.consumer.v1.ListComplaintEventsRequest;
import org.livecomply.api.consumer.v1.ListSettlementsRequest;
import org.livecomply.api.consumer.v1.ProposeSettlementRequest;
import org.livecomply.api.consumer.v1.RejectComplaintRequest;
import org.livecomply.api.consumer.v1.ResolveComplaintRequest;
import org.livecomply.api.consumer.v1.Settlement;
import org.livecomply.api.consumer.v1.SettlementAnswer;
import org.livecomply.api.consumer.v1.SettlementParty;
import org.livecomply.api.type.v1.Money;

/**
 * Online dispute resolution (ECL Art. 63; Art. 5) under the published rules: the platform proposes, each
 * party decides for itself, agreed only when both accept, ended when either declines, one open proposal at
 * a time, lapsed when the complaint ends, every answer in the timeline.
 */
@MicronautTest(environments = "test")
class SettlementIT extends ConsumerApiTest {

    private static final String ROOM_OPERATOR = "roomOperators/5b0e3a62-8f0c-4d55-9d2c-2a8f6f1b7c11";

    private Complaint file() {
        return client.as(MANAGE).createComplaint(create(complaint().setRoomOperator(ROOM_OPERATOR)));
    }

    private Settlement propose(Complaint complaint, String terms) {
        return client.as(MANAGE).proposeSettlement(ProposeSettlementRequest.newBuilder().setRequestId(requestId()).setComplaint(complaint.getName())
                .setTerms(terms).setAmount(Money.newBuilder().setCurrencyCode("CNY").setAmountMinor(9_900)).build());
    }

    private static AnswerSettlementRequest answer(Settlement settlement, SettlementParty party, SettlementAnswer.Decision decision) {
        return AnswerSettlementRequest.newBuilder().setRequestId(requestId()).setName(settlement.getName()).setParty(party).setDecision(decision)
                .setNote("经电话确认").build();
    }

    private List<ComplaintEvent.Kind> kinds(Complaint complaint) {
        return client.as(READ).listComplaintEvents(ListComplaintEventsRequest.newBuilder().setParent(complaint.getName()).build()).getEventsList()
                .stream().map(ComplaintEvent::getKind).toList();
    }

    private static String reason(Runnable call) {
        return errorInfo(assertThrows(StatusRuntimeException.class, call::run)).getReason();
    }

    @Test
    void aSettlementIsAgreedWhenTheConsumerAndTheMerchantBothAccept() {
        Complaint filed = file();
        Settlement proposed = propose(filed, "商家退款 99 元，消费者无需退回商品");
        assertTrue(proposed.getName().startsWith(filed.getName() + "/settlements/"), proposed.getName());
        assertEquals(Settlement.State.STATE_PROPOSED, proposed.getState());
        assertEquals(ROOM_OPERATOR, proposed.getMerchant());
        assertEquals(9_900, proposed.getAmount().getAmountMinor());
        assertEquals("SETTLEMENT_PENDING", reason(() -> propose(filed, "另一个方案")), "one open proposal at a time");

        AnswerSettlementRequest consumerAccepts = answer(proposed, SettlementParty.SETTLEMENT_PARTY_CONSUMER, SettlementAnswer.Decision.DECISION_ACCEPT);
        Settlement half = client.as(MANAGE).answerSettlement(consumerAccepts);
        assertEquals(Settlement.State.STATE_PROPOSED, half.getState(), "one acceptance is not an agreement");
        assertEquals(SettlementAnswer.Decision.DECISION_ACCEPT, half.getConsumerAnswer().getDecision());
        assertFalse(half.hasMerchantAnswer());
        assertEquals(half, client.as(MANAGE).answerSettlement(consumerAccepts), "a retry answers the same");
        assertEquals("SETTLEMENT_ALREADY_ANSWERED", reason(() -> client.as(MANAGE).answerSettlement(answer(proposed,
                SettlementParty.SETTLEMENT_PARTY_CONSUMER, SettlementAnswer.Decision.DECISION_DECLINE))));

        Settlement agreed = client.as(MANAGE).answerSettlement(answer(proposed, SettlementParty.SETTLEMENT_PARTY_MERCHANT,
                SettlementAnswer.Decision.DECISION_ACCEPT));
        assertEquals(Settlement.State.STATE_AGREED, agreed.getState());
        assertTrue(agreed.hasCloseTime());
        assertEquals("SETTLEMENT_ALREADY_AGREED", reason(() -> propose(filed, "再议")));
        assertEquals(List.of(agreed), client.as(READ).listSettlements(ListSettlementsRequest.newBuilder().setParent(filed.getName()).build())
                .getSettlementsList());

        Complaint resolved = client.as(MANAGE).resolveComplaint(ResolveComplaintRequest.newBuilder().setRequestId(requestId())
                .setName(filed.getName()).setResolution("按在线和解方案处理").build());
        assertEquals(Complaint.State.STATE_RESOLVED, resolved.getState());
        assertEquals(List.of(ComplaintEvent.Kind.KIND_FILED, ComplaintEvent.Kind.KIND_SETTLEMENT_PROPOSED, ComplaintEvent.Kind.KIND_SETTLEMENT_ACCEPTED,
                ComplaintEvent.Kind.KIND_SETTLEMENT_ACCEPTED, ComplaintEvent.Kind.KIND_SETTLEMENT_AGREED, ComplaintEvent.Kind.KIND_RESOLVED), kinds(filed));
    }

    @Test
    void eitherPartyDecliningEndsTheProposalAndAnOpenOneLapsesWhenTheComplaintEnds() {
        Complaint filed = file();
        Settlement first = propose(filed, "换货");
        Settlement declined = client.as(MANAGE).answerSettlement(answer(first, SettlementParty.SETTLEMENT_PARTY_MERCHANT,
                SettlementAnswer.Decision.DECISION_DECLINE));
        assertEquals(Settlement.State.STATE_DECLINED, declined.getState(), "the merchant alone ends it");
        assertEquals("SETTLEMENT_NOT_OPEN", reason(() -> client.as(MANAGE).answerSettlement(answer(first, SettlementParty.SETTLEMENT_PARTY_CONSUMER,
                SettlementAnswer.Decision.DECISION_ACCEPT))));

        Settlement second = propose(filed, "退款 99 元");
        client.as(MANAGE).rejectComplaint(RejectComplaintRequest.newBuilder().setRequestId(requestId()).setName(filed.getName())
                .setReason("消费者撤回投诉").build());
        List<Settlement> all = client.as(READ).listSettlements(ListSettlementsRequest.newBuilder().setParent(filed.getName()).setPageSize(1).build())
                .getSettlementsList();
        assertEquals(List.of(declined), all, "oldest first, one per page");
        String token = client.as(READ).listSettlements(ListSettlementsRequest.newBuilder().setParent(filed.getName()).setPageSize(1).build())
                .getNextPageToken();
        Settlement lapsed = client.as(READ).listSettlements(ListSettlementsRequest.newBuilder().setParent(filed.getName()).setPageSize(1)
                .setPageToken(token).build()).getSettlements(0);
        assertEquals(second.getName(), lapsed.getName());
        assertEquals(Settlement.State.STATE_LAPSED, lapsed.getState());
        assertTrue(kinds(filed).containsAll(List.of(ComplaintEvent.Kind.KIND_SETTLEMENT_DECLINED, ComplaintEvent.Kind.KIND_SETTLEMENT_LAPSED)));
        assertEquals("COMPLAINT_CLOSED", reason(() -> propose(filed, "再议")));
        assertEquals("SETTLEMENT_NOT_OPEN", reason(() -> client.as(MANAGE).answerSettlement(answer(second, SettlementParty.SETTLEMENT_PARTY_CONSUMER,
                SettlementAnswer.Decision.DECISION_ACCEPT))));
    }

    @Test
    void withoutAMerchantOrWithBadInputNothingIsProposed() throws Exception {
        Complaint anonymous = client.as(MANAGE).createComplaint(create(complaint()));
        StatusRuntimeException noMerchant = assertThrows(StatusRuntimeException.class, () -> propose(anonymous, "退款"));
        assertEquals(Status.Code.FAILED_PRECONDITION, noMerchant.getStatus().getCode());
        assertEquals("SELLER_NOT_NAMED", errorInfo(noMerchant).getReason());
        assertEquals("ECL Art. 63", errorInfo(noMerchant).getMetadataOrThrow("article"));

        StatusRuntimeException bad = assertThrows(StatusRuntimeException.class, () -> client.as(MANAGE).proposeSettlement(
                ProposeSettlementRequest.newBuilder().setRequestId("bad id").setComplaint("complaints/x").setTerms("")
                        .setAmount(Money.newBuilder().setCurrencyCode("CNY").setAmountMinor(-1)).build()));
        assertEquals(List.of("request_id", "complaint", "terms", "amount.amount_minor"), badFields(bad));
        StatusRuntimeException badAnswer = assertThrows(StatusRuntimeException.class, () -> client.as(MANAGE).answerSettlement(
                AnswerSettlementRequest.newBuilder().setRequestId(requestId()).setName(anonymous.getName()).build()));
        assertEquals(List.of("name", "party", "decision"), badFields(badAnswer));
        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> client.as(MANAGE).answerSettlement(
                AnswerSettlementRequest.newBuilder().setRequestId(requestId()).setName(anonymous.getName() + "/settlements/00000000-0000-4000-8000-000000000000")
                        .setParty(SettlementParty.SETTLEMENT_PARTY_CONSUMER).setDecision(SettlementAnswer.Decision.DECISION_ACCEPT).build()));
        assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
        assertEquals("SETTLEMENT_NOT_FOUND", errorInfo(unknown).getReason());
        assertEquals("0", text("SELECT COUNT(*) FROM settlements s JOIN complaints c ON c.seq = s.complaint_seq WHERE c.number = '"
                + anonymous.getNumber() + "'"));
        StatusRuntimeException reader = assertThrows(StatusRuntimeException.class, () -> client.as(READ).proposeSettlement(
                ProposeSettlementRequest.newBuilder().setRequestId(requestId()).setComplaint(anonymous.getName()).setTerms("t").build()));
        assertEquals(Status.Code.PERMISSION_DENIED, reader.getStatus().getCode());
    }

    @Test
    void theRulesArePublished() {
        ComplaintPolicy policy = client.as(READ).getComplaintPolicy(GetComplaintPolicyRequest.getDefaultInstance());
        assertEquals(5, policy.getOnlineDisputeResolutionZhCount());
        assertEquals(policy.getOnlineDisputeResolutionZhCount(), policy.getOnlineDisputeResolutionEnCount());
        assertTrue(policy.getOnlineDisputeResolutionZh(0).contains("第六十三条"));

        HttpResponse<String> json = Http.get(baseUrl() + "/api/v1/complaint-policy?lang=en");
        assertEquals(200, json.statusCode());
        assertTrue(json.body().contains("\"onlineDisputeResolution\":[\"Online dispute resolution: "), json.body());
        HttpResponse<String> page = Http.get(baseUrl() + "/complaint-policy");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("在线争议解决规则") && page.body().contains("双方自愿决定是否接受"), "published to consumers on the page");
    }
}
