package org.livecomply.commons.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.grpc.BindableService;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.micronaut.jdbc.DataSourceResolver;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.livecomply.api.identity.v1.IdentityServiceGrpc;
import org.livecomply.testsupport.TestDatabase;

/**
 * gRPC health follows the database: "" and every LiveComply service NOT_SERVING while it does not answer,
 * the liveness entry SERVING regardless. Read back through the real health service over the wire.
 */
class DatabaseHealthReporterIT {

    private static final String IDENTITY = "livecomply.identity.v1.IdentityService";

    private HikariDataSource dataSource;
    private Server server;
    private ManagedChannel channel;

    @AfterEach
    void close() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        if (dataSource != null) {
            dataSource.close();
        }
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setConnectionTimeout(1000);
        config.setInitializationFailTimeout(-1); // start even when the database is down, as in production
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    private HealthGrpc.HealthBlockingStub serve(HealthStatusManager health) throws Exception {
        server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(health.getHealthService())
                .build()
                .start();
        channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.getPort(), InsecureChannelCredentials.create()).build();
        return HealthGrpc.newBlockingStub(channel);
    }

    private static ServingStatus status(HealthGrpc.HealthBlockingStub stub, String service) {
        return stub.withDeadlineAfter(10, TimeUnit.SECONDS).check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus();
    }

    private static List<BindableService> services() {
        return List.of(new IdentityServiceGrpc.IdentityServiceImplBase() { }, new HealthStatusManager().getHealthService());
    }

    @Test
    void anUnreachableDatabaseTakesThePodOutOfRotationButKeepsItAlive() throws Exception {
        dataSource = pool("jdbc:mariadb://127.0.0.1:1/x?connectTimeout=500", "root", "");
        HealthStatusManager health = new HealthStatusManager();
        DatabaseHealthReporter reporter = new DatabaseHealthReporter(dataSource, DataSourceResolver.DEFAULT, health, services(), 1);
        HealthGrpc.HealthBlockingStub stub = serve(health);
        assertEquals(ServingStatus.SERVING, status(stub, DatabaseHealthReporter.LIVENESS), "set at construction");

        reporter.check();

        assertEquals(ServingStatus.NOT_SERVING, status(stub, ""));
        assertEquals(ServingStatus.NOT_SERVING, status(stub, IDENTITY));
        assertEquals(ServingStatus.SERVING, status(stub, DatabaseHealthReporter.LIVENESS));
    }

    @Test
    void aReachableDatabaseIsServing() throws Exception {
        TestDatabase.Database database = TestDatabase.shared().newDatabase("commons_health");
        dataSource = pool(database.jdbcUrl(), database.user(), database.password());
        HealthStatusManager health = new HealthStatusManager();
        health.setStatus("", ServingStatus.NOT_SERVING);
        DatabaseHealthReporter reporter = new DatabaseHealthReporter(dataSource, DataSourceResolver.DEFAULT, health, services(), 2);
        HealthGrpc.HealthBlockingStub stub = serve(health);

        reporter.check();

        assertEquals(ServingStatus.SERVING, status(stub, ""));
        assertEquals(ServingStatus.SERVING, status(stub, IDENTITY));
        assertEquals(ServingStatus.SERVING, status(stub, DatabaseHealthReporter.LIVENESS));

        // the database goes away: the next check flips to NOT_SERVING; it comes back: SERVING again
        HikariDataSource down = pool("jdbc:mariadb://127.0.0.1:1/x?connectTimeout=500", "root", "");
        try {
            DatabaseHealthReporter sameHealth = new DatabaseHealthReporter(down, DataSourceResolver.DEFAULT, health, services(), 1);
            sameHealth.check();
            assertEquals(ServingStatus.NOT_SERVING, status(stub, ""));
            assertEquals(ServingStatus.NOT_SERVING, status(stub, IDENTITY));
        } finally {
            down.close();
        }
        reporter.check();
        assertEquals(ServingStatus.SERVING, status(stub, ""));
        assertEquals(ServingStatus.SERVING, status(stub, IDENTITY));
    }
}
