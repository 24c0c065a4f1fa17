package org.livecomply.sdk.testing;

import com.google.protobuf.ByteString;
import io.grpc.BindableService;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.livecomply.api.archive.v1.AppendRecordRequest;
import org.livecomply.api.archive.v1.AppendRecordResponse;
import org.livecomply.api.archive.v1.AppendRecordsRequest;
import org.livecomply.api.archive.v1.AppendRecordsResponse;
import org.livecomply.api.archive.v1.Artefact;
import org.livecomply.api.archive.v1.Checkpoint;
import org.livecomply.api.archive.v1.ConsistencyProof;
import org.livecomply.api.archive.v1.EvidenceBundle;
import org.livecomply.api.archive.v1.EvidenceEntry;
import org.livecomply.api.archive.v1.ExportEvidenceRequest;
import org.livecomply.api.archive.v1.GetCheckpointRequest;
import org.livecomply.api.archive.v1.GetConsistencyProofRequest;
import org.livecomply.api.archive.v1.GetInclusionProofRequest;
import org.livecomply.api.archive.v1.GetPublicKeyRequest;
import org.livecomply.api.archive.v1.GetRecordRequest;
import org.livecomply.api.archive.v1.InclusionProof;
import org.livecomply.api.archive.v1.ListRecordsRequest;
import org.livecomply.api.archive.v1.ListRecordsResponse;
import org.livecomply.api.archive.v1.LogisticsFacts;
import org.livecomply.api.archive.v1.OrderItem;
import org.livecomply.api.archive.v1.PaymentFacts;
import org.livecomply.api.archive.v1.PublicKey;
import org.livecomply.api.archive.v1.TransactionArchiveServiceGrpc;
import org.livecomply.api.archive.v1.TransactionRecord;
import org.livecomply.api.archive.v1.TransactionRecord.Event;
import org.livecomply.api.type.v1.Money;
import org.livecomply.sdk.archive.MerkleHashes;
import org.livecomply.sdk.archive.NoteKeys;
import org.livecomply.sdk.archive.SignedCheckpoint;

/**
 * The transaction-archive-service fake (Art. 16; ECL Arts. 31, 62): an append-only RFC 9162 Merkle log of
 * order events in memory, with the service's record checks, idempotency by (order id, event id), leaves of
 * SHA-256(0x00 ‖ deterministic record ‖ 16-byte salt), inclusion and consistency proofs, and C2SP checkpoints
 * signed with an Ed25519 key of its own, which the SDK's verifier ({@link org.livecomply.sdk.archive}) accepts
 * with the key GetPublicKey gives.
 * <p>
 * Faked RPCs: AppendRecord, AppendRecords, GetRecord, ListRecords, GetCheckpoint, GetPublicKey,
 * GetInclusionProof, GetConsistencyProof, ExportEvidence. Not faked: legal holds, retention and purging, VerifyLog.
 */
public final class FakeArchive {

