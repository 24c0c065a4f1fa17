package org.livecomply.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A LiveComply service running as its own JVM from its shaded jar, as in production: used by the dev run,
 * by tests of a service that calls another one, and by e2e. It listens on the given (or free) ports,
 * logs to a file, counts as started once its /health answers UP (database reachable, migrations done),
 * and is killed when the JVM that started it exits (unless its owner stops it).
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Path jar;
    private final Map<String, String> environment;
    private final Path log;
    private final int grpcPort;
    private final int httpPort;
    private final boolean killOnExit;
    private final List<String> jvmOptions;
    private Process process;

    /** Fast start, small footprint (C1 only, serial GC, 384 MiB): tests and the dev run. */
    public static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m");
    /** What the Helm chart gives a service (full JIT, G1, a fixed heap): benchmarks. */
    public static final List<String> PRODUCTION_LIKE = List.of("-XX:+UseG1GC", "-Xms512m", "-Xmx512m");

    private ServiceProcess(Builder builder) {
        this.name = builder.name;
        this.jar = builder.jar;
        this.grpcPort = builder.grpcPort > 0 ? builder.grpcPort : freePort();
        this.httpPort = builder.httpPort > 0 ? builder.httpPort : freePort();
        this.log = builder.logDirectory.resolve(name + ".log");
        this.killOnExit = builder.killOnExit;
        this.jvmOptions = List.copyOf(builder.jvmOptions);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MICRONAUT_ENVIRONMENTS", "dev");
        env.put("GRPC_SERVER_PORT", Integer.toString(grpcPort));
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(httpPort));
        env.put("LIVECOMPLY_GRPC_REFLECTION_ENABLED", "true");
        env.putAll(builder.environment);
        this.environment = Map.copyOf(env);
    }

    public static Builder builder(String name, Path jar) {
        return new Builder(name, jar);
    }

    /** The shaded jar a module's build produced: {@code <root>/<module>/target/<module>-<version>-all.jar}. */
    public static Path jarOf(Path repoRoot, String module) {
        Path target = repoRoot.resolve(module).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(p -> p.getFileName().toString().endsWith("-all.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No shaded jar in " + target
                            + ": build it first, e.g. ./mvnw -q -pl " + module + " -am package -DskipTests"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository root seen from a module's working directory (the directory holding {@code mvnw}). */
    public static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Not inside the LiveComply repository: " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** Starts the process and waits until it is healthy. */
    public synchronized ServiceProcess start(Duration timeout) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-Duser.timezone=UTC", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        if (killOnExit) {
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        }
        awaitHealthy(timeout);
        return this;
    }

    public ServiceProcess start() {
        return start(Duration.ofSeconds(120));
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " not healthy after " + timeout + "; see " + log);
    }

    /** SIGTERM for a graceful shutdown, then SIGKILL if it has not stopped within 15 s. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL: the process gets no chance to finish anything. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The operating system's id of the running process, e.g. to freeze it (SIGSTOP) as a hanging dependency. */
    public synchronized long pid() {
        if (!isAlive()) {
            throw new IllegalStateException(name + " is not running");
        }
        return process.pid();
    }

    @Override
    public void close() {
        stop();
    }

    public String name() {
        return name;
    }

    public int grpcPort() {
        return grpcPort;
    }

    public int httpPort() {
        return httpPort;
    }

    /** {@code 127.0.0.1:<grpc port>}, a gRPC target. */
    public String grpcAddress() {
        return "127.0.0.1:" + grpcPort;
    }

    public Path log() {
        return log;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static final class Builder {

        private final String name;
        private final Path jar;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path logDirectory = Path.of("target", "service-logs").toAbsolutePath();
        private int grpcPort;
        private int httpPort;
        private boolean killOnExit = true;
        private List<String> jvmOptions = QUICK_START;

        private Builder(String name, Path jar) {
            this.name = name;
            this.jar = jar;
        }

        /** Where the service keeps its data: {@code DATASOURCES_DEFAULT_*}. */
        public Builder database(String jdbcUrl, String user, String password) {
            environment.put("DATASOURCES_DEFAULT_URL", jdbcUrl);
            environment.put("DATASOURCES_DEFAULT_USERNAME", user);
            environment.put("DATASOURCES_DEFAULT_PASSWORD", password == null ? "" : password);
            return this;
        }

        public Builder database(TestDatabase.Database database) {
            return database(database.jdbcUrl(), database.user(), database.password());
        }

        /** The HS256 secret that the service verifies tokens with (and mints its own client tokens with). */
        public Builder hs256Secret(String secret) {
            return env("LIVECOMPLY_AUTH_HS256_SECRET", secret);
        }

        public Builder env(String key, String value) {
            environment.put(key, value);
            return this;
        }

        public Builder ports(int grpc, int http) {
            this.grpcPort = grpc;
            this.httpPort = http;
            return this;
        }

        public Builder logDirectory(Path directory) {
            this.logDirectory = directory.toAbsolutePath();
            return this;
        }

        /**
         * JVM options instead of {@link #QUICK_START}, e.g. {@link #PRODUCTION_LIKE} for a benchmark: the
         * defaults start fast and stay small, which is right for tests and the dev run, not for throughput.
         */
        public Builder jvmOptions(List<String> options) {
            this.jvmOptions = List.copyOf(options);
            return this;
        }

        /** For an owner that stops its processes itself on exit, gracefully (the dev run). */
        public Builder stoppedByOwner() {
            this.killOnExit = false;
            return this;
        }

        /** Builds without starting; {@link ServiceProcess#start()} starts (and can start it again after a stop). */
        public ServiceProcess build() {
            return new ServiceProcess(this);
        }
    }
}
