package org.livecomply.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
}