    static final String DOMAIN = Refusals.domain("archive");
    /** The log's origin line, also its key's name: a verifier checks it, so it differs from any deployment's. */
    public static final String ORIGIN = "livecomply.test/transaction-archive";
    private static final int MAX_BATCH = 1000;
    private static final int MAX_EXPORT = 1000;
    private static final int SALT_BYTES = 16;
    private static final Pattern RECORD_NAME = Pattern.compile("records/(0|[1-9][0-9]{0,17})");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern URI = Pattern.compile("(https|oss|s3)://[\\x21-\\x7e]+");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,62}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,62}");
    private static final Set<Event> NEED_PAYMENT = EnumSet.of(Event.EVENT_PAID, Event.EVENT_REFUNDED);
    private static final Set<Event> NEED_LOGISTICS = EnumSet.of(Event.EVENT_SHIPPED, Event.EVENT_DELIVERED);
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private static final long MAX_QUANTITY = 1_000_000;
    private static final long MAX_FEN = 1_000_000_000_000L;
    private static final long MAX_REPLAY_OFFSET_SECONDS = 7 * 24 * 3600;

    /** A checked record: its canonical form (what the leaf covers) and the key it is appended under. */
    private record NewRecord(String key, TransactionRecord canonical, byte[] payload) {
    }

    private record Stored(long leafIndex, String key, TransactionRecord canonical, byte[] payload, byte[] salt, byte[] leafHash,
                          Instant appendTime) {

        TransactionRecord shown() {
            return canonical.toBuilder().setName("records/" + leafIndex).setLeafIndex(leafIndex).setLeafHash(ByteString.copyFrom(leafHash))
                    .setAppendTime(Protos.timestamp(appendTime)).build();
        }

        AppendRecordResponse result(boolean already) {
            return AppendRecordResponse.newBuilder().setName("records/" + leafIndex).setLeafIndex(leafIndex)
                    .setLeafHash(ByteString.copyFrom(leafHash)).setAlreadyArchived(already).build();
        }
    }

    private final FakeContext context;
    private final SecureRandom random = new SecureRandom();
    private final PageTokens pageTokens = new PageTokens();
    private final MerkleLog log = new MerkleLog();
    private final List<Stored> records = new ArrayList<>();
    private final Map<String, Stored> byKey = new HashMap<>();
    private final PrivateKey signingKey;
    private final byte[] publicKey;

    FakeArchive(FakeContext context) {
        this.context = context;
        try {
            KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            this.signingKey = keys.getPrivate();
            this.publicKey = NoteKeys.raw(keys.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable", e);
        }
    }

    BindableService service() {
        return new Endpoint();
    }

    /** The verifier key of the fake's checkpoints, {@code <origin>+<key id>+<key>}, as GetPublicKey gives it. */
    public String verifierKey() {
        return NoteKeys.verifierKey(ORIGIN, publicKey);
    }

    /** Whether records of {@code orderId} are archived (what the consumer-rights fake's legal hold needs). */
    boolean knowsOrder(String orderId) {
        return records.stream().anyMatch(r -> r.canonical().getOrderId().equals(orderId));
    }

    // ---- appends ----

    private AppendRecordResponse appendRecord(AppendRecordRequest request) {
        Checks checks = new Checks(DOMAIN).when(!request.hasRecord(), "record", "record is required");
        NewRecord record = request.hasRecord() ? check(request.getRecord(), "record.", context.now(), checks) : null;
        checks.throwIfAny();
        return append(List.of(record)).get(0);
    }

    private List<AppendRecordResponse> appendBatch(AppendRecordsRequest batch) {
        Checks checks = new Checks(DOMAIN)
                .when(batch.getRecordsCount() == 0, "records", "records must hold 1.." + MAX_BATCH + " records")
                .when(batch.getRecordsCount() > MAX_BATCH, "records", "records must hold 1.." + MAX_BATCH + " records, not " + batch.getRecordsCount());
        checks.throwIfAny();
        Instant now = context.now();
        List<NewRecord> checked = new ArrayList<>();
        for (int i = 0; i < batch.getRecordsCount(); i++) {
            checked.add(check(batch.getRecords(i), "records[" + i + "].", now, checks));
        }
        checks.throwIfAny();
        return append(checked);
    }

    /**
     * A batch at once: an (order, event) archived before answers with its first result; archived with other
     * content, the whole batch is refused and nothing of it is appended.
     */
    private List<AppendRecordResponse> append(List<NewRecord> batch) {
        Map<String, Stored> known = new HashMap<>(byKey);
        List<Stored> fresh = new ArrayList<>();
        List<AppendRecordResponse> results = new ArrayList<>();
        Instant now = Protos.micros(context.now());
        for (NewRecord record : batch) {
            Stored prior = known.get(record.key());
            if (prior != null) {
                if (!Arrays.equals(prior.payload(), record.payload())) {
                    TransactionRecord r = record.canonical();
                    throw Refusals.alreadyExists(DOMAIN, "EVENT_ALREADY_ARCHIVED", "Event " + r.getEventId() + " of order " + r.getOrderId()
                                    + " is already archived as records/" + prior.leafIndex() + " with different content; archive the change as a new event",
                            Map.of("existing", "records/" + prior.leafIndex(), "order_id", r.getOrderId(), "event_id", r.getEventId()));
                }
                results.add(prior.result(true));
                continue;
            }
            byte[] salt = new byte[SALT_BYTES];
            random.nextBytes(salt);
            Stored stored = new Stored(records.size() + fresh.size(), record.key(), record.canonical(), record.payload(), salt,
                    MerkleHashes.leaf(record.payload(), salt), now);
            known.put(record.key(), stored);
            fresh.add(stored);
            results.add(stored.result(false));
        }
        for (Stored stored : fresh) {
            records.add(stored);
            byKey.put(stored.key(), stored);
            log.append(stored.leafHash());
        }
        return results;
    }

    /** The record's checks, field by field under {@code prefix}; its canonical form when it passes. */
    private static NewRecord check(TransactionRecord record, String prefix, Instant now, Checks checks) {
        int before = checks.count();
        id(checks, prefix + "order_id", record.getOrderId(), 1, 64);
        id(checks, prefix + "event_id", record.getEventId(), 1, 64);
        id(checks, prefix + "room_id", record.getRoomId(), 1, 64);
        id(checks, prefix + "session_id", record.getSessionId(), 1, 64);
        id(checks, prefix + "marketer_id", record.getMarketerId(), 0, 64);
        id(checks, prefix + "buyer_ref", record.getBuyerRef(), 1, 128);
        // PIPL Art. 28 minimisation: the archive needs a pseudonym, not a reachable person.
        checks.when(MOBILE.matcher(record.getBuyerRef()).matches(), prefix + "buyer_ref",
                prefix + "buyer_ref must be a pseudonymous reference, not a phone number");
        Event event = record.getEvent();
        checks.when(event == Event.EVENT_UNSPECIFIED, prefix + "event", prefix + "event is required")
                .when(event == Event.UNRECOGNIZED, prefix + "event", prefix + "event has an unknown value");
        Instant occurTime = null;
        if (!record.hasOccurTime()) {
            checks.add(prefix + "occur_time", prefix + "occur_time is required");
        } else {
            occurTime = instant(record.getOccurTime(), prefix + "occur_time", checks);
            checks.when(occurTime != null && occurTime.isAfter(now.plusSeconds(300)), prefix + "occur_time", prefix + "occur_time is in the future");
        }
        // Art. 32: the prices announced in the room and the prices charged are both kept.
        checks.when(event == Event.EVENT_ORDER_PLACED && record.getItemsCount() == 0, prefix + "items",
                        prefix + "items are required for EVENT_ORDER_PLACED")
                .when(record.getItemsCount() > 100, prefix + "items", "at most 100 items");
        for (int i = 0; i < Math.min(record.getItemsCount(), 100); i++) {
            OrderItem item = record.getItems(i);
            String path = prefix + "items[" + i + "].";
            id(checks, path + "sku", item.getSku(), 1, 64);
            checks.text(path + "title", item.getTitle(), 1, 200)
                    .when(item.getQuantity() < 1 || item.getQuantity() > MAX_QUANTITY, path + "quantity", path + "quantity must be 1.." + MAX_QUANTITY);
            money(checks, path + "announced_price", item.hasAnnouncedPrice(), item.getAnnouncedPrice());
            money(checks, path + "charged_price", item.hasChargedPrice(), item.getChargedPrice());
        }
        if (!record.hasPayment()) {
            checks.when(NEED_PAYMENT.contains(event), prefix + "payment", prefix + "payment is required for " + event);
        } else {
            PaymentFacts payment = record.getPayment();
            checks.text(prefix + "payment.method", payment.getMethod(), 1, 32);
            id(checks, prefix + "payment.transaction_ref", payment.getTransactionRef(), 1, 128);
            money(checks, prefix + "payment.amount", payment.hasAmount(), payment.getAmount());
        }
        if (!record.hasLogistics()) {
            checks.when(NEED_LOGISTICS.contains(event), prefix + "logistics", prefix + "logistics is required for " + event);
        } else {
            LogisticsFacts logistics = record.getLogistics();
            checks.text(prefix + "logistics.carrier", logistics.getCarrier(), 1, 64);
            id(checks, prefix + "logistics.tracking_number", logistics.getTrackingNumber(), 1, 64);
        }
        artefacts(record, event, prefix, checks);
        if (checks.count() > before) {
            return null;
        }
        TransactionRecord canonical = record.toBuilder().clearName().clearLeafIndex().clearLeafHash().clearAppendTime()
                .setOccurTime(Protos.timestamp(Protos.micros(occurTime))).build();
        return new NewRecord(record.getOrderId() + "\n" + record.getEventId(), canonical, Protos.deterministic(canonical));
    }

    private static void artefacts(TransactionRecord record, Event event, String prefix, Checks checks) {
        checks.when(record.getArtefactsCount() > 50, prefix + "artefacts", "at most 50 artefacts");
        // Art. 16: the product page as it was when the order was formed.
        checks.when(event == Event.EVENT_ORDER_PLACED && record.getArtefactsList().stream()
                        .noneMatch(a -> a.getKind() == Artefact.Kind.KIND_PRODUCT_PAGE_SNAPSHOT), prefix + "artefacts",
                prefix + "artefacts must include a KIND_PRODUCT_PAGE_SNAPSHOT for EVENT_ORDER_PLACED (Art. 16)");
        for (int i = 0; i < Math.min(record.getArtefactsCount(), 50); i++) {
            Artefact artefact = record.getArtefacts(i);
            String path = prefix + "artefacts[" + i + "].";
            checks.when(artefact.getKind() == Artefact.Kind.KIND_UNSPECIFIED, path + "kind", path + "kind is required")
                    .when(artefact.getKind() == Artefact.Kind.UNRECOGNIZED, path + "kind", path + "kind has an unknown value")
                    .when(artefact.getSha256().size() != 32, path + "sha256", path + "sha256 must be 32 bytes, not " + artefact.getSha256().size())
                    .text(path + "uri", artefact.getUri(), 1, 2048)
                    .matches(path + "uri", artefact.getUri(), URI, "an https://, oss:// or s3:// URI without spaces")
                    .text(path + "media_type", artefact.getMediaType(), 1, 127)
                    .matches(path + "media_type", artefact.getMediaType(), MEDIA_TYPE, "a media type type/subtype");
            boolean replay = artefact.getKind() == Artefact.Kind.KIND_REPLAY_SEGMENT;
            if (replay && !artefact.hasReplayOffset()) {
                checks.add(path + "replay_offset", path + "replay_offset is required for KIND_REPLAY_SEGMENT");
            } else if (!replay && artefact.hasReplayOffset()) {
                checks.add(path + "replay_offset", path + "replay_offset is only for KIND_REPLAY_SEGMENT");
            } else if (replay) {
                com.google.protobuf.Duration offset = artefact.getReplayOffset();
                checks.when(offset.getSeconds() < 0 || offset.getNanos() < 0 || offset.getNanos() > 999_999_999
                                || offset.getSeconds() > MAX_REPLAY_OFFSET_SECONDS, path + "replay_offset",
                        path + "replay_offset must be 0.." + MAX_REPLAY_OFFSET_SECONDS + " seconds");
            }
        }
    }

    private static void money(Checks checks, String path, boolean present, Money money) {
        if (!present) {
            checks.add(path, path + " is required");
            return;
        }
        checks.when(!"CNY".equals(money.getCurrencyCode()), path + ".currency_code", path + ".currency_code must be CNY (amounts in fen)")
                .when(money.getAmountMinor() < 0 || money.getAmountMinor() > MAX_FEN, path + ".amount_minor",
                        path + ".amount_minor must be 0.." + MAX_FEN + " fen");
    }

    private static Checks id(Checks checks, String field, String value, int min, int max) {
        return checks.text(field, value, min, max).matches(field, value, ID, "made only of [A-Za-z0-9_.:-]");
    }

    /** A well-formed timestamp within [2000, 9999], or null with a violation on {@code field}. */
    private static Instant instant(com.google.protobuf.Timestamp timestamp, String field, Checks checks) {
        if (timestamp.getNanos() < 0 || timestamp.getNanos() > 999_999_999) {
            checks.add(field, field + " has nanos out of range");
            return null;
        }
        Instant instant = Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            checks.add(field, field + " must be between " + EARLIEST + " and " + LATEST);
            return null;
        }
        return instant;
    }

    // ---- reads ----

    private TransactionRecord getRecord(GetRecordRequest request) {
        new Checks(DOMAIN).text("name", request.getName(), 1, 30).matches("name", request.getName(), RECORD_NAME, "records/{leaf_index}")
                .throwIfAny();
        long index = Long.parseLong(request.getName().substring("records/".length()));
        if (index >= records.size()) {
            throw Refusals.notFound(DOMAIN, "RECORD_NOT_FOUND", request.getName());
        }
        return records.get((int) index).shown();
    }

    private ListRecordsResponse listRecords(ListRecordsRequest request) {
        Checks checks = new Checks(DOMAIN).checkPageSize(request.getPageSize());
        id(checks, "order_id", request.getOrderId(), 0, 64);
        id(checks, "room_id", request.getRoomId(), 0, 64);
        id(checks, "session_id", request.getSessionId(), 0, 64);
        id(checks, "marketer_id", request.getMarketerId(), 0, 64);
        Instant from = request.hasOccurStartTime() ? instant(request.getOccurStartTime(), "occur_start_time", checks) : null;
        Instant until = request.hasOccurEndTime() ? instant(request.getOccurEndTime(), "occur_end_time", checks) : null;
        checks.when(from != null && until != null && !from.isBefore(until), "occur_end_time", "occur_end_time must be after occur_start_time");
        checks.throwIfAny();
        String query = "ListRecords?order=" + text(request.getOrderId()) + "&room=" + text(request.getRoomId()) + "&session="
                + text(request.getSessionId()) + "&marketer=" + text(request.getMarketerId()) + "&from=" + from + "&until=" + until;
        List<Stored> matching = records.stream().filter(r -> {
            TransactionRecord c = r.canonical();
            Instant occurred = Protos.instant(c.getOccurTime());
            return (request.getOrderId().isEmpty() || c.getOrderId().equals(request.getOrderId()))
                    && (request.getRoomId().isEmpty() || c.getRoomId().equals(request.getRoomId()))
                    && (request.getSessionId().isEmpty() || c.getSessionId().equals(request.getSessionId()))
                    && (request.getMarketerId().isEmpty() || c.getMarketerId().equals(request.getMarketerId()))
                    && (from == null || !occurred.isBefore(from)) && (until == null || occurred.isBefore(until));
        }).toList();
        PageTokens.Page<Stored> page = pageTokens.page(DOMAIN, query, matching, Stored::leafIndex, false,
                Checks.pageSize(request.getPageSize()), request.getPageToken());
        return ListRecordsResponse.newBuilder().addAllRecords(page.items().stream().map(Stored::shown).toList())
                .setNextPageToken(page.nextPageToken()).build();
    }

    private static String text(String value) {
        return value.isEmpty() ? "null" : value;
    }

    // ---- checkpoints and proofs (RFC 9162) ----

    private long resolve(long requested, String field) {
        long current = log.size();
        if (requested > current) {
            throw Refusals.invalid(DOMAIN, "BEYOND_LOG_SIZE", field, field + " " + requested + " is beyond the log's size " + current);
        }
        return requested == 0 ? current : requested;
    }

    private Checkpoint checkpoint(long size) {
        byte[] root = log.root(size);
        String body = SignedCheckpoint.body(ORIGIN, size, root);
        byte[] signature;
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(signingKey);
            signer.update(body.getBytes(StandardCharsets.UTF_8));
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
        String note = body + "\n" + SignedCheckpoint.signatureLine(ORIGIN, NoteKeys.keyId(ORIGIN, publicKey), signature);
        return Checkpoint.newBuilder().setOrigin(ORIGIN).setTreeSize(size).setRootHash(ByteString.copyFrom(root)).setSignedNote(note).build();
    }

    private Checkpoint getCheckpoint(GetCheckpointRequest request) {
        new Checks(DOMAIN).when(request.getTreeSize() < 0, "tree_size", "tree_size must not be negative").throwIfAny();
        return checkpoint(resolve(request.getTreeSize(), "tree_size"));
    }

    private PublicKey getPublicKey() {
        return PublicKey.newBuilder().setOrigin(ORIGIN).setEd25519PublicKey(ByteString.copyFrom(publicKey)).setVerifierKey(verifierKey()).build();
    }

    private InclusionProof getInclusionProof(GetInclusionProofRequest request) {
        new Checks(DOMAIN).when(request.getLeafIndex() < 0, "leaf_index", "leaf_index must not be negative")
                .when(request.getTreeSize() < 0, "tree_size", "tree_size must not be negative")
                .when(request.getTreeSize() > 0 && request.getTreeSize() <= request.getLeafIndex(), "tree_size",
                        "tree_size must be greater than leaf_index (or 0 for the current tree)")
                .throwIfAny();
        long size = resolve(request.getTreeSize(), "tree_size");
        if (request.getLeafIndex() >= size) {
            throw Refusals.invalid(DOMAIN, "BEYOND_LOG_SIZE", "leaf_index", "leaf_index " + request.getLeafIndex() + " is not in a tree of size " + size);
        }
        InclusionProof.Builder proof = InclusionProof.newBuilder().setLeafIndex(request.getLeafIndex()).setTreeSize(size)
                .setLeafHash(ByteString.copyFrom(log.leaf(request.getLeafIndex()))).setCheckpoint(checkpoint(size));
        log.inclusion(request.getLeafIndex(), size).forEach(hash -> proof.addHashes(ByteString.copyFrom(hash)));
        return proof.build();
    }

    private ConsistencyProof getConsistencyProof(GetConsistencyProofRequest request) {
        new Checks(DOMAIN).when(request.getFirstSize() < 1, "first_size", "first_size must be at least 1")
                .when(request.getSecondSize() < 1, "second_size", "second_size must be at least 1")
                .when(request.getSecondSize() >= 1 && request.getFirstSize() > request.getSecondSize(), "first_size",
                        "first_size must not exceed second_size")
                .throwIfAny();
        long second = resolve(request.getSecondSize(), "second_size");
        ConsistencyProof.Builder proof = ConsistencyProof.newBuilder().setFirstSize(request.getFirstSize()).setSecondSize(request.getSecondSize());
        log.consistency(request.getFirstSize(), second).forEach(hash -> proof.addHashes(ByteString.copyFrom(hash)));
        return proof.build();
    }

    private EvidenceBundle exportEvidence(ExportEvidenceRequest request) {
        id(new Checks(DOMAIN), "order_id", request.getOrderId(), 1, 64).throwIfAny();
        Checkpoint checkpoint = checkpoint(log.size());
        List<Stored> found = records.stream().filter(r -> r.canonical().getOrderId().equals(request.getOrderId())).toList();
        if (found.isEmpty()) {
            throw Refusals.notFound(DOMAIN, "ORDER_NOT_FOUND", "orders/" + request.getOrderId());
        }
        if (found.size() > MAX_EXPORT) {
            throw Refusals.invalid(DOMAIN, Refusals.INVALID_ARGUMENT, "order_id", "order " + request.getOrderId() + " has more than " + MAX_EXPORT
                    + " records: export them with ListRecords and GetInclusionProof");
        }
        EvidenceBundle.Builder bundle = EvidenceBundle.newBuilder().setOrderId(request.getOrderId()).setCheckpoint(checkpoint)
                .setVerifierKey(verifierKey());
        for (Stored record : found) {
            EvidenceEntry.Builder entry = bundle.addEntriesBuilder().setRecord(record.shown())
                    .setPayload(ByteString.copyFrom(record.payload())).setSalt(ByteString.copyFrom(record.salt()));
            log.inclusion(record.leafIndex(), checkpoint.getTreeSize()).forEach(hash -> entry.addInclusionProof(ByteString.copyFrom(hash)));
        }
        return bundle.build();
    }

    /** The TransactionArchiveService RPCs the fake implements; the others answer UNIMPLEMENTED. */
    private final class Endpoint extends TransactionArchiveServiceGrpc.TransactionArchiveServiceImplBase {

        @Override
        public void appendRecord(AppendRecordRequest request, StreamObserver<AppendRecordResponse> response) {
            context.answer(response, () -> FakeArchive.this.appendRecord(request));
        }

        @Override
        public StreamObserver<AppendRecordsRequest> appendRecords(StreamObserver<AppendRecordsResponse> response) {
            AppendRecordsResponse.Builder results = AppendRecordsResponse.newBuilder();
            return new StreamObserver<>() {
                // A refused batch closes the call with the refusal; later messages and the half-close are ignored.
                private boolean refused;

                @Override
                public void onNext(AppendRecordsRequest batch) {
                    if (refused) {
                        return;
                    }
                    try {
                        // Each message is appended on its own before the next is read, as the service commits each.
                        results.addAllResults(context.locked(() -> appendBatch(batch)));
                    } catch (RuntimeException e) {
                        refused = true;
                        throw e;
                    }
                }

                @Override
                public void onError(Throwable cancelled) {
                    // The client went away; what was appended stays, and a resend is idempotent.
                }

                @Override
                public void onCompleted() {
                    if (!refused) {
                        response.onNext(results.build());
                        response.onCompleted();
                    }
                }
            };
        }

        @Override
        public void getRecord(GetRecordRequest request, StreamObserver<TransactionRecord> response) {
            context.answer(response, () -> FakeArchive.this.getRecord(request));
        }

        @Override
        public void listRecords(ListRecordsRequest request, StreamObserver<ListRecordsResponse> response) {
            context.answer(response, () -> FakeArchive.this.listRecords(request));
        }

        @Override
        public void getCheckpoint(GetCheckpointRequest request, StreamObserver<Checkpoint> response) {
            context.answer(response, () -> FakeArchive.this.getCheckpoint(request));
        }

        @Override
        public void getPublicKey(GetPublicKeyRequest request, StreamObserver<PublicKey> response) {
            context.answer(response, FakeArchive.this::getPublicKey);
        }

        @Override
        public void getInclusionProof(GetInclusionProofRequest request, StreamObserver<InclusionProof> response) {
            context.answer(response, () -> FakeArchive.this.getInclusionProof(request));
        }

        @Override
        public void getConsistencyProof(GetConsistencyProofRequest request, StreamObserver<ConsistencyProof> response) {
            context.answer(response, () -> FakeArchive.this.getConsistencyProof(request));
        }

        @Override
        public void exportEvidence(ExportEvidenceRequest request, StreamObserver<EvidenceBundle> response) {
            context.answer(response, () -> FakeArchive.this.exportEvidence(request));
        }
    }
}
