package org.livecomply.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.consumer.Complaints.complaint;
import static org.livecomply.consumer.Complaints.create;
import static org.livecomply.testsupport.StatusDetails.badFields;
import static org.livecomply.testsupport.StatusDetails.errorInfo;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.livecomply.api.archive.v1.AppendRecordRequest;
import org.livecomply.api.archive.v1.Artefact;
import org.livecomply.api.archive.v1.OrderItem;
import org.livecomply.api.archive.v1.TransactionRecord;
import org.livecomply.api.consumer.v1.AssessRemedyRequest;
import org.livecomply.api.consumer.v1.ClaimType;
import org.livecomply.api.consumer.v1.Complaint;
import org.livecomply.api.consumer.v1.Remedy;
import org.livecomply.api.consumer.v1.RemedyAssessment;
import org.livecomply.api.type.v1.Money;

/**
 * The remedy calculator against the REAL transaction archive (its own process): the amounts come from the
 * charged unit prices of the archived order-placed record, the quality-defect periods from its archived
 * delivery (CRPL Arts. 24, 55 ¶1; Food Safety Law Art. 148 ¶2), with the statutory minimums at their
 * boundaries, no cap, and refusals.
 */
@MicronautTest(environments = "test", transactional = false)
class RemedyAssessmentIT extends ConsumerApiTest {

