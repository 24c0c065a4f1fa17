package org.livecomply.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.consumer.Complaints.complaint;
import static org.livecomply.consumer.Complaints.create;
import static org.livecomply.consumer.Complaints.requestId;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.livecomply.api.consumer.v1.ClueExport;
import org.livecomply.api.consumer.v1.Complaint;
import org.livecomply.api.consumer.v1.EscalateComplaintRequest;
import org.livecomply.api.consumer.v1.ListClueExportsRequest;
import org.livecomply.api.consumer.v1.RegulatorClue;
import org.livecomply.commons.report.ReportFolders;
import org.livecomply.commons.report.ReportRunRepository;
import org.livecomply.consumer.domain.report.ClueExportPeriod;
import org.livecomply.consumer.jobs.ClueExportJob;
import org.livecomply.consumer.service.ClueService;

/**
 * The scheduled regulator-clue export (Art. 46; ECL Art. 29): after a month ends, its clues are written once
 * — CSV, JSON Lines and a manifest with counts and SHA-256 — however many replicas run the job at the same
 * moment, each export audit-logged; a crashed replica's claim is taken over once stale.
 */
@MicronautTest(environments = "test", transactional = false)
class ClueExportJobIT extends ConsumerApiTest {

    /** Sun 2026-11-01 01:30 China time: the first run after October ended. */
    private static final Instant FIRST_RUN = Instant.parse("2026-10-31T17:30:00Z");

    private final Path directory = createTempDirectory();

    @Inject
    ClueExportJob job;

    @Inject
    ClueService clues;

    @Inject
    ReportRunRepository runs;

