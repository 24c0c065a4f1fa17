package org.livecomply.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.archive.ArchiveClient.APPEND;
import static org.livecomply.archive.ArchiveClient.READ;
import static org.livecomply.testsupport.StatusDetails.badFields;
import static org.livecomply.testsupport.StatusDetails.errorInfo;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import com.google.protobuf.util.JsonFormat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.livecomply.api.archive.v1.AppendRecordRequest;
import org.livecomply.api.archive.v1.AppendRecordResponse;
import org.livecomply.api.archive.v1.AppendRecordsResponse;
import org.livecomply.api.archive.v1.Artefact;
import org.livecomply.api.archive.v1.EvidenceBundle;
import org.livecomply.api.archive.v1.ExportEvidenceRequest;
import org.livecomply.api.archive.v1.GetCheckpointRequest;
import org.livecomply.api.archive.v1.GetConsistencyProofRequest;
import org.livecomply.api.archive.v1.GetInclusionProofRequest;
import org.livecomply.api.archive.v1.GetPublicKeyRequest;
import org.livecomply.api.archive.v1.GetRecordRequest;
import org.livecomply.api.archive.v1.ListRecordsRequest;
import org.livecomply.api.archive.v1.ListRecordsResponse;
import org.livecomply.api.archive.v1.LogisticsFacts;
import org.livecomply.api.archive.v1.PaymentFacts;
import org.livecomply.api.archive.v1.TransactionRecord;
import org.livecomply.api.type.v1.Money;
import org.livecomply.sdk.archive.MerkleHashes;
import org.livecomply.sdk.archive.SignedCheckpoint;
import org.livecomply.sdk.archive.VerifyCommand;

/** Appends and reads through a real gRPC channel against a real database (Art. 16; ECL Art. 31). */
@MicronautTest(environments = "test")
class ArchiveApiIT extends ArchiveApiTest {

    @Test
    void anAppendedRecordReadsBackAsSentWithItsPlaceInTheLog() throws SQLException {
        TransactionRecord sent = Records.placed(Records.uniqueOrder()).build();
        AppendRecordResponse appended = client.append(sent);

        assertEquals("records/" + appended.getLeafIndex(), appended.getName());
        assertFalse(appended.getAlreadyArchived());
        TransactionRecord read = client.as(READ).getRecord(GetRecordRequest.newBuilder().setName(appended.getName()).build());
        assertEquals(sent, read.toBuilder().clearName().clearLeafIndex().clearLeafHash().clearAppendTime().build());
        assertEquals(appended.getLeafIndex(), read.getLeafIndex());
        assertEquals(appended.getLeafHash(), read.getLeafHash());
        assertEquals(TestClock.NOW.getEpochSecond(), read.getAppendTime().getSeconds());

        // The leaf hash covers the deterministic encoding and a 16-byte salt, both stored (until retention ends).
        byte[][] stored = db.payloadAndSalt(appended.getLeafIndex());
        assertArrayEquals(deterministic(sent), stored[0]);
        assertEquals(16, stored[1].length);
        assertArrayEquals(MerkleHashes.leaf(stored[0], stored[1]), appended.getLeafHash().toByteArray());
    }

    @Test
    void timesAreKeptToTheMicrosecondSoTheReplyEqualsLaterReads() {
        TransactionRecord sent = Records.paid(Records.uniqueOrder())
                .setOccurTime(Timestamp.newBuilder().setSeconds(TestClock.NOW.getEpochSecond() - 10).setNanos(123_456_789)).build();
        AppendRecordResponse appended = client.append(sent);
        TransactionRecord read = client.as(READ).getRecord(GetRecordRequest.newBuilder().setName(appended.getName()).build());
        assertEquals(123_456_000, read.getOccurTime().getNanos());

        List<TransactionRecord> listed = client.as(READ).listRecords(ListRecordsRequest.newBuilder()
                .setOrderId(sent.getOrderId()).build()).getRecordsList();
        assertEquals(List.of(read), listed);
    }

