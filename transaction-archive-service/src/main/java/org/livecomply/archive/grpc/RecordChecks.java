package org.livecomply.archive.grpc;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Duration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.livecomply.api.archive.v1.Artefact;
import org.livecomply.api.archive.v1.LogisticsFacts;
import org.livecomply.api.archive.v1.OrderItem;
import org.livecomply.api.archive.v1.PaymentFacts;
import org.livecomply.api.archive.v1.TransactionRecord;
import org.livecomply.api.archive.v1.TransactionRecord.Event;
import org.livecomply.api.type.v1.Money;
import org.livecomply.archive.domain.NewRecord;
import org.livecomply.commons.error.Violations;

/**
 * Checks a TransactionRecord field by field (paths relative to {@code prefix}, e.g. {@code records[3].})
 * and turns a good one into a {@link NewRecord} whose payload is its deterministic encoding.
 */
final class RecordChecks {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
    static final String ID_RULE = "of [A-Za-z0-9_.:-]";
    static final int MAX_ITEMS = 100;
    static final int MAX_ARTEFACTS = 50;
    static final long MAX_QUANTITY = 1_000_000;
    static final long MAX_FEN = 1_000_000_000_000L;
    static final java.time.Duration FUTURE_TOLERANCE = java.time.Duration.ofMinutes(5);
    static final long MAX_REPLAY_OFFSET_SECONDS = 7 * 24 * 3600;
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern URI = Pattern.compile("(https|oss|s3)://[\\x21-\\x7e]+");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,62}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,62}");
    private static final Set<Event> NEED_PAYMENT = EnumSet.of(Event.EVENT_PAID, Event.EVENT_REFUNDED);
    private static final Set<Event> NEED_LOGISTICS = EnumSet.of(Event.EVENT_SHIPPED, Event.EVENT_DELIVERED);

    private RecordChecks() {
    }

    /** The record as a NewRecord, or null when a violation was added. */
    static NewRecord check(TransactionRecord record, String prefix, Instant now, Violations violations) {
        int before = violations.list().size();
        id(violations, prefix + "order_id", record.getOrderId(), 1, 64);
        id(violations, prefix + "event_id", record.getEventId(), 1, 64);
        id(violations, prefix + "room_id", record.getRoomId(), 1, 64);
        id(violations, prefix + "session_id", record.getSessionId(), 1, 64);
        id(violations, prefix + "marketer_id", record.getMarketerId(), 0, 64);
        id(violations, prefix + "buyer_ref", record.getBuyerRef(), 1, 128);
        // PIPL Art. 28 minimisation: the archive needs a pseudonym, not a reachable person.
        violations.when(MOBILE.matcher(record.getBuyerRef()).matches(), prefix + "buyer_ref",
                prefix + "buyer_ref must be a pseudonymous reference, not a phone number");
        Event event = record.getEvent();
        violations.when(event == Event.EVENT_UNSPECIFIED, prefix + "event", prefix + "event is required")
                .when(event == Event.UNRECOGNIZED, prefix + "event", prefix + "event has an unknown value");
        Instant occurTime = null;
        if (!record.hasOccurTime()) {
            violations.add(prefix + "occur_time", prefix + "occur_time is required");
        } else {
            occurTime = ProtoValues.instant(record.getOccurTime(), prefix + "occur_time", violations);
            if (occurTime != null && occurTime.isAfter(now.plus(FUTURE_TOLERANCE))) {
                violations.add(prefix + "occur_time", prefix + "occur_time is in the future");
            }
        }
        items(record, event, prefix, violations);
        payment(record, event, prefix, violations);
        logistics(record, event, prefix, violations);
        artefacts(record, event, prefix, violations);
        if (violations.list().size() > before) {
            return null;
        }
        Instant micros = occurTime.truncatedTo(ChronoUnit.MICROS);
        TransactionRecord canonical = record.toBuilder()
                .clearName().clearLeafIndex().clearLeafHash().clearAppendTime()
                .setOccurTime(ProtoValues.timestamp(micros))
                .build();
        return new NewRecord(record.getOrderId(), record.getEventId(), event.name(), micros, record.getRoomId(),
                record.getSessionId(), record.getMarketerId().isEmpty() ? null : record.getMarketerId(), deterministic(canonical));
    }

    private static void items(TransactionRecord record, Event event, String prefix, Violations violations) {
        // Art. 32: the prices announced in the room and the prices charged are both kept.
        violations.when(event == Event.EVENT_ORDER_PLACED && record.getItemsCount() == 0, prefix + "items",
                        prefix + "items are required for EVENT_ORDER_PLACED")
                .when(record.getItemsCount() > MAX_ITEMS, prefix + "items", "at most " + MAX_ITEMS + " items");
        for (int i = 0; i < Math.min(record.getItemsCount(), MAX_ITEMS); i++) {
            OrderItem item = record.getItems(i);
            String path = prefix + "items[" + i + "].";
            id(violations, path + "sku", item.getSku(), 1, 64);
            violations.text(path + "title", item.getTitle(), 1, 200)
                    .when(item.getQuantity() < 1 || item.getQuantity() > MAX_QUANTITY, path + "quantity",
                            path + "quantity must be 1.." + MAX_QUANTITY);
            money(violations, path + "announced_price", item.hasAnnouncedPrice(), item.getAnnouncedPrice());
            money(violations, path + "charged_price", item.hasChargedPrice(), item.getChargedPrice());
        }
    }

    private static void payment(TransactionRecord record, Event event, String prefix, Violations violations) {
        String path = prefix + "payment";
        if (!record.hasPayment()) {
            violations.when(NEED_PAYMENT.contains(event), path, path + " is required for " + event);
            return;
        }
        PaymentFacts payment = record.getPayment();
        violations.text(path + ".method", payment.getMethod(), 1, 32);
        id(violations, path + ".transaction_ref", payment.getTransactionRef(), 1, 128);
        money(violations, path + ".amount", payment.hasAmount(), payment.getAmount());
    }

    private static void logistics(TransactionRecord record, Event event, String prefix, Violations violations) {
        String path = prefix + "logistics";
        if (!record.hasLogistics()) {
            violations.when(NEED_LOGISTICS.contains(event), path, path + " is required for " + event);
            return;
        }
        LogisticsFacts logistics = record.getLogistics();
        violations.text(path + ".carrier", logistics.getCarrier(), 1, 64);
        id(violations, path + ".tracking_number", logistics.getTrackingNumber(), 1, 64);
    }

    private static void artefacts(TransactionRecord record, Event event, String prefix, Violations violations) {
        violations.when(record.getArtefactsCount() > MAX_ARTEFACTS, prefix + "artefacts", "at most " + MAX_ARTEFACTS + " artefacts");
        // Art. 16: the product page as it was when the order was formed.
        violations.when(event == Event.EVENT_ORDER_PLACED && record.getArtefactsList().stream()
                        .noneMatch(a -> a.getKind() == Artefact.Kind.KIND_PRODUCT_PAGE_SNAPSHOT), prefix + "artefacts",
                prefix + "artefacts must include a KIND_PRODUCT_PAGE_SNAPSHOT for EVENT_ORDER_PLACED (Art. 16)");
        for (int i = 0; i < Math.min(record.getArtefactsCount(), MAX_ARTEFACTS); i++) {
            Artefact artefact = record.getArtefacts(i);
            String path = prefix + "artefacts[" + i + "].";
            violations.when(artefact.getKind() == Artefact.Kind.KIND_UNSPECIFIED, path + "kind", path + "kind is required")
                    .when(artefact.getKind() == Artefact.Kind.UNRECOGNIZED, path + "kind", path + "kind has an unknown value")
                    .when(artefact.getSha256().size() != 32, path + "sha256", path + "sha256 must be 32 bytes, not " + artefact.getSha256().size())
                    .text(path + "uri", artefact.getUri(), 1, 2048)
                    .matches(path + "uri", artefact.getUri(), URI, "an https://, oss:// or s3:// URI without spaces")
                    .text(path + "media_type", artefact.getMediaType(), 1, 127)
                    .matches(path + "media_type", artefact.getMediaType(), MEDIA_TYPE, "a media type type/subtype");
            boolean replay = artefact.getKind() == Artefact.Kind.KIND_REPLAY_SEGMENT;
            if (replay && !artefact.hasReplayOffset()) {
                violations.add(path + "replay_offset", path + "replay_offset is required for KIND_REPLAY_SEGMENT");
            } else if (!replay && artefact.hasReplayOffset()) {
                violations.add(path + "replay_offset", path + "replay_offset is only for KIND_REPLAY_SEGMENT");
            } else if (replay) {
                Duration offset = artefact.getReplayOffset();
                violations.when(offset.getSeconds() < 0 || offset.getNanos() < 0 || offset.getNanos() > 999_999_999
                                || offset.getSeconds() > MAX_REPLAY_OFFSET_SECONDS, path + "replay_offset",
                        path + "replay_offset must be 0.." + MAX_REPLAY_OFFSET_SECONDS + " seconds");
            }
        }
    }

    private static void money(Violations violations, String path, boolean present, Money money) {
        if (!present) {
            violations.add(path, path + " is required");
            return;
        }
        violations.when(!"CNY".equals(money.getCurrencyCode()), path + ".currency_code", path + ".currency_code must be CNY (amounts in fen)")
                .when(money.getAmountMinor() < 0 || money.getAmountMinor() > MAX_FEN, path + ".amount_minor",
                        path + ".amount_minor must be 0.." + MAX_FEN + " fen");
    }

    static Violations id(Violations violations, String field, String value, int min, int max) {
        return violations.text(field, value, min, max).matches(field, value, ID, "made only " + ID_RULE);
    }

    static byte[] deterministic(TransactionRecord record) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(record.getSerializedSize());
            CodedOutputStream coded = CodedOutputStream.newInstance(out);
            coded.useDeterministicSerialization();
            record.writeTo(coded);
            coded.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("in-memory serialization failed", e);
        }
    }
}
