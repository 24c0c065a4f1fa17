package org.livecomply.devrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** One service of the suite as the dev run starts it: its module, database and fixed local ports. */
record DevService(String name, String module, int grpcPort, int httpPort, List<String> scopes) {

    /** Every service that exists so far, in DAG order (a service starts after those it calls). */
    static final List<DevService> ALL = List.of(
            new DevService("identity", "identity-service", 50051, 8081,
                    List.of("identity.read", "identity.write", "identity.verify", "identity.blacklist.write",
                            "identity.pii.read", "identity.audit.read", "reports.export")),
            new DevService("archive", "transaction-archive-service", 50052, 8082,
                    List.of("archive.append", "archive.read", "archive.admin")));

    String database() {
        return "livecomply_" + name.replace('-', '_');
    }

    DevService offset(int by) {
        return new DevService(name, module, grpcPort + by, httpPort + by, scopes);
    }

    /** The shaded jar the build produced: {@code <module>/target/<module>-<version>-all.jar}. */
    Path jar(Path root) {
        Path target = root.resolve(module).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(p -> p.getFileName().toString().endsWith("-all.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No shaded jar in " + target
                            + ": build first with ./mvnw -q -DskipTests package"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