    @Test
    void theSameEventIsArchivedOnceWhateverTheRoute() throws Exception {
        String order = Records.uniqueOrder();
        TransactionRecord placed = Records.placed(order).build();
        long before = db.count("archive_records");

        AppendRecordResponse first = client.append(placed);
        AppendRecordResponse again = client.append(placed);
        AppendRecordsResponse streamed = client.appendStream(List.of(List.of(placed, Records.paid(order).build(), placed)));

        assertTrue(again.getAlreadyArchived());
        assertEquals(first.getLeafIndex(), again.getLeafIndex());
        assertEquals(first.getLeafHash(), again.getLeafHash());
        assertEquals(first.getLeafIndex(), streamed.getResults(0).getLeafIndex());
        assertTrue(streamed.getResults(0).getAlreadyArchived());
        assertFalse(streamed.getResults(1).getAlreadyArchived());
        assertEquals(first.getLeafIndex(), streamed.getResults(2).getLeafIndex());
        assertEquals(before + 2, db.count("archive_records"));
    }

    @Test
    void theSameEventWithOtherContentIsRefusedAndNothingOfTheBatchIsStored() throws Exception {
        String order = Records.uniqueOrder();
        AppendRecordResponse first = client.append(Records.placed(order).build());
        long before = db.count("archive_records");
        long sizeBefore = client.as(READ).getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getTreeSize();

        TransactionRecord changed = Records.placed(order).setBuyerRef("buyer:someone-else").build();
        StatusRuntimeException unary = assertThrows(StatusRuntimeException.class, () -> client.append(changed));
        assertEquals(Status.Code.ALREADY_EXISTS, unary.getStatus().getCode());
        assertEquals("EVENT_ALREADY_ARCHIVED", errorInfo(unary).getReason());
        assertEquals(first.getName(), errorInfo(unary).getMetadataOrThrow("existing"));

        StatusRuntimeException streamed = assertThrows(StatusRuntimeException.class,
                () -> client.appendStream(List.of(List.of(Records.paid(order).build(), changed))));
        assertEquals(Status.Code.ALREADY_EXISTS, streamed.getStatus().getCode());
        assertEquals(before, db.count("archive_records"), "the good record of the refused batch is not stored either");
        assertEquals(sizeBefore, client.as(READ).getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getTreeSize());
    }

