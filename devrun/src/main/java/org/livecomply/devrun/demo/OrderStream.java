package org.livecomply.devrun.demo;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.livecomply.api.archive.v1.AppendRecordResponse;
import org.livecomply.api.archive.v1.AppendRecordsRequest;
import org.livecomply.api.archive.v1.AppendRecordsResponse;
import org.livecomply.api.archive.v1.Artefact;
import org.livecomply.api.archive.v1.LogisticsFacts;
import org.livecomply.api.archive.v1.OrderItem;
import org.livecomply.api.archive.v1.PaymentFacts;
import org.livecomply.api.archive.v1.TransactionRecord;
import org.livecomply.api.type.v1.Money;
import org.livecomply.sdk.LiveComplyClient;

/**
 * The order events of one past session, as the platform's order system streams them into the archive
 * (Art. 16): placed (items, announced and charged prices, product-page snapshot and replay segment by
 * digest), paid, shipped, delivered and, for most orders, completed. Every tenth order is still open
 * (delivered, not completed): the consumers' complaints are about those.
 */
final class OrderStream {

    static final int EVENTS_PER_MESSAGE = 500;

    /** The goods sold in the session: SKU, title, announced price in fen. */
    private static final List<Object[]> GOODS = List.of(
            new Object[] {"WC-RICE-5KG", "五常大米 5kg", 5990L},
            new Object[] {"LJ-TEA-250G", "西湖龙井 250g", 12800L},
            new Object[] {"HZ-CRAB-GIFT", "阳澄湖大闸蟹礼券 8只装", 39800L});

    private final String runId;
    private final String liveAccount;
    private final String sessionId;
    private final String marketerId;
    private final Instant sessionStart;
    private final List<TransactionRecord> records = new ArrayList<>();
    private final List<String> openOrders = new ArrayList<>();
    private final int orders;

    /**
     * @param marketerId the presenting marketer's id (the archive's ids have no slash: the uuid of {@code marketers/{uuid}})
     */
    OrderStream(String runId, String liveAccount, String sessionId, String marketerId, Instant sessionStart, int orders) {
        this.runId = runId;
        this.liveAccount = liveAccount;
        this.sessionId = sessionId;
        this.marketerId = marketerId;
        this.sessionStart = sessionStart;
        this.orders = orders;
        for (int i = 0; i < orders; i++) {
            addOrder(i);
        }
    }

    private void addOrder(int i) {
        String order = "demo-" + runId + "-o" + String.format("%05d", i + 1);
        Object[] goods = GOODS.get(i % GOODS.size());
        long price = (Long) goods[2];
        int quantity = 1 + i % 3;
        Money unit = fen(price);
        Money total = fen(price * quantity);
        Instant placed = sessionStart.plusSeconds(7L * i);
        records.add(event(order, TransactionRecord.Event.EVENT_ORDER_PLACED, placed)
                .addItems(OrderItem.newBuilder().setSku((String) goods[0]).setTitle((String) goods[1]).setQuantity(quantity)
                        .setAnnouncedPrice(unit).setChargedPrice(unit))
                .addArtefacts(Artefact.newBuilder().setKind(Artefact.Kind.KIND_PRODUCT_PAGE_SNAPSHOT)
                        .setSha256(sha256("product page " + goods[0] + " at " + placed)).setMediaType("text/html")
                        .setUri("oss://livecomply-demo/" + runId + "/pages/" + order + ".html"))
                .addArtefacts(Artefact.newBuilder().setKind(Artefact.Kind.KIND_REPLAY_SEGMENT)
                        .setSha256(sha256("replay " + sessionId + " " + goods[0])).setMediaType("video/mp4")
                        .setUri("oss://livecomply-demo/" + runId + "/replay/" + sessionId + "/" + goods[0] + ".mp4")
                        .setReplayOffset(com.google.protobuf.Duration.newBuilder().setSeconds(600L * (i % GOODS.size()))))
                .build());
        records.add(event(order, TransactionRecord.Event.EVENT_PAID, placed.plusSeconds(40))
                .setPayment(PaymentFacts.newBuilder().setMethod(i % 2 == 0 ? "alipay" : "wechatpay").setTransactionRef("pay-" + order)
                        .setAmount(total)).build());
        LogisticsFacts waybill = LogisticsFacts.newBuilder().setCarrier("SF").setTrackingNumber("SF" + runId.toUpperCase() + (100000 + i)).build();
        records.add(event(order, TransactionRecord.Event.EVENT_SHIPPED, placed.plus(Duration.ofHours(20))).setLogistics(waybill).build());
        records.add(event(order, TransactionRecord.Event.EVENT_DELIVERED, placed.plus(Duration.ofHours(46))).setLogistics(waybill).build());
        if (i % 10 == 9) {
            openOrders.add(order);
        } else {
            records.add(event(order, TransactionRecord.Event.EVENT_COMPLETED, placed.plus(Duration.ofHours(70))).build());
        }
    }

    private TransactionRecord.Builder event(String order, TransactionRecord.Event event, Instant at) {
        return TransactionRecord.newBuilder().setOrderId(order).setEventId(event.name().substring("EVENT_".length()).toLowerCase())
                .setEvent(event).setOccurTime(Timestamps.of(at)).setRoomId(liveAccount).setSessionId(sessionId)
                .setMarketerId(marketerId).setBuyerRef("buyer-" + Integer.toHexString(order.hashCode()));
    }

    int events() {
        return records.size();
    }

    int orders() {
        return orders;
    }

    /** Orders delivered but not completed, in order. */
    List<String> openOrders() {
        return openOrders;
    }

    /** Streams every event over one AppendRecords call, {@value #EVENTS_PER_MESSAGE} per message; (order, event id) → leaf index. */
    Map<String, Long> append(LiveComplyClient client) {
        CompletableFuture<AppendRecordsResponse> done = new CompletableFuture<>();
        StreamObserver<AppendRecordsRequest> stream = LiveComplyClient.withDeadline(client.archiveAsync(), Duration.ofMinutes(2))
                .appendRecords(new StreamObserver<>() {
                    @Override
                    public void onNext(AppendRecordsResponse value) {
                        done.complete(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                        done.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                        done.complete(null);
                    }
                });
        for (int from = 0; from < records.size(); from += EVENTS_PER_MESSAGE) {
            stream.onNext(AppendRecordsRequest.newBuilder()
                    .addAllRecords(records.subList(from, Math.min(from + EVENTS_PER_MESSAGE, records.size()))).build());
        }
        stream.onCompleted();
        List<AppendRecordResponse> results;
        try {
            AppendRecordsResponse response = done.get(2, TimeUnit.MINUTES);
            DemoFailure.expect(response != null, "the archive closed the stream without an answer");
            results = response.getResultsList();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new DemoFailure("the append stream failed", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new DemoFailure("the archive did not answer the append stream within 2 minutes", e);
        }
        DemoFailure.expect(results.size() == records.size(), "the archive answered " + results.size() + " results for " + records.size() + " records");
        Map<String, Long> leaves = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            DemoFailure.expect(!results.get(i).getAlreadyArchived(), "a fresh record was reported as archived before: " + records.get(i).getOrderId());
            leaves.put(records.get(i).getOrderId() + "/" + records.get(i).getEventId(), results.get(i).getLeafIndex());
        }
        return leaves;
    }

    private static Money fen(long amount) {
        return Money.newBuilder().setCurrencyCode("CNY").setAmountMinor(amount).build();
    }

    static ByteString sha256(String content) {
        try {
            return ByteString.copyFrom(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
