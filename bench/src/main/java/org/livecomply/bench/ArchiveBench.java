package org.livecomply.bench;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.micronaut.context.ApplicationContext;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.runtime.Micronaut;
import java.lang.management.ManagementFactory;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.livecomply.api.archive.v1.AppendRecordsRequest;
import org.livecomply.api.archive.v1.AppendRecordsResponse;
import org.livecomply.api.archive.v1.Artefact;
import org.livecomply.api.archive.v1.GetInclusionProofRequest;
import org.livecomply.api.archive.v1.OrderItem;
import org.livecomply.api.archive.v1.TransactionArchiveServiceGrpc;
import org.livecomply.api.archive.v1.TransactionRecord;
import org.livecomply.api.type.v1.Money;
import org.livecomply.archive.Application;
import org.livecomply.commons.auth.TokenMinter;
import org.livecomply.sdk.BearerToken;
import org.livecomply.testsupport.TestDatabase;

/**
 * The archive's performance targets (issue 5; results in docs/performance.md), measured in one run
 * against one database server:
 * <ol>
 *   <li>raw batched INSERT of N ~1 KB rows into a copy of archive_records (batches of 1000, commit each);</li>
 *   <li>the same number of ~1 KB records through AppendRecords over gRPC (streams of 1000-record
 *       messages), after as many appended as a warm-up; the ratio of the two rates;</li>
 *   <li>the log grown to M leaves: GetInclusionProof latency p50/p99 over random leaves;</li>
 *   <li>heap used after GC at each quarter of M (flat = the service keeps no per-leaf state).</li>
 * </ol>
 * <pre>java -cp ... org.livecomply.bench.ArchiveBench [--records N] [--leaves M] [--streams S] [--proofs K]</pre>
 * The database server comes from LIVECOMPLY_TEST_JDBC_URL (else Testcontainers / embedded, as in tests).
 */
public final class ArchiveBench {

    static final String SECRET = "bench-secret-for-the-archive-benchmark-0123456789";
    static final int BATCH = 1000;
    static final int PROOF_WARM_UP = 2_000;
    static final int QUIET_WAIT_SECONDS = 180;
    static final long QUIET_DIRTY_PAGES = 100;

    private final int records;
    private final int leaves;
    private final int streams;
    private final int proofs;

    private final String reuseDatabase;
    private final boolean keepDatabase;

