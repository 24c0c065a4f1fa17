package org.livecomply.consumer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.livecomply.api.archive.v1.TransactionArchiveServiceGrpc;
import org.livecomply.api.identity.v1.IdentityServiceGrpc;
import org.livecomply.commons.auth.TokenMinter;
import org.livecomply.sdk.BearerToken;
import org.livecomply.testsupport.ServiceProcess;
import org.livecomply.testsupport.TestDatabase;

/**
 * The real identity and transaction-archive services, each its own JVM from its shaded jar with a fresh
 * database, started once per test JVM and sharing the consumer tests' HS256 secret (so consumer-rights mints
 * its client tokens as in production). Build the jars first:
 * {@code ./mvnw -pl identity-service,transaction-archive-service package -DskipTests}.
 */
final class RealServices {

    private static ServiceProcess identity;
    private static ServiceProcess archive;
    private static io.grpc.ManagedChannel identityChannel;
    private static io.grpc.ManagedChannel archiveChannel;

    private RealServices() {
    }

    static synchronized ServiceProcess identity() {
        if (identity == null) {
            identity = start("identity", "identity-service");
            identityChannel = io.grpc.ManagedChannelBuilder.forTarget(identity.grpcAddress()).usePlaintext().build();
        }
        return identity;
    }

    static synchronized ServiceProcess archive() {
        if (archive == null) {
            archive = start("archive", "transaction-archive-service");
            archiveChannel = io.grpc.ManagedChannelBuilder.forTarget(archive.grpcAddress()).usePlaintext().build();
        }
        return archive;
    }

    /** A platform's stub of identity (tokens at the real time: the processes run on the wall clock). */
    static IdentityServiceGrpc.IdentityServiceBlockingStub identityAs(String... scopes) {
        identity();
        return IdentityServiceGrpc.newBlockingStub(identityChannel).withCallCredentials(BearerToken.of(token(scopes)));
    }

    static TransactionArchiveServiceGrpc.TransactionArchiveServiceBlockingStub archiveAs(String... scopes) {
        archive();
        return TransactionArchiveServiceGrpc.newBlockingStub(archiveChannel).withCallCredentials(BearerToken.of(token(scopes)));
    }

    private static String token(String... scopes) {
        return TokenMinter.mintHs256(ConsumerServiceClient.SECRET, "platform-test", List.of(scopes), Instant.now(), Duration.ofHours(1));
    }

    private static ServiceProcess start(String name, String module) {
        return ServiceProcess.builder(name, ServiceProcess.jarOf(ServiceProcess.repoRoot(), module))
                .database(TestDatabase.shared().newDatabase("consumer_it_" + name))
                .hs256Secret(ConsumerServiceClient.SECRET)
                .logDirectory(Path.of("target", "service-logs"))
                .build().start();
    }
}