    @Inject
    JsonMapper json;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(ClueExportJob.DIRECTORY_PROPERTY, directory.toString(), "livecomply.consumer.clue-export.period", "MONTH");
    }

    private RegulatorClue escalate(String description, Instant at) {
        clock.set(at);
        Complaint filed = client.as(MANAGE).createComplaint(create(complaint().setDescription(description).setOrderId("order-77")));
        return client.as(MANAGE).escalateComplaint(EscalateComplaintRequest.newBuilder().setRequestId(requestId()).setName(filed.getName())
                .setRegulator("杭州市西湖区市场监督管理局").setReasons("疑似虚假宣传").build());
    }

    /** Another replica: its own ReportFolders (its own replica id) over the same database and folder. */
    private ClueExportJob otherReplica() {
        return new ClueExportJob(clues, new ReportFolders(runs, clock), clock, directory.toString(), ClueExportPeriod.MONTH);
    }

    @Test
    void twoReplicasRunningAtOnceWriteTheEndedMonthOnce() throws Exception {
        // 2026-10-01 00:00 China time is Sep 30 16:00 UTC: the first clue is in October, the second in September.
        RegulatorClue october = escalate("十月的线索", Instant.parse("2026-09-30T16:00:00Z"));
        RegulatorClue september = escalate("九月的线索", Instant.parse("2026-09-30T15:59:59Z"));
        RegulatorClue lastOctober = escalate("十月最后的线索", Instant.parse("2026-10-31T15:59:59Z"));
        RegulatorClue november = escalate("十一月的线索", Instant.parse("2026-10-31T16:00:00Z"));
        clock.set(FIRST_RUN);

        List<Optional<Path>> results = atOnce(job::run, otherReplica()::run);
        List<Path> written = results.stream().flatMap(Optional::stream).toList();
        assertEquals(1, written.size(), "exactly one replica writes: " + results);
        Path folder = written.get(0);
        assertEquals(directory.resolve("regulator-clues-2026-10"), folder);
        assertEquals(List.of("manifest.json", "regulator_clues.csv", "regulator_clues.jsonl"), list(folder));

        String csv = Files.readString(folder.resolve("regulator_clues.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.contains(october.getName()) && csv.contains(lastOctober.getName()), csv);
        assertFalse(csv.contains(september.getName()) || csv.contains(november.getName()), "only October, China time: " + csv);
        JsonNode manifest = json.readValue(Files.readAllBytes(folder.resolve("manifest.json")), JsonNode.class);
        assertTrue(manifest.get("legal_basis").getStringValue().contains("Art. 46"));
        assertEquals("2026-09-30T16:00:00Z", manifest.get("period").get("start_time").getStringValue());
        assertEquals("2026-10-31T16:00:00Z", manifest.get("period").get("end_time").getStringValue());
        assertEquals(2, manifest.get("files").size());
        for (JsonNode file : manifest.get("files").values()) {
            byte[] bytes = Files.readAllBytes(folder.resolve(file.get("name").getStringValue()));
            assertEquals(sha256(bytes), file.get("sha256").getStringValue(), file.get("name").getStringValue());
            assertEquals(2, file.get("record_count").getLongValue());
        }
        assertEquals(2, Files.readString(folder.resolve("regulator_clues.jsonl")).lines().count());

        List<ClueExport> audits = octoberExports();
        assertEquals(2, audits.size(), "one audit record per file written, none for the replica that found the month claimed");
        audits.forEach(a -> {
            assertEquals("scheduler", a.getExportedBy());
            assertEquals(2, a.getClueCount());
        });

        clock.set(FIRST_RUN.plus(Duration.ofDays(1)));
        assertEquals(List.of(Optional.empty(), Optional.empty()), atOnce(job::run, otherReplica()::run), "the next day both find October done");
        assertEquals(List.of("regulator-clues-2026-10"), list(directory).stream().filter(n -> n.startsWith(".") || n.contains("2026-10")).toList(),
                "no second folder, no leftover temporary folder");
        assertEquals(2, octoberExports().size());
        assertEquals(folder.toString(), runs.findById("2026-10").orElseThrow().directory());
    }

    @Test
    void aClaimLeftByACrashedReplicaIsTakenOverOnlyOnceItIsStale() throws Exception {
        Instant run = Instant.parse("2026-08-31T17:30:00Z");
        claim("2026-08", "crashed-replica", run.minus(ReportFolders.STALE_CLAIM).plusSeconds(60));
        clock.set(run);
        assertEquals(Optional.empty(), onSchedulerThread(job::run), "a fresh claim: another replica may still be writing August");
        assertFalse(Files.exists(directory.resolve("regulator-clues-2026-08")));

        clock.set(run.plus(Duration.ofMinutes(2)));
        assertEquals(Optional.of(directory.resolve("regulator-clues-2026-08")), onSchedulerThread(job::run), "stale after 6 h: taken over");
        JsonNode manifest = json.readValue(Files.readAllBytes(directory.resolve("regulator-clues-2026-08/manifest.json")), JsonNode.class);
        assertEquals(0, manifest.get("files").get(0).get("record_count").getLongValue(), "a month without clues is still reported, empty");
    }

    private List<ClueExport> octoberExports() {
        return client.reportsAs(EXPORT).listClueExports(ListClueExportsRequest.newBuilder().setPageSize(200).build()).getClueExportsList().stream()
                .filter(e -> e.getStartTime().getSeconds() == Instant.parse("2026-09-30T16:00:00Z").getEpochSecond()).toList();
    }

    private void claim(String key, String replica, Instant at) throws Exception {
        try (Connection connection = database.connect();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO report_runs (period_key, claimed_by, claim_time) VALUES (?, ?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, replica);
            insert.setTimestamp(3, Timestamp.from(at));
            insert.executeUpdate();
        }
    }

    /** Runs both on threads of their own, released together, as two replicas' schedulers would. */
    @SafeVarargs
    private static <T> List<T> atOnce(Callable<T>... tasks) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.length);
        CyclicBarrier start = new CyclicBarrier(tasks.length);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private static <T> T onSchedulerThread(Callable<T> task) throws Exception {
        return atOnce(task).get(0);
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory(Path.of("target"), "clue-exports-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
