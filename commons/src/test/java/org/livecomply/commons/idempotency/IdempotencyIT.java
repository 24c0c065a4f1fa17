package org.livecomply.commons.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.exceptions.TransactionException;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.livecomply.api.identity.v1.CreateRoomOperatorRequest;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.commons.error.ConcurrencyConflictException;
import org.livecomply.commons.error.InvalidArgumentException;
import org.livecomply.testsupport.TestDatabase;

/** {@link Idempotency} in a Micronaut context against the real test database, with commons' own migration. */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyIT implements TestPropertyProvider {

    private static final String OPERATION = "RegisterRow";
    private static final Runnable NOTHING = () -> { };

    private final TestDatabase.Database database = TestDatabase.shared().newDatabase("commons");
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @Inject
    RowRegistrar registrar;
    @Inject
    Idempotency idempotency;
    @Inject
    TestRowRepository rows;
    @Inject
    RequestFingerprints fingerprints;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(database.micronautProperties());
        properties.put("datasources.default.dialect", "MYSQL");
        properties.put("flyway.datasources.default.enabled", "true");
        properties.put("flyway.datasources.default.locations", "classpath:db/commons,classpath:db/commons-test");
        properties.put("livecomply.service-name", "commons-test");
        properties.put("livecomply.auth.hs256-secret", "commons-it-hs256-secret-0123456789abcdef");
        properties.put("micronaut.server.port", "-1");
        properties.put("grpc.server.port", "0");
        return properties;
    }

    @AfterAll
    void stopExecutor() {
        executor.shutdownNow();
    }

    private String fingerprint(String legalName) {
        return fingerprints.of(CreateRoomOperatorRequest.newBuilder()
                .setRequestId("ignored")
                .setRoomOperator(RoomOperator.newBuilder().setLegalName(legalName))
                .build());
    }

    /** The stored key row: fingerprint and result, or empty. */
    private Optional<String[]> storedKey(String key) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT fingerprint, result, created_at FROM idempotency_keys WHERE idempotency_key = ?")) {
            select.setString(1, key);
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                assertNotNull(result.getTimestamp("created_at"));
                return Optional.of(new String[] {result.getString("fingerprint"), result.getString("result")});
            }
        }
    }

    @Test
    void aRetryReturnsTheFirstResultAndChangesNothing() throws SQLException {
        String fingerprint = fingerprint("alpha");
        int runs = registrar.actionRuns.get();
        long count = rows.count();

        TestRow first = registrar.register(OPERATION, "retry-1", fingerprint, "alpha", NOTHING);
        assertEquals(runs + 1, registrar.actionRuns.get());
        assertEquals(count + 1, rows.count());
        assertEquals("alpha", first.name());
        String[] stored = storedKey(OPERATION + ":retry-1").orElseThrow();
        assertEquals(fingerprint, stored[0]);
        assertEquals("rows/" + first.id(), stored[1], "the result reference is stored with the key");

        TestRow retry = registrar.register(OPERATION, "retry-1", fingerprint, "alpha", NOTHING);
        assertEquals(first, retry);
        TestRow thirdTime = registrar.register(OPERATION, "retry-1", fingerprint, "alpha", NOTHING);
        assertEquals(first, thirdTime);
        assertEquals(runs + 1, registrar.actionRuns.get(), "the action ran only the first time");
        assertEquals(count + 1, rows.count());
        assertEquals(1, rows.countByName("alpha"));
    }

    @Test
    void theSameRequestIdWithAnotherRequestIsRefused() throws SQLException {
        TestRow first = registrar.register(OPERATION, "reuse-1", fingerprint("beta"), "beta", NOTHING);
        int runs = registrar.actionRuns.get();
        long count = rows.count();

        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> registrar.register(OPERATION, "reuse-1", fingerprint("gamma"), "gamma", NOTHING));
        assertEquals(Idempotency.REQUEST_ID_REUSED, e.reason());
        assertEquals(1, e.violations().size());
        assertEquals("request_id", e.violations().get(0).field());
        assertTrue(e.getMessage().contains("reuse-1"), e.getMessage());

        assertEquals(runs, registrar.actionRuns.get());
        assertEquals(count, rows.count());
        assertEquals(0, rows.countByName("gamma"));
        assertEquals("rows/" + first.id(), storedKey(OPERATION + ":reuse-1").orElseThrow()[1], "the first key is untouched");
    }

    @Test
    void requestIdsAreScopedToTheirOperation() {
        TestRow a = registrar.register("OperationA", "shared-id", fingerprint("delta"), "delta", NOTHING);
        TestRow b = registrar.register("OperationB", "shared-id", fingerprint("epsilon"), "epsilon", NOTHING);
        assertFalse(a.id().equals(b.id()));
        assertEquals(1, rows.countByName("delta"));
        assertEquals(1, rows.countByName("epsilon"));
    }

    @Test
    void onceRefusesToRunOutsideATransaction() throws SQLException {
        AtomicInteger ran = new AtomicInteger();
        assertThrows(TransactionException.class, () -> idempotency.once(OPERATION, "no-tx-1", fingerprint("zeta"),
                () -> {
                    ran.incrementAndGet();
                    return rows.save(new TestRow(null, "zeta"));
                },
                row -> "rows/" + row.id(), reference -> null));
        assertEquals(0, ran.get());
        assertEquals(0, rows.countByName("zeta"));
        assertTrue(storedKey(OPERATION + ":no-tx-1").isEmpty());
    }

    @Test
    void aFailedActionLeavesNoKeySoARetryRunsIt() throws SQLException {
        String fingerprint = fingerprint("eta");
        int runs = registrar.actionRuns.get();
        long count = rows.count();

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> registrar.register(OPERATION, "fail-1", fingerprint, "eta", () -> {
                    throw new IllegalStateException("downstream write failed");
                }));
        assertEquals("downstream write failed", failure.getMessage());
        assertEquals(runs + 1, registrar.actionRuns.get());
        assertTrue(storedKey(OPERATION + ":fail-1").isEmpty(), "the key rolled back with the change");
        assertEquals(count, rows.count(), "the action's own write rolled back too");

        TestRow retried = registrar.register(OPERATION, "fail-1", fingerprint, "eta", NOTHING);
        assertEquals(runs + 2, registrar.actionRuns.get());
        assertEquals(count + 1, rows.count());
        assertEquals("rows/" + retried.id(), storedKey(OPERATION + ":fail-1").orElseThrow()[1]);
    }

    @Test
    void aRetryRacingTheFirstAttemptIsToldToRetryInsteadOfActingTwice() throws Exception {
        String fingerprint = fingerprint("theta");
        int runs = registrar.actionRuns.get();
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        Future<TestRow> first = executor.submit(() -> registrar.register(OPERATION, "race-1", fingerprint, "theta", () -> {
            firstInside.countDown();
            await(releaseFirst);
        }));
        assertTrue(firstInside.await(20, TimeUnit.SECONDS), "first attempt never reached its action");
        Future<TestRow> second = executor.submit(() -> registrar.register(OPERATION, "race-1", fingerprint, "theta", NOTHING));
        // the second attempt has read "no key" and now waits on the first one's uncommitted key
        waitForTheSecondInsertOfTheKey(OPERATION + ":race-1");
        releaseFirst.countDown();

        TestRow created = first.get(20, TimeUnit.SECONDS);
        ExecutionException e = assertThrows(ExecutionException.class, () -> second.get(20, TimeUnit.SECONDS));
        ConcurrencyConflictException conflict = assertInstanceOf(ConcurrencyConflictException.class, e.getCause());
        assertEquals(Idempotency.REQUEST_IN_PROGRESS, conflict.reason());

        assertEquals(runs + 1, registrar.actionRuns.get(), "only the first attempt acted");
        assertEquals(1, rows.countByName("theta"));
        // and once the first has committed, a retry replays it
        assertEquals(created, registrar.register(OPERATION, "race-1", fingerprint, "theta", NOTHING));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test latch never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the second attempt's INSERT of the key is on the server. The first attempt holds that key
     * uncommitted, so from then on the second can only conflict: it is blocked on the key's lock (InnoDB's
     * information_schema.innodb_trx does not list such a waiter reliably, the process list does).
     */
    private void waitForTheSecondInsertOfTheKey(String key) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection connection = database.connect();
             PreparedStatement inserting = connection.prepareStatement(
                     "SELECT COUNT(*) FROM information_schema.processlist WHERE db = ? AND command = 'Query'"
                             + " AND info LIKE 'INSERT INTO `idempotency_keys`%' AND info LIKE ?")) {
            inserting.setString(1, database.name());
            inserting.setString(2, "%'" + key + "'%");
            while (System.nanoTime() < deadline) {
                try (ResultSet result = inserting.executeQuery()) {
                    result.next();
                    if (result.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the second attempt never tried to insert key " + key);
    }
}
