package org.livecomply.grading;

import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.livecomply.testsupport.MutableClock;
import org.livecomply.testsupport.TestDatabase;

/**
 * What every room-grading API test shares: its own database, a real gRPC channel with minted tokens,
 * fixtures, and the test clock put back to {@link TestClock#NOW} after each test. Subclasses add
 * {@code @MicronautTest(environments = "test")} and may add properties with {@link #moreProperties}. A test that
 * calls a bean (a job) directly adds {@code transactional = false}: otherwise the call joins the test's own
 * transaction, which is rolled back and holds its locks while the service answers the test's gRPC calls.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GradingApiTest implements TestPropertyProvider {

    protected final TestDatabase.Database database = TestDatabase.shared().newDatabase("grading_" + getClass().getSimpleName());

    @Inject
    GrpcEmbeddedServer server;

    @Inject
    MutableClock clock;

    protected GradingServiceClient client;
    protected GradingFixtures fixtures;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(database.micronautProperties());
        properties.putAll(moreProperties());
        return properties;
    }

    protected Map<String, String> moreProperties() {
        return Map.of();
    }

    @BeforeAll
    void connect() {
        client = new GradingServiceClient(server.getPort(), clock);
        fixtures = new GradingFixtures(client);
    }

    @AfterEach
    void resetClock() {
        clock.set(TestClock.NOW);
    }

    @AfterAll
    void disconnect() {
        client.close();
    }

    /** The first column of every row {@code sql} returns, concatenated: to look at what is stored. */
    protected String text(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            StringBuilder all = new StringBuilder();
            while (rows.next()) {
                all.append(rows.getString(1));
            }
            return all.toString();
        }
    }
}
