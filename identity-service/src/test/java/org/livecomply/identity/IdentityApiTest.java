package org.livecomply.identity;

import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.livecomply.testsupport.MutableClock;
import org.livecomply.testsupport.TestDatabase;

/**
 * What every identity API test shares: its own database on the test server, a real gRPC channel with
 * minted tokens, fixtures, and the test clock put back to {@link TestClock#NOW} after each test.
 * Subclasses add {@code @MicronautTest(environments = "test")}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IdentityApiTest implements TestPropertyProvider {

    protected final TestDatabase.Database database = TestDatabase.shared().newDatabase("identity_" + getClass().getSimpleName());

    @Inject
    GrpcEmbeddedServer server;

    @Inject
    MutableClock clock;

    protected IdentityServiceClient client;
    protected IdentityFixtures fixtures;

    @Override
    public Map<String, String> getProperties() {
        return database.micronautProperties();
    }

    @BeforeAll
    void connect() {
        client = new IdentityServiceClient(server, clock);
        fixtures = new IdentityFixtures(client);
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
