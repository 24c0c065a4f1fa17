package org.livecomply.commons.grpc;

import io.grpc.BindableService;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps gRPC health in step with the database: the overall status ("") and each LiveComply service are
 * NOT_SERVING while the database does not answer, so Kubernetes takes the pod out of rotation.
 * {@value #LIVENESS} stays SERVING as long as the process answers (the liveness probe: restarting a pod
 * does not bring a database back).
 */
@Singleton
@Requires(beans = {DataSource.class, HealthStatusManager.class})
public class DatabaseHealthReporter {

    public static final String LIVENESS = "livecomply.liveness";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseHealthReporter.class);

    private final DataSource dataSource;
    private final HealthStatusManager health;
    private final List<String> serviceNames;
    private final int timeoutSeconds;
    private volatile Boolean lastUp;

    public DatabaseHealthReporter(DataSource dataSource, DataSourceResolver resolver, HealthStatusManager health, List<BindableService> services,
                                  @Value("${livecomply.health.database-timeout-seconds:2}") int timeoutSeconds) {
        this.dataSource = resolver.resolve(dataSource);
        this.health = health;
        this.serviceNames = services.stream()
                .map(service -> service.bindService().getServiceDescriptor().getName())
                .filter(name -> name.startsWith("livecomply."))
                .toList();
        this.timeoutSeconds = timeoutSeconds;
        health.setStatus(LIVENESS, ServingStatus.SERVING);
    }

    @Scheduled(fixedDelay = "${livecomply.health.database-check-interval:5s}", initialDelay = "0s")
    public void check() {
        boolean up = databaseAnswers();
        ServingStatus status = up ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
        health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, status);
        serviceNames.forEach(name -> health.setStatus(name, status));
        if (lastUp == null || lastUp != up) {
            if (up) {
                LOG.info("Database reachable: gRPC health SERVING");
            } else {
                LOG.warn("Database unreachable: gRPC health NOT_SERVING");
            }
            lastUp = up;
        }
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(timeoutSeconds);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