    @Test
    void eachStreamedBatchCommitsInOrderAndARefusedBatchKeepsTheEarlierOnes() throws Exception {
        String order = Records.uniqueOrder();
        long before = db.count("archive_records");
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.appendStream(List.of(
                List.of(Records.placed(order).build()),
                List.of(Records.paid(order).build(), Records.shipped(order).setOrderId("bad order id").build()))));

        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals(List.of("records[1].order_id"), badFields(e));
        assertEquals(before + 1, db.count("archive_records"), "the first batch was committed before the second was read");
        List<TransactionRecord> kept = client.as(READ).listRecords(ListRecordsRequest.newBuilder().setOrderId(order).build()).getRecordsList();
        assertEquals(List.of("placed"), kept.stream().map(TransactionRecord::getEventId).toList());
    }

    static Stream<Arguments> badRecords() {
        return Stream.of(
                bad("record.order_id", r -> r.setOrderId("")),
                bad("record.order_id", r -> r.setOrderId("o".repeat(65))),
                bad("record.order_id", r -> r.setOrderId("订单1")),
                bad("record.event_id", r -> r.setEventId("has space")),
                bad("record.event", r -> r.setEvent(TransactionRecord.Event.EVENT_UNSPECIFIED)),
                bad("record.event", r -> r.setEventValue(99)),
                bad("record.occur_time", r -> r.clearOccurTime()),
                bad("record.occur_time", r -> r.setOccurTime(Timestamp.newBuilder().setSeconds(TestClock.NOW.getEpochSecond() + 3600))),
                bad("record.occur_time", r -> r.setOccurTime(Timestamp.newBuilder().setSeconds(1))),
                bad("record.occur_time", r -> r.setOccurTime(Timestamp.newBuilder().setSeconds(TestClock.NOW.getEpochSecond()).setNanos(-1))),
                bad("record.room_id", r -> r.setRoomId("")),
                bad("record.session_id", r -> r.setSessionId("s/1")),
                bad("record.marketer_id", r -> r.setMarketerId("m".repeat(65))),
                bad("record.buyer_ref", r -> r.setBuyerRef("")),
                bad("record.buyer_ref", r -> r.setBuyerRef("13812345678")),
                bad("record.items", r -> r.clearItems()),
                bad("record.items", r -> {
                    for (int i = 0; i < 100; i++) {
                        r.addItems(r.getItems(0));
                    }
                    return r;
                }),
                bad("record.items[0].sku", r -> r.setItems(0, r.getItems(0).toBuilder().setSku(""))),
                bad("record.items[0].title", r -> r.setItems(0, r.getItems(0).toBuilder().setTitle("t".repeat(201)))),
                bad("record.items[0].title", r -> r.setItems(0, r.getItems(0).toBuilder().setTitle("a\nb"))),
                bad("record.items[0].quantity", r -> r.setItems(0, r.getItems(0).toBuilder().setQuantity(0))),
                bad("record.items[0].quantity", r -> r.setItems(0, r.getItems(0).toBuilder().setQuantity(1_000_001))),
                bad("record.items[0].announced_price", r -> r.setItems(0, r.getItems(0).toBuilder().clearAnnouncedPrice())),
                bad("record.items[0].charged_price.currency_code", r -> r.setItems(0, r.getItems(0).toBuilder()
                        .setChargedPrice(Money.newBuilder().setCurrencyCode("USD").setAmountMinor(1)))),
                bad("record.items[0].charged_price.amount_minor", r -> r.setItems(0, r.getItems(0).toBuilder()
                        .setChargedPrice(Records.cny(-1)))),
                bad("record.payment", r -> r.setEvent(TransactionRecord.Event.EVENT_PAID)),
                bad("record.payment.method", r -> r.setPayment(PaymentFacts.newBuilder().setTransactionRef("t1").setAmount(Records.cny(1)))),
                bad("record.payment.transaction_ref", r -> r.setPayment(PaymentFacts.newBuilder().setMethod("alipay")
                        .setTransactionRef("t 1").setAmount(Records.cny(1)))),
                bad("record.payment.amount", r -> r.setPayment(PaymentFacts.newBuilder().setMethod("alipay").setTransactionRef("t1"))),
                bad("record.logistics", r -> r.setEvent(TransactionRecord.Event.EVENT_SHIPPED)),
                bad("record.logistics.carrier", r -> r.setLogistics(LogisticsFacts.newBuilder().setTrackingNumber("SF1"))),
                bad("record.logistics.tracking_number", r -> r.setLogistics(LogisticsFacts.newBuilder().setCarrier("SF").setTrackingNumber("#1"))),
                bad("record.artefacts", r -> r.removeArtefacts(0)),
                bad("record.artefacts[0].kind", r -> r.setArtefacts(0, r.getArtefacts(0).toBuilder().setKindValue(42))),
                bad("record.artefacts[2].kind", r -> r.addArtefacts(r.getArtefacts(0).toBuilder().setKind(Artefact.Kind.KIND_UNSPECIFIED))),
                bad("record.artefacts[0].sha256", r -> r.setArtefacts(0, r.getArtefacts(0).toBuilder().setSha256(ByteString.copyFrom(new byte[31])))),
                bad("record.artefacts[0].uri", r -> r.setArtefacts(0, r.getArtefacts(0).toBuilder().setUri("ftp://x/y"))),
                bad("record.artefacts[0].uri", r -> r.setArtefacts(0, r.getArtefacts(0).toBuilder().setUri(""))),
                bad("record.artefacts[0].media_type", r -> r.setArtefacts(0, r.getArtefacts(0).toBuilder().setMediaType("html"))),
                bad("record.artefacts[0].replay_offset", r -> r.setArtefacts(0, r.getArtefacts(0).toBuilder()
                        .setReplayOffset(Duration.newBuilder().setSeconds(5)))),
                bad("record.artefacts[1].replay_offset", r -> r.setArtefacts(1, r.getArtefacts(1).toBuilder().clearReplayOffset())),
                bad("record.artefacts[1].replay_offset", r -> r.setArtefacts(1, r.getArtefacts(1).toBuilder()
                        .setReplayOffset(Duration.newBuilder().setSeconds(-1)))),
                bad("record.artefacts", r -> {
                    for (int i = 0; i < 50; i++) {
                        r.addArtefacts(r.getArtefacts(0));
                    }
                    return r;
                }));
    }

    private static Arguments bad(String field, UnaryOperator<TransactionRecord.Builder> change) {
        return Arguments.of(field, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRecords")
    void badInputIsRefusedFieldByFieldAndStoresNothing(String field, UnaryOperator<TransactionRecord.Builder> change) throws Exception {
        long before = db.count("archive_records");
        TransactionRecord record = change.apply(Records.placed(Records.uniqueOrder())).build();

        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.append(record));

        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.getStatus().toString());
        assertEquals("INVALID_ARGUMENT", errorInfo(e).getReason());
        assertTrue(badFields(e).contains(field), field + " not among " + badFields(e));

        StatusRuntimeException streamed = assertThrows(StatusRuntimeException.class,
                () -> client.appendStream(List.of(List.of(Records.paid(Records.uniqueOrder()).build(), record))));
        String streamedField = field.replaceFirst("^record\\.", "records[1].");
        assertTrue(badFields(streamed).contains(streamedField), streamedField + " not among " + badFields(streamed));
        assertEquals(before, db.count("archive_records"));
    }

    @Test
    void everyBadFieldIsReportedAtOnceAndEmptyRequestsAreRefused() throws Exception {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.append(TransactionRecord.newBuilder()
                .setEvent(TransactionRecord.Event.EVENT_ORDER_PLACED).build()));
        assertEquals(List.of("record.order_id", "record.event_id", "record.room_id", "record.session_id", "record.buyer_ref",
                "record.occur_time", "record.items", "record.artefacts"), badFields(e));

        StatusRuntimeException none = assertThrows(StatusRuntimeException.class,
                () -> client.as(APPEND).appendRecord(AppendRecordRequest.getDefaultInstance()));
        assertEquals(List.of("record"), badFields(none));

        StatusRuntimeException emptyBatch = assertThrows(StatusRuntimeException.class, () -> client.appendStream(List.of(List.of())));
        assertEquals(List.of("records"), badFields(emptyBatch));
        List<TransactionRecord> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(Records.paid("o" + i).build());
        }
        StatusRuntimeException bigBatch = assertThrows(StatusRuntimeException.class, () -> client.appendStream(List.of(tooMany)));
        assertEquals(List.of("records"), badFields(bigBatch));
    }

    @Test
    void listPagesThroughMatchingRecordsOnceInLogOrderAndFilters() {
        String order = Records.uniqueOrder();
        client.append(Records.placed(order).build());
        client.append(Records.paid(order).build());
        client.append(Records.shipped(order).build());
        client.append(Records.placed(Records.uniqueOrder()).build());

        List<TransactionRecord> all = listAll(ListRecordsRequest.newBuilder().setOrderId(order), 2);
        assertEquals(List.of("placed", "paid", "shipped"), all.stream().map(TransactionRecord::getEventId).toList());
        assertTrue(all.get(0).getLeafIndex() < all.get(1).getLeafIndex() && all.get(1).getLeafIndex() < all.get(2).getLeafIndex());

        assertEquals(List.of("shipped"), ids(ListRecordsRequest.newBuilder().setOrderId(order).setRoomId("room-2")));
        assertEquals(List.of("placed"), ids(ListRecordsRequest.newBuilder().setOrderId(order).setMarketerId("marketer-7")));
        assertEquals(List.of("paid"), ids(ListRecordsRequest.newBuilder().setOrderId(order).setSessionId("session-1")
                .setOccurEndTime(Timestamp.newBuilder().setSeconds(TestClock.NOW.getEpochSecond() - 60))));
        // start inclusive, end exclusive
        assertEquals(List.of("paid", "shipped"), ids(ListRecordsRequest.newBuilder().setOrderId(order)
                .setOccurStartTime(Timestamp.newBuilder().setSeconds(TestClock.NOW.getEpochSecond() - 3000))));
        assertEquals(List.of("paid"), ids(ListRecordsRequest.newBuilder().setOrderId(order)
                .setOccurStartTime(Timestamp.newBuilder().setSeconds(TestClock.NOW.getEpochSecond() - 3000))
                .setOccurEndTime(Timestamp.newBuilder().setSeconds(TestClock.NOW.getEpochSecond() - 60))));
        assertEquals(List.of(), ids(ListRecordsRequest.newBuilder().setOrderId(order.toUpperCase())));
    }

    @Test
    void listRefusesBadFiltersAndForeignPageTokens() {
        String order = Records.uniqueOrder();
        client.append(Records.placed(order).build());
        client.append(Records.paid(order).build());
        String token = client.as(READ).listRecords(ListRecordsRequest.newBuilder().setOrderId(order).setPageSize(1).build()).getNextPageToken();
        assertFalse(token.isEmpty());

        StatusRuntimeException changed = assertThrows(StatusRuntimeException.class, () -> client.as(READ).listRecords(
                ListRecordsRequest.newBuilder().setOrderId(order).setRoomId("room-1").setPageSize(1).setPageToken(token).build()));
        assertEquals("INVALID_PAGE_TOKEN", errorInfo(changed).getReason());

        assertEquals(List.of("page_size"), refusedList(ListRecordsRequest.newBuilder().setPageSize(-1)));
        assertEquals(List.of("order_id"), refusedList(ListRecordsRequest.newBuilder().setOrderId("a b")));
        assertEquals(List.of("marketer_id"), refusedList(ListRecordsRequest.newBuilder().setMarketerId("x".repeat(65))));
        assertEquals(List.of("occur_start_time"), refusedList(ListRecordsRequest.newBuilder()
                .setOccurStartTime(Timestamp.newBuilder().setSeconds(-5))));
        assertEquals(List.of("occur_end_time"), refusedList(ListRecordsRequest.newBuilder()
                .setOccurStartTime(Timestamp.newBuilder().setSeconds(TestClock.NOW.getEpochSecond()))
                .setOccurEndTime(Timestamp.newBuilder().setSeconds(TestClock.NOW.getEpochSecond()))));
    }

    @Test
    void getRefusesMalformedNamesAndReportsUnknownOnes() {
        for (String name : List.of("", "records/-1", "records/01", "records/x", "orders/1", "records/99999999999999999999")) {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                    () -> client.as(READ).getRecord(GetRecordRequest.newBuilder().setName(name).build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), name);
            assertEquals(List.of("name"), badFields(e), name);
        }
        StatusRuntimeException missing = assertThrows(StatusRuntimeException.class,
                () -> client.as(READ).getRecord(GetRecordRequest.newBuilder().setName("records/999999999").build()));
        assertEquals(Status.Code.NOT_FOUND, missing.getStatus().getCode());
        assertEquals("RECORD_NOT_FOUND", errorInfo(missing).getReason());
        assertEquals("records/999999999", errorInfo(missing).getMetadataOrThrow("resource_name"));
    }

    @Test
    void proofRequestsOutsideTheLogAreRefusedWithTheField() {
        client.append(Records.placed(Records.uniqueOrder()).build());
        long size = client.as(READ).getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getTreeSize();

        StatusRuntimeException beyond = assertThrows(StatusRuntimeException.class, () -> client.as(READ)
                .getCheckpoint(GetCheckpointRequest.newBuilder().setTreeSize(size + 1).build()));
        assertEquals("BEYOND_LOG_SIZE", errorInfo(beyond).getReason());
        assertEquals(List.of("tree_size"), badFields(beyond));
        assertEquals(List.of("tree_size"), badFields(assertThrows(StatusRuntimeException.class, () -> client.as(READ)
                .getCheckpoint(GetCheckpointRequest.newBuilder().setTreeSize(-1).build()))));

        StatusRuntimeException leaf = assertThrows(StatusRuntimeException.class, () -> client.as(READ)
                .getInclusionProof(GetInclusionProofRequest.newBuilder().setLeafIndex(size).build()));
        assertEquals("BEYOND_LOG_SIZE", errorInfo(leaf).getReason());
        assertEquals(List.of("leaf_index"), badFields(leaf));
        assertEquals(List.of("leaf_index"), badFields(assertThrows(StatusRuntimeException.class, () -> client.as(READ)
                .getInclusionProof(GetInclusionProofRequest.newBuilder().setLeafIndex(-1).build()))));
        assertEquals(List.of("tree_size"), badFields(assertThrows(StatusRuntimeException.class, () -> client.as(READ)
                .getInclusionProof(GetInclusionProofRequest.newBuilder().setLeafIndex(1).setTreeSize(1).build()))));

        assertEquals(List.of("first_size"), badFields(assertThrows(StatusRuntimeException.class, () -> client.as(READ)
                .getConsistencyProof(GetConsistencyProofRequest.newBuilder().setFirstSize(0).setSecondSize(1).build()))));
        assertEquals(List.of("first_size"), badFields(assertThrows(StatusRuntimeException.class, () -> client.as(READ)
                .getConsistencyProof(GetConsistencyProofRequest.newBuilder().setFirstSize(2).setSecondSize(1).build()))));
        assertEquals(List.of("second_size"), badFields(assertThrows(StatusRuntimeException.class, () -> client.as(READ)
                .getConsistencyProof(GetConsistencyProofRequest.newBuilder().setFirstSize(1).setSecondSize(size + 1).build()))));
    }

    @Test
    void callersWithoutATokenOrTheRightScopeAreRefused() {
        TransactionRecord record = Records.placed(Records.uniqueOrder()).build();
        AppendRecordRequest request = AppendRecordRequest.newBuilder().setRecord(record).build();

        StatusRuntimeException anonymous = assertThrows(StatusRuntimeException.class, () -> client.anonymous().appendRecord(request));
        assertEquals(Status.Code.UNAUTHENTICATED, anonymous.getStatus().getCode());
        assertEquals("TOKEN_MISSING", errorInfo(anonymous).getReason());
        assertEquals("archive.livecomply", errorInfo(anonymous).getDomain());

        StatusRuntimeException readOnly = assertThrows(StatusRuntimeException.class, () -> client.as(READ).appendRecord(request));
        assertEquals(Status.Code.PERMISSION_DENIED, readOnly.getStatus().getCode());
        assertEquals(APPEND, errorInfo(readOnly).getMetadataOrThrow("required_scope"));

        StatusRuntimeException streamReadOnly = assertThrows(StatusRuntimeException.class,
                () -> client.appendStream(List.of(List.of(record)), READ));
        assertEquals(Status.Code.PERMISSION_DENIED, streamReadOnly.getStatus().getCode());

        StatusRuntimeException appendOnly = assertThrows(StatusRuntimeException.class,
                () -> client.as(APPEND).getCheckpoint(GetCheckpointRequest.getDefaultInstance()));
        assertEquals(Status.Code.PERMISSION_DENIED, appendOnly.getStatus().getCode());
        assertEquals(READ, errorInfo(appendOnly).getMetadataOrThrow("required_scope"));
        assertNotEquals(0, client.as(READ).getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getSignedNote().length());
    }

    @Test
    void anOrdersEvidenceBundleVerifiesOfflineWithTheSdkCommand(@TempDir Path dir) throws Exception {
        String order = Records.uniqueOrder();
        client.append(Records.placed(order).build());
        client.append(Records.paid(Records.uniqueOrder()).build());
        client.append(Records.paid(order).build());
        client.append(Records.shipped(order).build());
        String key = client.as(READ).getPublicKey(GetPublicKeyRequest.getDefaultInstance()).getVerifierKey();

        EvidenceBundle bundle = client.as(READ).exportEvidence(ExportEvidenceRequest.newBuilder().setOrderId(order).build());
        assertEquals(List.of("placed", "paid", "shipped"), bundle.getEntriesList().stream().map(e -> e.getRecord().getEventId()).toList());
        assertEquals(key, bundle.getVerifierKey());
        assertEquals(bundle.getCheckpoint().getTreeSize(), SignedCheckpoint.verify(bundle.getCheckpoint().getSignedNote(), key).treeSize());

        Path file = dir.resolve("evidence.json");
        Files.writeString(file, JsonFormat.printer().print(bundle));
        assertEquals("0 OK: 3 records of order " + order + " are in the log test.livecomply/transaction-archive at size "
                + bundle.getCheckpoint().getTreeSize(), verifyCommand(file, key));

        EvidenceBundle forged = bundle.toBuilder().setEntries(1, bundle.getEntries(1).toBuilder().setRecord(bundle.getEntries(1).getRecord()
                .toBuilder().setPayment(bundle.getEntries(1).getRecord().getPayment().toBuilder().setAmount(Records.cny(1))))).build();
        Files.writeString(file, JsonFormat.printer().print(forged));
        assertEquals("1 FAILED: entry 1 (" + bundle.getEntries(1).getRecord().getName()
                + "): the record shown differs from the payload the leaf hash covers", verifyCommand(file, key));

        assertEquals(List.of("order_id"), badFields(assertThrows(StatusRuntimeException.class, () -> client.as(READ)
                .exportEvidence(ExportEvidenceRequest.newBuilder().setOrderId("").build()))));
        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> client.as(READ)
                .exportEvidence(ExportEvidenceRequest.newBuilder().setOrderId("no-such-order").build()));
        assertEquals("ORDER_NOT_FOUND", errorInfo(unknown).getReason());
    }

    private static String verifyCommand(Path bundle, String key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = VerifyCommand.run(new String[] {bundle.toString(), "--public-key", key}, print, print);
        return code + " " + out.toString(StandardCharsets.UTF_8).trim();
    }

    @Test
    void healthIsServingWithTheDatabaseUpAndNeedsNoToken() {
        HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(client.channel());
        for (String service : List.of("", "livecomply.archive.v1.TransactionArchiveService", "livecomply.liveness")) {
            assertEquals(HealthCheckResponse.ServingStatus.SERVING,
                    health.check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus(), service);
        }
    }

    private List<String> refusedList(ListRecordsRequest.Builder request) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.as(READ).listRecords(request.build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        return badFields(e);
    }

    private List<String> ids(ListRecordsRequest.Builder request) {
        return client.as(READ).listRecords(request.build()).getRecordsList().stream().map(TransactionRecord::getEventId).toList();
    }

    private List<TransactionRecord> listAll(ListRecordsRequest.Builder query, int pageSize) {
        List<TransactionRecord> records = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            ListRecordsResponse page = client.as(READ).listRecords(query.setPageSize(pageSize).setPageToken(token).build());
            assertTrue(page.getRecordsCount() <= pageSize);
            records.addAll(page.getRecordsList());
            token = page.getNextPageToken();
            assertTrue(++pages < 100);
        } while (!token.isEmpty());
        return records;
    }

    private static byte[] deterministic(TransactionRecord record) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CodedOutputStream coded = CodedOutputStream.newInstance(out);
            coded.useDeterministicSerialization();
            record.writeTo(coded);
            coded.flush();
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