    ArchiveBench(int records, int leaves, int streams, int proofs, String reuseDatabase, boolean keepDatabase) {
        this.records = records;
        this.leaves = Math.max(leaves, 2 * records);
        this.streams = streams;
        this.proofs = proofs;
        this.reuseDatabase = reuseDatabase;
        this.keepDatabase = keepDatabase || reuseDatabase != null;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = new HashMap<>(Map.of("--records", 100_000, "--leaves", 1_000_000, "--streams", 4, "--proofs", 5_000));
        String reuse = null;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--keep-database")) {
                keep = true;
            } else if (args[i].equals("--proofs-only-on") && i + 1 < args.length) {
                reuse = args[++i];
            } else if (options.containsKey(args[i]) && i + 1 < args.length) {
                options.put(args[i], Integer.parseInt(args[++i]));
            } else {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        ArchiveBench bench = new ArchiveBench(options.get("--records"), options.get("--leaves"), options.get("--streams"),
                options.get("--proofs"), reuse, keep);
        if (reuse != null) {
            double[] latencies = bench.proofsOnly();
            System.out.printf(Locale.ROOT, "inclusion proofs on %s: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                    reuse, latencies[0], latencies[1], latencies[2], latencies[3]);
            System.exit(0);
        }
        Result result = bench.run();
        System.out.println(result.report());
        System.exit(0);
    }

    /** What one run measured. */
    record Result(int records, int recordBytes, double rawRowsPerSecond, double appendRecordsPerSecond, int leaves,
                  double proofP50Millis, double proofP99Millis, List<String> heapByLeaves) {

        double ratio() {
            return appendRecordsPerSecond / rawRowsPerSecond;
        }

        String report() {
            return String.format(Locale.ROOT, """
                    records: %d of %d bytes (payload)
                    raw batched INSERT:        %,.0f rows/s
                    AppendRecords (gRPC):      %,.0f records/s
                    ratio:                     %.2f
                    inclusion proofs at %,d leaves: p50 %.2f ms, p99 %.2f ms
                    heap used after GC (leaves: MiB): %s""",
                    records, recordBytes, rawRowsPerSecond, appendRecordsPerSecond, ratio(), leaves, proofP50Millis, proofP99Millis,
                    String.join(", ", heapByLeaves));
        }
    }

    /** Only the proof measurement, on a log a run with --keep-database left behind. */
    double[] proofsOnly() throws Exception {
        TestDatabase.Database database = TestDatabase.shared().existingDatabase(reuseDatabase);
        ApplicationContext context = service(database);
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", context.getBean(GrpcEmbeddedServer.class).getPort())
                .usePlaintext().build();
        try (Connection connection = database.connect(); Statement count = connection.createStatement();
             var size = count.executeQuery("SELECT COUNT(*) FROM archive_records")) {
            size.next();
            return proofLatencies(channel, size.getInt(1));
        } finally {
            channel.shutdownNow();
            context.close();
        }
    }

    private ApplicationContext service(TestDatabase.Database database) {
        Map<String, Object> properties = new HashMap<>(Map.copyOf(database.micronautProperties()));
        properties.put("grpc.server.port", 0);
        properties.put("micronaut.server.port", -1);
        properties.put("livecomply.auth.hs256-secret", SECRET);
        properties.put("livecomply.archive.jobs.enabled", false);
        properties.put("datasources.default.maximum-pool-size", streams + 4);
        return Micronaut.build(new String[0]).mainClass(Application.class).environments("dev")
                .properties(properties).deduceEnvironment(false).start();
    }

    Result run() throws Exception {
        TestDatabase.Database database = TestDatabase.shared().newDatabase("bench");
        ApplicationContext context = service(database);
        GrpcEmbeddedServer server = context.getBean(GrpcEmbeddedServer.class);
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
        try {
            TransactionRecord sample = record(0, "sample");
            // The service has just started: its JIT compiled the append path for most of a first 100k-record run
            // (the compiler threads took about half of the JVM's CPU then). A warm-up of the same size, not timed,
            // measures the service as it runs in production.
            grow(channel, 0, records);
            double raw = rawInserts(database);
            double appended = append(channel, records, records);
            List<String> heap = new ArrayList<>();
            int done = 2 * records;
            for (int quarter = 1; quarter <= 4; quarter++) {
                int target = (int) ((long) leaves * quarter / 4);
                if (target > done) {
                    grow(channel, done, target - done);
                    done = target;
                }
                heap.add(done + ": " + usedHeapMiB());
            }
            awaitQuietDatabase(database);
            double[] latencies = proofLatencies(channel, done);
            return new Result(records, sample.getSerializedSize(), raw, appended, done, latencies[0], latencies[1], heap);
        } finally {
            channel.shutdownNow();
            context.close();
            if (keepDatabase) {
                System.out.println("kept the log in database " + database.name() + " (--proofs-only-on " + database.name() + ")");
            } else {
                TestDatabase.shared().execute("DROP DATABASE `" + database.name() + "`");
            }
        }
    }

    /**
     * Rows/s of the same rows written the fastest plain way: batches of 1000, one commit each. The rows
     * (payload, salt, hash) are prepared before the clock starts: this is the database's rate.
     */
    private double rawInserts(TestDatabase.Database database) throws Exception {
        SecureRandom random = new SecureRandom();
        List<TransactionRecord> rows = new ArrayList<>(records);
        List<byte[][]> bytes = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            TransactionRecord record = record(i, "raw");
            byte[] payload = record.toByteArray();
            byte[] salt = new byte[16];
            random.nextBytes(salt);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(payload);
            rows.add(record);
            bytes.add(new byte[][] {payload, salt, sha.digest(salt)});
        }
        try (Connection connection = database.connect()) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE bench_raw_records LIKE archive_records");
            }
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_raw_records (leaf_index, order_id, event_id, "
                    + "event, occur_time, room_id, session_id, marketer_id, payload, salt, leaf_hash, append_time) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
                java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
                for (int i = 0; i < records; i++) {
                    TransactionRecord record = rows.get(i);
                    insert.setLong(1, i);
                    insert.setString(2, record.getOrderId());
                    insert.setString(3, record.getEventId());
                    insert.setString(4, record.getEvent().name());
                    insert.setTimestamp(5, now);
                    insert.setString(6, record.getRoomId());
                    insert.setString(7, record.getSessionId());
                    insert.setString(8, record.getMarketerId());
                    insert.setBytes(9, bytes.get(i)[0]);
                    insert.setBytes(10, bytes.get(i)[1]);
                    insert.setBytes(11, bytes.get(i)[2]);
                    insert.setTimestamp(12, now);
                    insert.addBatch();
                    if ((i + 1) % BATCH == 0 || i + 1 == records) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            return records / seconds(start);
        }
    }

