package org.livecomply.archive.grpc;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Duration;
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
        // Field paths and messages are built only for a violation: a batch checks tens of thousands of fields (issue 5).
        id(violations, prefix, "order_id", record.getOrderId(), 1, 64);
        id(violations, prefix, "event_id", record.getEventId(), 1, 64);
        id(violations, prefix, "room_id", record.getRoomId(), 1, 64);
        id(violations, prefix, "session_id", record.getSessionId(), 1, 64);
        id(violations, prefix, "marketer_id", record.getMarketerId(), 0, 64);
        id(violations, prefix, "buyer_ref", record.getBuyerRef(), 1, 128);
        // PIPL Art. 28 minimisation: the archive needs a pseudonym, not a reachable person.
        if (MOBILE.matcher(record.getBuyerRef()).matches()) {
            violations.add(prefix + "buyer_ref", prefix + "buyer_ref must be a pseudonymous reference, not a phone number");
        }
        Event event = record.getEvent();
        if (event == Event.EVENT_UNSPECIFIED) {
            violations.add(prefix + "event", prefix + "event is required");
        } else if (event == Event.UNRECOGNIZED) {
            violations.add(prefix + "event", prefix + "event has an unknown value");
        }
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
        if (event == Event.EVENT_ORDER_PLACED && record.getItemsCount() == 0) {
            violations.add(prefix + "items", prefix + "items are required for EVENT_ORDER_PLACED");
        }
        if (record.getItemsCount() > MAX_ITEMS) {
            violations.add(prefix + "items", "at most " + MAX_ITEMS + " items");
        }
        for (int i = 0; i < Math.min(record.getItemsCount(), MAX_ITEMS); i++) {
            OrderItem item = record.getItems(i);
            boolean moneyPlain = plainMoney(item.hasAnnouncedPrice(), item.getAnnouncedPrice())
                    && plainMoney(item.hasChargedPrice(), item.getChargedPrice());
            if (plainId(item.getSku(), 1, 64) && plainText(item.getTitle(), 1, 200) && moneyPlain
                    && item.getQuantity() >= 1 && item.getQuantity() <= MAX_QUANTITY) {
                continue;
            }
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
        if (record.getArtefactsCount() > MAX_ARTEFACTS) {
            violations.add(prefix + "artefacts", "at most " + MAX_ARTEFACTS + " artefacts");
        }
        // Art. 16: the product page as it was when the order was formed.
        if (event == Event.EVENT_ORDER_PLACED && record.getArtefactsList().stream()
                .noneMatch(a -> a.getKind() == Artefact.Kind.KIND_PRODUCT_PAGE_SNAPSHOT)) {
            violations.add(prefix + "artefacts", prefix + "artefacts must include a KIND_PRODUCT_PAGE_SNAPSHOT for EVENT_ORDER_PLACED (Art. 16)");
        }
        for (int i = 0; i < Math.min(record.getArtefactsCount(), MAX_ARTEFACTS); i++) {
            Artefact artefact = record.getArtefacts(i);
            if (plainArtefact(artefact)) {
                continue;
            }
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

    /** {@link #id} of the field {@code prefix + name}, whose path is only built when the value needs a closer look. */
    private static void id(Violations violations, String prefix, String name, String value, int min, int max) {
        if (!plainId(value, min, max)) {
            id(violations, prefix + name, value, min, max);
        }
    }

    /*
     * The plain* checks below answer true only for values that certainly pass the full checks above (which
     * name the field and say what is wrong); anything else goes through the full checks.
     */

    /** {@code min..max} characters of the ID alphabet (ASCII, so no control characters or outer whitespace). */
    static boolean plainId(String value, int min, int max) {
        int length = value.length();
        if (length < min || length > max) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == ':' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** What {@link Violations#text} accepts: {@code min..max} code points, no control characters, no outer whitespace. */
    static boolean plainText(String value, int min, int max) {
        int length = value.length();
        if (length == 0) {
            return min == 0;
        }
        int codePoints = value.codePointCount(0, length);
        if (codePoints < min || codePoints > max) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            // Control characters are all in the BMP: no surrogate is one.
            if (Character.isISOControl(value.charAt(i))) {
                return false;
            }
        }
        return !Character.isWhitespace(value.codePointAt(0)) && !Character.isWhitespace(value.codePointBefore(length));
    }

    private static boolean plainMoney(boolean present, Money money) {
        return present && "CNY".equals(money.getCurrencyCode()) && money.getAmountMinor() >= 0 && money.getAmountMinor() <= MAX_FEN;
    }

    private static boolean plainArtefact(Artefact artefact) {
        Artefact.Kind kind = artefact.getKind();
        if (kind == Artefact.Kind.KIND_UNSPECIFIED || kind == Artefact.Kind.UNRECOGNIZED || artefact.getSha256().size() != 32
                || !plainText(artefact.getUri(), 1, 2048) || !URI.matcher(artefact.getUri()).matches()
                || !plainText(artefact.getMediaType(), 1, 127) || !MEDIA_TYPE.matcher(artefact.getMediaType()).matches()) {
            return false;
        }
        if (kind != Artefact.Kind.KIND_REPLAY_SEGMENT) {
            return !artefact.hasReplayOffset();
        }
        if (!artefact.hasReplayOffset()) {
            return false;
        }
        Duration offset = artefact.getReplayOffset();
        return offset.getSeconds() >= 0 && offset.getNanos() >= 0 && offset.getNanos() <= 999_999_999
                && offset.getSeconds() <= MAX_REPLAY_OFFSET_SECONDS;
    }

    static byte[] deterministic(TransactionRecord record) {
        try {
            byte[] out = new byte[record.getSerializedSize()];
            CodedOutputStream coded = CodedOutputStream.newInstance(out);
            coded.useDeterministicSerialization();
            record.writeTo(coded);
            coded.checkNoSpaceLeft();
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("in-memory serialization failed", e);
        }
    }
}
