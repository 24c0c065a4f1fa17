package org.livecomply.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.livecomply.commons.auth.TokenMinter;
import org.livecomply.sdk.LiveComplyClient;
import org.livecomply.sdk.LiveComplyService;
import org.livecomply.testsupport.ServiceProcess;
import org.livecomply.testsupport.TestDatabase;

/** Starts services of the suite as processes from their shaded jars, each with a fresh database. */
final class Suite {

    static final String SECRET = "e2e-hs256-secret-for-cross-process-tests-0123456789";
    static final Path LOGS = Path.of("target", "e2e-logs");

    private Suite() {
    }

    static ServiceProcess start(String name, String module, String... environment) {
        ServiceProcess.Builder builder = ServiceProcess.builder(name, ServiceProcess.jarOf(ServiceProcess.repoRoot(), module))
                .database(TestDatabase.shared().newDatabase("e2e-" + name))
                .hs256Secret(SECRET)
                .logDirectory(LOGS);
        for (int i = 0; i + 1 < environment.length; i += 2) {
            builder.env(environment[i], environment[i + 1]);
        }
        return builder.build().start();
    }

    static String token(String... scopes) {
        return TokenMinter.mintHs256(SECRET, "e2e-platform", List.of(scopes), Instant.now(), Duration.ofHours(2));
    }

    static LiveComplyClient client(ServiceProcess archive, String... scopes) {
        return LiveComplyClient.builder()
                .address(LiveComplyService.ARCHIVE, archive.grpcAddress())
                .usePlaintext()
                .token(token(scopes))
                .build();
    }

    /** Nothing listens there: the address of a dependency a test leaves out (connections are refused at once). */
    static final String NOWHERE = "127.0.0.1:1";

    /**
     * A service on the given database, to be built and started by the caller: to keep its database at hand, or to
     * give it ports chosen beforehand ({@link #freePort()}) when two services must know each other's address before
     * either starts. Started again after a stop, a process keeps its database and ports.
     */
    static ServiceProcess.Builder builder(String name, String module, TestDatabase.Database database) {
        return ServiceProcess.builder(name, ServiceProcess.jarOf(ServiceProcess.repoRoot(), module))
                .database(database)
                .hs256Secret(SECRET)
                .logDirectory(LOGS);
    }

    static TestDatabase.Database database(String name) {
        return TestDatabase.shared().newDatabase("e2e-" + name);
    }

    static String address(int port) {
        return "127.0.0.1:" + port;
    }

    /** A platform's client of several running services, with one token for {@code scopes}. */
    static LiveComplyClient client(Map<LiveComplyService, ServiceProcess> services, String... scopes) {
        LiveComplyClient.Builder builder = LiveComplyClient.builder().usePlaintext().token(token(scopes));
        services.forEach((service, process) -> builder.address(service, process.grpcAddress()));
        return builder.build();
    }

    /**
     * Polls until {@code condition} holds, and fails naming {@code what} (and the last error, if the condition
     * threw) once {@code timeout} has passed. Errors count as "not yet": a service may still be reconnecting.
     */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what + (last == null ? "" : " (last error: " + last + ")"), last);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
        }
    }

    /** Each row {@code sql} returns, its columns joined by ':' — to look at what a service stored. */
    static List<String> rows(TestDatabase.Database database, String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    row.append(c == 1 ? "" : ":").append(result.getString(c));
                }
                rows.add(row.toString());
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Sends a signal to the process: STOP freezes it (connections stay open, nothing answers), CONT wakes it. */
    static void signal(ServiceProcess process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.name() + " exited with " + kill.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
