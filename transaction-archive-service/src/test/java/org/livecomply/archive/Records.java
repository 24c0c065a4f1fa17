package org.livecomply.archive;

import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import java.util.UUID;
import org.livecomply.api.archive.v1.Artefact;
import org.livecomply.api.archive.v1.LogisticsFacts;
import org.livecomply.api.archive.v1.OrderItem;
import org.livecomply.api.archive.v1.PaymentFacts;
import org.livecomply.api.archive.v1.TransactionRecord;
import org.livecomply.api.type.v1.Money;

/** Valid records to start tests from. */
final class Records {

    private Records() {
    }

    static String uniqueOrder() {
        return "order-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /** An order placed an hour before the test clock, with price, page snapshot and replay segment. */
    static TransactionRecord.Builder placed(String orderId) {
        return TransactionRecord.newBuilder()
                .setOrderId(orderId)
                .setEventId("placed")
                .setEvent(TransactionRecord.Event.EVENT_ORDER_PLACED)
                .setOccurTime(Timestamp.newBuilder().setSeconds(TestClock.NOW.getEpochSecond() - 3600).setNanos(123_456_000))
                .setRoomId("room-1")
                .setSessionId("session-0")
                .setMarketerId("marketer-7")
                .setBuyerRef("buyer:9f2c1a")
                .addItems(OrderItem.newBuilder().setSku("SKU-1").setTitle("有机大米 5kg").setQuantity(2)
                        .setAnnouncedPrice(cny(5990)).setChargedPrice(cny(5990)))
                .addArtefacts(Artefact.newBuilder().setKind(Artefact.Kind.KIND_PRODUCT_PAGE_SNAPSHOT)
                        .setSha256(ByteString.copyFrom(new byte[32])).setUri("oss://evidence/pages/" + orderId + ".html")
                        .setMediaType("text/html"))
                .addArtefacts(Artefact.newBuilder().setKind(Artefact.Kind.KIND_REPLAY_SEGMENT)
                        .setSha256(ByteString.copyFrom(new byte[32])).setUri("https://replay.example.cn/s1.mp4")
                        .setMediaType("video/mp4").setReplayOffset(Duration.newBuilder().setSeconds(1520)));
    }

    static TransactionRecord.Builder paid(String orderId) {
        return TransactionRecord.newBuilder().setOrderId(orderId).setEventId("paid").setEvent(TransactionRecord.Event.EVENT_PAID)
                .setOccurTime(Timestamp.newBuilder().setSeconds(TestClock.NOW.getEpochSecond() - 3000))
                .setRoomId("room-1").setSessionId("session-1").setBuyerRef("buyer:9f2c1a")
                .setPayment(PaymentFacts.newBuilder().setMethod("alipay").setTransactionRef("2026112922001").setAmount(cny(11980)));
    }

    static TransactionRecord.Builder shipped(String orderId) {
        return TransactionRecord.newBuilder().setOrderId(orderId).setEventId("shipped").setEvent(TransactionRecord.Event.EVENT_SHIPPED)
                .setOccurTime(Timestamp.newBuilder().setSeconds(TestClock.NOW.getEpochSecond() - 60))
                .setRoomId("room-2").setSessionId("session-9").setBuyerRef("buyer:9f2c1a")
                .setLogistics(LogisticsFacts.newBuilder().setCarrier("SF").setTrackingNumber("SF1234567890"));
    }

    static Money.Builder cny(long fen) {
        return Money.newBuilder().setCurrencyCode("CNY").setAmountMinor(fen);
    }
}
