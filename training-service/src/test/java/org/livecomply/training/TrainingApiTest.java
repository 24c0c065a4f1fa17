package org.livecomply.training;

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
 * What every training API test shares: its own database on the test server, the shared real
 * identity-service process, a real gRPC channel with minted tokens, fixtures, and the test clock put back
 * to {@link TestClock#NOW} after each test. Subclasses add {@code @MicronautTest(environments = "test")}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TrainingApiTest implements TestPropertyProvider {

    protected final TestDatabase.Database database = TestDatabase.shared().newDatabase("training_" + getClass().getSimpleName());

    @Inject
    GrpcEmbeddedServer server;

    @Inject
    MutableClock clock;

    protected TrainingServiceClient client;
    protected TrainingFixtures fixtures;
    protected IdentitySubjects identity;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(database.micronautProperties());
        properties.put("livecomply.clients.identity.address", identityAddress());
        properties.putAll(extraProperties());
        return properties;
    }

    /** Where training finds identity-service: the shared real process unless a test class says otherwise. */
    protected String identityAddress() {
        return IdentityProcess.shared().grpcAddress();
    }

    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    @BeforeAll
    void connect() {
        client = new TrainingServiceClient(server, clock);
        fixtures = new TrainingFixtures(client);
        identity = new IdentitySubjects(IdentityProcess.shared());
    }

    @AfterEach
    void resetClock() {
        clock.set(TestClock.NOW);
    }

    @AfterAll
    void disconnect() {
        client.close();
        identity.close();
    }

    /** The number {@code sql} counts: to look at what is stored. */
    protected long count(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    protected void execute(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
