package org.livecomply.consumer;

import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.runtime.server.EmbeddedServer;
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
 * What every consumer-rights API test shares: its own database, a real gRPC channel with minted tokens, the
 * HTTP base address, and the test clock put back to {@link TestClock#NOW} after each test. Subclasses add
 * {@code @MicronautTest(environments = "test")} ({@code transactional = false} when they call beans directly, so
 * that those calls commit like the service's own) and may add properties (e.g. real dependencies' addresses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsumerApiTest implements TestPropertyProvider {

    static final String READ = "consumer.read";
    static final String MANAGE = "consumer.manage";
    static final String DISCLOSE = "consumer.disclose";
    static final String HANDOVER = "consumer.handover";
    static final String EXPORT = "reports.export";

    protected final TestDatabase.Database database = TestDatabase.shared().newDatabase("consumer_" + getClass().getSimpleName());

    @Inject
    GrpcEmbeddedServer grpcServer;

    @Inject
    EmbeddedServer httpServer;

    @Inject
    MutableClock clock;

    protected ConsumerServiceClient client;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(database.micronautProperties());
        properties.putAll(extraProperties());
        return properties;
    }

    /** Further properties of a subclass (started before the application context). */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    @BeforeAll
    void connect() {
        client = new ConsumerServiceClient(grpcServer.getPort(), clock);
    }

    @AfterEach
    void resetClock() {
        clock.set(TestClock.NOW);
    }

    @AfterAll
    void disconnect() {
        client.close();
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + httpServer.getPort();
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
