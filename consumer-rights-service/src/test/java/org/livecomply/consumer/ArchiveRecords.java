package org.livecomply.consumer;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.livecomply.api.archive.v1.AppendRecordRequest;
import org.livecomply.api.archive.v1.Artefact;
import org.livecomply.api.archive.v1.LogisticsFacts;
import org.livecomply.api.archive.v1.OrderItem;
import org.livecomply.api.archive.v1.PaymentFacts;
import org.livecomply.api.archive.v1.TransactionRecord;
import org.livecomply.api.type.v1.Money;

/** Order events appended to the real archive, as the platform would. */
final class ArchiveRecords {

    private ArchiveRecords() {
    }

    static String newOrderId() {
        return "order-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** Appends one event of {@code orderId} from {@code room} at {@code at}; its leaf index. */
    static long append(String orderId, String room, TransactionRecord.Event event, Instant at) {
        TransactionRecord.Builder record = TransactionRecord.newBuilder().setOrderId(orderId).setEventId(event.name() + "-" + UUID.randomUUID())
                .setEvent(event).setOccurTime(Timestamp.newBuilder().setSeconds(at.getEpochSecond()))
                .setRoomId(room).setSessionId("session-1").setBuyerRef("buyer-7781");
        Money price = Money.newBuilder().setCurrencyCode("CNY").setAmountMinor(9900).build();
        switch (event) {
            case EVENT_ORDER_PLACED -> record.addItems(OrderItem.newBuilder().setSku("sku-1").setTitle("保温杯").setQuantity(1)
                    .setAnnouncedPrice(price).setChargedPrice(price))
                    .addArtefacts(Artefact.newBuilder().setKind(Artefact.Kind.KIND_PRODUCT_PAGE_SNAPSHOT)
                            .setSha256(ByteString.copyFrom(new byte[32])).setUri("https://cdn.example.cn/snap/1.html").setMediaType("text/html"));
            case EVENT_PAID, EVENT_REFUNDED -> record.setPayment(PaymentFacts.newBuilder().setMethod("alipay").setTransactionRef("tx-" + orderId)
                    .setAmount(price));
            case EVENT_SHIPPED, EVENT_DELIVERED -> record.setLogistics(LogisticsFacts.newBuilder().setCarrier("SF").setTrackingNumber("SF" + orderId));
            default -> {
            }
        }
        return RealServices.archiveAs("archive.append").appendRecord(AppendRecordRequest.newBuilder().setRecord(record).build()).getLeafIndex();
    }
}
