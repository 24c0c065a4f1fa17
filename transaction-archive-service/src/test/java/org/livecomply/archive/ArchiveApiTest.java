package org.livecomply.archive;

import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.livecomply.testsupport.TestDatabase;

/**
 * What every archive API test shares: its own database on the test server (and plain SQL access to it),
 * and a real gRPC channel with minted tokens. Subclasses add {@code @MicronautTest(environments = "test")}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ArchiveApiTest implements TestPropertyProvider {

    protected final TestDatabase.Database database = TestDatabase.shared().newDatabase("archive_" + getClass().getSimpleName());
    protected final Db db = new Db(database);

    @Inject
    GrpcEmbeddedServer server;

    protected ArchiveClient client;

    @Override
    public Map<String, String> getProperties() {
        return database.micronautProperties();
    }

    @BeforeAll
    void connect() {
        client = new ArchiveClient(server);
    }

    @AfterAll
    void disconnect() {
        client.close();
    }
}