    /** Delivered Thu Nov 12 20:00 China time: the 7 days end at 00:00 China time on Fri Nov 20. */
    private static final Instant DELIVERED = Instant.parse("2026-11-12T12:00:00Z");
    private static final Instant RETURN_DEADLINE = Instant.parse("2026-11-19T16:00:00Z");

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("livecomply.clients.archive.address", RealServices.archive().grpcAddress());
    }

    private static Money cny(long fen) {
        return Money.newBuilder().setCurrencyCode("CNY").setAmountMinor(fen).build();
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
    }

    private static OrderItem item(String sku, long quantity, long announcedFen, long chargedFen) {
        return OrderItem.newBuilder().setSku(sku).setTitle("商品 " + sku).setQuantity(quantity).setAnnouncedPrice(cny(announcedFen))
                .setChargedPrice(cny(chargedFen)).build();
    }

    /** A placed (and, if {@code delivered}, delivered) order of {@code items}; its id. */
    private static String order(boolean delivered, OrderItem... items) {
        String order = ArchiveRecords.newOrderId();
        TransactionRecord.Builder placed = TransactionRecord.newBuilder().setOrderId(order).setEventId("placed").setEvent(TransactionRecord.Event.EVENT_ORDER_PLACED)
                .setOccurTime(ts(Instant.parse("2026-11-10T04:00:00Z"))).setRoomId("acct-remedy").setSessionId("session-1").setBuyerRef("buyer-7781")
                .addAllItems(List.of(items)).addArtefacts(Artefact.newBuilder().setKind(Artefact.Kind.KIND_PRODUCT_PAGE_SNAPSHOT)
                        .setSha256(ByteString.copyFrom(new byte[32])).setUri("https://cdn.example.cn/snap/" + order + ".html").setMediaType("text/html"));
        RealServices.archiveAs("archive.append").appendRecord(AppendRecordRequest.newBuilder().setRecord(placed).build());
        if (delivered) {
            ArchiveRecords.append(order, "acct-remedy", TransactionRecord.Event.EVENT_DELIVERED, DELIVERED);
        }
        return order;
    }

    private RemedyAssessment assess(AssessRemedyRequest.Builder request) {
        return client.as(READ).assessRemedy(request.build());
    }

    private static AssessRemedyRequest.Builder claim(String order, ClaimType claim) {
        return AssessRemedyRequest.newBuilder().setOrderId(order).setClaim(claim);
    }

    @Test
    void fraudIsThePriceBackPlusThreeTimesTheArchivedChargedPriceAtLeastFiveHundredYuan() {
        // Announced ¥199, charged ¥166.66 and ¥166.67: the charged price is what the consumer paid.
        String order = order(true, item("cup", 1, 19_900, 16_666), item("lid", 1, 19_900, 16_667), item("bag", 2, 500, 500));
        RemedyAssessment below = assess(claim(order, ClaimType.CLAIM_TYPE_FRAUD).addSkus("cup"));
        assertEquals(cny(16_666), below.getPricePaid());
        assertEquals(cny(50_000), below.getPunitiveDamages(), "3 × ¥166.66 = ¥499.98 is raised to the statutory ¥500");
        assertTrue(below.getMinimumApplied());
        assertEquals(cny(66_666), below.getTotal());
        assertEquals(List.of(Remedy.REMEDY_REFUND, Remedy.REMEDY_COMPENSATION), below.getRemediesList());
        assertEquals("CRPL Art. 55 ¶1", below.getArticle());
        assertTrue(below.getLegalBasisZh().contains("三倍") && below.getLegalBasisEn().contains("¥500"));
        assertEquals(2, below.getRecordsCount(), "the order-placed and the delivered record");

        RemedyAssessment above = assess(claim(order, ClaimType.CLAIM_TYPE_FRAUD).addSkus("lid"));
        assertEquals(cny(50_001), above.getPunitiveDamages());
        assertFalse(above.getMinimumApplied());

        RemedyAssessment whole = assess(claim(order, ClaimType.CLAIM_TYPE_FRAUD));
        assertEquals(3, whole.getItemsCount());
        assertEquals(cny(1_000), whole.getItems(2).getLineTotal(), "2 × ¥5");
        assertEquals(cny(34_333), whole.getPricePaid());
        assertEquals(cny(102_999), whole.getPunitiveDamages());
    }

    @Test
    void unsafeFoodIsTenTimesThePriceOrThreeTimesTheLossAtLeastOneThousandYuan() {
        String order = order(true, item("tea", 1, 9_999, 9_999), item("honey", 1, 10_000, 10_000));
        RemedyAssessment below = assess(claim(order, ClaimType.CLAIM_TYPE_FOOD_SAFETY).addSkus("tea"));
        assertEquals(cny(100_000), below.getPunitiveDamages());
        assertTrue(below.getMinimumApplied());
        RemedyAssessment exactly = assess(claim(order, ClaimType.CLAIM_TYPE_FOOD_SAFETY).addSkus("honey"));
        assertEquals(cny(100_000), exactly.getPunitiveDamages());
        assertFalse(exactly.getMinimumApplied());
        RemedyAssessment byLoss = assess(claim(order, ClaimType.CLAIM_TYPE_FOOD_SAFETY).addSkus("honey").setLoss(cny(40_000)));
        assertEquals(cny(120_000), byLoss.getPunitiveDamages(), "3 × ¥400 loss beats 10 × ¥100");
        assertEquals("3 × loss = ¥1,200.00", byLoss.getPunitiveBasis());
        assertEquals("Food Safety Law Art. 148 ¶2", byLoss.getArticle());
    }

    @Test
    void aQualityDefectFollowsTheArchivedDeliveryAndAComplaintItsOrder() {
        String order = order(true, item("kettle", 2, 12_900, 12_900));
        Complaint filed = client.as(MANAGE).createComplaint(create(complaint().setOrderId(order)));
        RemedyAssessment last = assess(AssessRemedyRequest.newBuilder().setComplaint(filed.getName()).setClaim(ClaimType.CLAIM_TYPE_QUALITY_DEFECT)
                .setAssessTime(ts(RETURN_DEADLINE.minusSeconds(1))));
        assertEquals(order, last.getOrderId());
        assertEquals(List.of(Remedy.REMEDY_RETURN, Remedy.REMEDY_REPLACEMENT, Remedy.REMEDY_REPAIR), last.getRemediesList());
        assertEquals(cny(25_800), last.getRefund());
        assertEquals(cny(0), last.getPunitiveDamages());
        assertTrue(last.getSellerPaysShipping());
        assertEquals(DELIVERED.getEpochSecond(), last.getReceiptTime().getSeconds());
        assertEquals(RETURN_DEADLINE.getEpochSecond(), last.getReturnDeadlineTime().getSeconds());
        RemedyAssessment after = assess(claim(order, ClaimType.CLAIM_TYPE_QUALITY_DEFECT).setAssessTime(ts(RETURN_DEADLINE)));
        assertEquals(List.of(Remedy.REMEDY_REPLACEMENT, Remedy.REMEDY_REPAIR), after.getRemediesList());
        assertEquals(cny(0), after.getRefund());

        String undelivered = order(false, item("kettle", 1, 12_900, 12_900));
        assertEquals(List.of(), assess(claim(undelivered, ClaimType.CLAIM_TYPE_QUALITY_DEFECT)).getRemediesList(), "the periods run from receipt");
    }

    @Test
    void noLawCapsTheAmountsButSixtyFourBitsDo() {
        // The archive's largest line: 10^12 fen × 10^6.
        String order = order(false, item("gold", 1_000_000, 1_000_000_000_000L, 1_000_000_000_000L));
        RemedyAssessment fraud = assess(claim(order, ClaimType.CLAIM_TYPE_FRAUD));
        assertEquals(cny(3_000_000_000_000_000_000L), fraud.getPunitiveDamages());
        StatusRuntimeException food = assertThrows(StatusRuntimeException.class, () -> assess(claim(order, ClaimType.CLAIM_TYPE_FOOD_SAFETY)));
        assertEquals(Status.Code.FAILED_PRECONDITION, food.getStatus().getCode());
        assertEquals("AMOUNT_OUT_OF_RANGE", errorInfo(food).getReason());
    }

    @Test
    void refusalsNameTheFieldOrTheMissingRecord() {
        String order = order(false, item("cup", 1, 100, 100));
        StatusRuntimeException both = assertThrows(StatusRuntimeException.class, () -> assess(AssessRemedyRequest.newBuilder()
                .setComplaint("complaints/C20261129-AAAAAA").setOrderId(order).setClaim(ClaimType.CLAIM_TYPE_FRAUD)));
        assertEquals(List.of("order_id"), badFields(both));
        StatusRuntimeException bad = assertThrows(StatusRuntimeException.class, () -> assess(AssessRemedyRequest.newBuilder()
                .addSkus("cup").addSkus("cup").addSkus("bad sku").setLoss(cny(100)).setAssessTime(ts(TestClock.NOW.plusSeconds(3600)))));
        assertEquals(List.of("complaint", "claim", "skus[1]", "skus[2]", "loss", "assess_time"), badFields(bad));
        StatusRuntimeException notInOrder = assertThrows(StatusRuntimeException.class, () -> assess(claim(order, ClaimType.CLAIM_TYPE_FRAUD)
                .addSkus("cup").addSkus("lid")));
        assertEquals(List.of("skus[1]"), badFields(notInOrder));

        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> assess(claim("order-" + UUID.randomUUID().toString()
                .substring(0, 8), ClaimType.CLAIM_TYPE_FRAUD)));
        assertEquals(Status.Code.FAILED_PRECONDITION, unknown.getStatus().getCode());
        assertEquals("ORDER_PRICE_NOT_ARCHIVED", errorInfo(unknown).getReason());
        Complaint noOrder = client.as(MANAGE).createComplaint(create(complaint()));
        StatusRuntimeException unnamed = assertThrows(StatusRuntimeException.class, () -> assess(AssessRemedyRequest.newBuilder()
                .setComplaint(noOrder.getName()).setClaim(ClaimType.CLAIM_TYPE_FRAUD)));
        assertEquals("ORDER_NOT_NAMED", errorInfo(unnamed).getReason());
        StatusRuntimeException anonymous = assertThrows(StatusRuntimeException.class, () -> client.anonymous().assessRemedy(
                claim(order, ClaimType.CLAIM_TYPE_FRAUD).build()));
        assertEquals(Status.Code.UNAUTHENTICATED, anonymous.getStatus().getCode());
    }
}