    /**
     * Records/s through AppendRecords: {@code streams} concurrent streams of 1000-record messages. Like the raw
     * rows, the records are built before the clock starts (building them is the caller's work, not the archive's);
     * the clock covers their encoding on the channel, the service's work and every acknowledgement.
     */
    private double append(ManagedChannel channel, int from, int count) throws Exception {
        List<Iterator<AppendRecordsRequest>> batches = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            List<AppendRecordsRequest> built = new ArrayList<>();
            batches(from, count, s).forEachRemaining(built::add);
            batches.add(built.iterator());
        }
        long start = System.nanoTime();
        send(channel, batches, count);
        return count / seconds(start);
    }

    /** Grows the log by {@code count} records, each message built as it is sent (untimed). */
    private void grow(ManagedChannel channel, int from, int count) throws Exception {
        List<Iterator<AppendRecordsRequest>> batches = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            batches.add(batches(from, count, s));
        }
        send(channel, batches, count);
    }

    /** Stream {@code stream}'s messages: every {@code streams}-th record of [from, from + count), 1000 per message. */
    private Iterator<AppendRecordsRequest> batches(int from, int count, int stream) {
        return new Iterator<>() {
            private int next = from + stream;

            @Override
            public boolean hasNext() {
                return next < from + count;
            }

            @Override
            public AppendRecordsRequest next() {
                AppendRecordsRequest.Builder batch = AppendRecordsRequest.newBuilder();
                int end = Math.min(next + streams * BATCH, from + count);
                for (int j = next; j < end; j += streams) {
                    batch.addRecords(record(j, "o"));
                }
                next = end;
                return batch.build();
            }
        };
    }

    private void send(ManagedChannel channel, List<Iterator<AppendRecordsRequest>> batches, int count) throws Exception {
        String token = TokenMinter.mintHs256(SECRET, "bench", List.of("archive.append", "archive.read"), Instant.now(), Duration.ofHours(12));
        TransactionArchiveServiceGrpc.TransactionArchiveServiceStub stub =
                TransactionArchiveServiceGrpc.newStub(channel).withCallCredentials(BearerToken.of(token));
        ExecutorService pool = Executors.newFixedThreadPool(streams);
        List<Future<Integer>> running = new ArrayList<>();
        for (Iterator<AppendRecordsRequest> stream : batches) {
            running.add(pool.submit(() -> {
                CompletableFuture<AppendRecordsResponse> done = new CompletableFuture<>();
                StreamObserver<AppendRecordsRequest> requests = stub.appendRecords(observer(done));
                int sent = 0;
                while (stream.hasNext()) {
                    AppendRecordsRequest batch = stream.next();
                    sent += batch.getRecordsCount();
                    requests.onNext(batch);
                }
                requests.onCompleted();
                int results = done.get(1, TimeUnit.HOURS).getResultsCount();
                if (results != sent) {
                    throw new IllegalStateException("sent " + sent + " records, got " + results + " results");
                }
                return results;
            }));
        }
        int total = 0;
        for (Future<Integer> stream : running) {
            total += stream.get();
        }
        pool.shutdown();
        if (total != count) {
            throw new IllegalStateException("appended " + total + " of " + count);
        }
    }

    /**
     * Waits (up to {@value #QUIET_WAIT_SECONDS} s) until InnoDB has flushed what growing the log left
     * behind (dirty pages below {@value #QUIET_DIRTY_PAGES}, or no progress for 10 s): otherwise its
     * background flushing competes for this machine's two cores with the proofs, and the proof figures
     * describe the aftermath of a bulk load rather than a log of that size.
     */
    private static void awaitQuietDatabase(TestDatabase.Database database) throws Exception {
        long start = System.nanoTime();
        try (Connection connection = database.connect(); Statement status = connection.createStatement()) {
            long dirty = dirtyPages(status);
            long lowest = dirty;
            long lastProgress = System.nanoTime();
            while (dirty >= QUIET_DIRTY_PAGES && seconds(start) < QUIET_WAIT_SECONDS && seconds(lastProgress) < 10) {
                Thread.sleep(1_000);
                dirty = dirtyPages(status);
                if (dirty < lowest * 0.95) {
                    lowest = dirty;
                    lastProgress = System.nanoTime();
                }
            }
            System.out.printf("database quiet after %.0f s (%d dirty pages)%n", seconds(start), dirty);
        }
    }

    private static long dirtyPages(Statement status) throws Exception {
        try (var rows = status.executeQuery("SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'")) {
            return rows.next() ? rows.getLong(2) : 0;
        }
    }

    /** {p50, p99} in ms of GetInclusionProof for random leaves of the current tree. */
    private double[] proofLatencies(ManagedChannel channel, int size) {
        String token = TokenMinter.mintHs256(SECRET, "bench", List.of("archive.read"), Instant.now(), Duration.ofHours(1));
        TransactionArchiveServiceGrpc.TransactionArchiveServiceBlockingStub stub =
                TransactionArchiveServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(token));
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < PROOF_WARM_UP; i++) {
            stub.getInclusionProof(GetInclusionProofRequest.newBuilder().setLeafIndex(random.nextInt(size)).build());
        }
        double[] millis = new double[proofs];
        for (int i = 0; i < proofs; i++) {
            long start = System.nanoTime();
            stub.getInclusionProof(GetInclusionProofRequest.newBuilder().setLeafIndex(random.nextInt(size)).build());
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new double[] {millis[proofs / 2], millis[(int) Math.ceil(proofs * 0.99) - 1],
                millis[(int) Math.ceil(proofs * 0.999) - 1], millis[proofs - 1]};
    }

    /** A ~1 KB order record: three items with long titles, a page snapshot and a replay segment. */
    static TransactionRecord record(int i, String prefix) {
        TransactionRecord.Builder record = TransactionRecord.newBuilder()
                .setOrderId(prefix + "-" + i).setEventId("placed").setEvent(TransactionRecord.Event.EVENT_ORDER_PLACED)
                .setOccurTime(Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond() - 60))
                .setRoomId("room-" + i % 97).setSessionId("session-" + i % 1009).setMarketerId("marketer-" + i % 31)
                .setBuyerRef("buyer:" + Integer.toHexString(i * 31 + 7));
        for (int k = 0; k < 3; k++) {
            record.addItems(OrderItem.newBuilder().setSku("SKU-" + k + "-" + i % 500)
                    .setTitle("有机五常大米 稻花香2号 当季新米 真空包装 5kg 产地直发 直播间专享 第" + k + "件 " + "规格说明".repeat(12))
                    .setQuantity(1 + k).setAnnouncedPrice(cny(5990 + k)).setChargedPrice(cny(5990 + k)));
        }
        byte[] digest = new byte[32];
        digest[0] = (byte) i;
        return record
                .addArtefacts(Artefact.newBuilder().setKind(Artefact.Kind.KIND_PRODUCT_PAGE_SNAPSHOT).setSha256(ByteString.copyFrom(digest))
                        .setUri("oss://evidence/pages/" + prefix + "-" + i + ".html").setMediaType("text/html"))
                .addArtefacts(Artefact.newBuilder().setKind(Artefact.Kind.KIND_REPLAY_SEGMENT).setSha256(ByteString.copyFrom(digest))
                        .setUri("oss://evidence/replays/session-" + i % 1009 + ".mp4").setMediaType("video/mp4")
                        .setReplayOffset(com.google.protobuf.Duration.newBuilder().setSeconds(i % 7200)))
                .build();
    }

    private static Money.Builder cny(long fen) {
        return Money.newBuilder().setCurrencyCode("CNY").setAmountMinor(fen);
    }

    private static <T> StreamObserver<T> observer(CompletableFuture<T> done) {
        return new StreamObserver<>() {
            @Override
            public void onNext(T value) {
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
        };
    }

    private static long usedHeapMiB() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
