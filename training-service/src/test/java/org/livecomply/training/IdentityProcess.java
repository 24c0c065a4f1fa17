package org.livecomply.training;

import java.time.Duration;
import org.livecomply.testsupport.ServiceProcess;
import org.livecomply.testsupport.TestDatabase;

/**
 * One real identity-service per test JVM, started from its shaded jar on first use with a database of its
 * own and the tests' HS256 secret; training's tests point {@code livecomply.clients.identity.address} at it.
 * It is killed when the JVM exits.
 */
final class IdentityProcess {

    private static ServiceProcess process;

    private IdentityProcess() {
    }

    static synchronized ServiceProcess shared() {
        if (process == null) {
            process = ServiceProcess.builder("identity-for-training-tests", ServiceProcess.jarOf(ServiceProcess.repoRoot(), "identity-service"))
                    .database(TestDatabase.shared().newDatabase("identity_for_training"))
                    .hs256Secret(TrainingServiceClient.SECRET)
                    .build()
                    .start(Duration.ofMinutes(3));
        }
        return process;
    }
}
