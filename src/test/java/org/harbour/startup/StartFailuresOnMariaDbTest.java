package org.harbour.startup;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 item 1 on a real MariaDB server (the distribution's mariadbd, its own port and folder under target/):
 * the jar started against a wrong password, a database that is not there, an account without a privilege the
 * migrations need, a migration history whose checksum was changed, and one that records a failed migration.
 * Each start ends in exactly one line naming the cause and the fix, never the password; a start stopped before
 * migrating has applied nothing, so fixing the cause is all a restart needs.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class StartFailuresOnMariaDbTest {

    static final Path HOME = Path.of("target", "startup-plain").toAbsolutePath();
    static final String PASSWORD = "harbour-db-password-9157";
    static final String JWT_SECRET = "startup-test-jwt-secret-0123456789abcdef";

    StartupMariaDb server;

    @BeforeAll
    void startServer() {
        server = StartupMariaDb.startFresh(HOME.resolve("mariadb"));
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aWrongPasswordIsCredentialsRefusedNamingTheAccountButNeitherPassword() throws Exception {
        server.databaseWithAccount("wrong_password", "wrongpw", PASSWORD, "ALL");
        String wrong = "not-the-password-4242";

        try (HarbourProcess harbour = start("wrong-password", "wrong_password", "wrongpw", wrong)) {
            OneLineCause.of(harbour, List.of(PASSWORD, wrong, JWT_SECRET),
                    "the database at 127.0.0.1:" + server.port() + " refused the credentials of 'wrongpw'@'127.0.0.1'",
                    "DATASOURCES_DEFAULT_PASSWORD");
        }
    }

    @Test
    void aDatabaseThatIsNotThereIsNamedWithTheStatementThatCreatesIt() throws Exception {
        // an account with global privileges hears "unknown database"
        server.asRoot("CREATE USER 'dbowner'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "';"
                + " GRANT ALL ON *.* TO 'dbowner'@'127.0.0.1';");
        try (HarbourProcess harbour = start("missing-database", "no_such_db", "dbowner", PASSWORD)) {
            OneLineCause.of(harbour, List.of(PASSWORD, JWT_SECRET), "database `no_such_db` does not exist on 127.0.0.1:"
                    + server.port(), "CREATE DATABASE `no_such_db`");
        }
        // an ordinary account cannot tell a missing database from one it may not use, and the line says both
        server.databaseWithAccount("someone_elses", "ordinary", PASSWORD, "SELECT");
        try (HarbourProcess harbour = start("not-granted-database", "not_granted", "ordinary", PASSWORD)) {
            OneLineCause.of(harbour, List.of(PASSWORD, JWT_SECRET), "'ordinary'@'127.0.0.1' may not use database `not_granted`",
                    "it does not exist, or the account has no privileges on it", "GRANT ALL ON `not_granted`.*");
        }
    }

    @Test
    void anAccountWithoutTheTriggerPrivilegeIsToldSoBeforeAnyMigrationRuns() throws Exception {
        server.databaseWithAccount("no_trigger", "notrigger", PASSWORD,
                "SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, INDEX, REFERENCES");

        try (HarbourProcess harbour = start("no-trigger", "no_trigger", "notrigger", PASSWORD)) {
            OneLineCause.of(harbour, List.of(PASSWORD, JWT_SECRET),
                    "missing privilege: the database account 'notrigger'@'127.0.0.1' lacks TRIGGER (migration V20)",
                    "GRANT TRIGGER ON `no_trigger`.* TO 'notrigger'@'127.0.0.1'");
        }
        // stopped before the first migration: nothing applied, nothing marked failed
        assertThat(server.sql("no_trigger").number("SELECT COUNT(*) FROM flyway_schema_history WHERE version IS NOT NULL")).isZero();

        server.asRoot("GRANT TRIGGER ON `no_trigger`.* TO 'notrigger'@'127.0.0.1';");
        try (HarbourProcess harbour = start("no-trigger-granted", "no_trigger", "notrigger", PASSWORD)) {
            harbour.awaitHealthy(java.time.Duration.ofMinutes(3));
        }
        assertThat(server.sql("no_trigger").number("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0")).isZero();
        assertThat(server.sql("no_trigger").number("SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = 'no_trigger'"))
                .isEqualTo(13); // V20's and V25's four, V30's three, V31's six
    }

    @Test
    void anAccountThatMayNotWriteAMigratedSchemaIsToldWhichPrivilegeOnWhichTable() throws Exception {
        migrate("read_only");
        server.asRoot("CREATE USER 'reader'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "';"
                + " GRANT SELECT, UPDATE, DELETE ON `read_only`.* TO 'reader'@'127.0.0.1';");

        // nothing to migrate; the first admin is created at start, which needs INSERT
        Map<String, String> env = environment("read_only", "reader", PASSWORD);
        env.put("HARBOUR_ADMIN_USERNAME", "first-admin");
        env.put("HARBOUR_ADMIN_PASSWORD", "first-admin-password-77");
        try (HarbourProcess harbour = HarbourProcess.start(HOME.resolve("read-only"), env)) {
            OneLineCause.of(harbour, List.of(PASSWORD, JWT_SECRET, "first-admin-password-77"),
                    "missing privilege: 'reader'@'127.0.0.1' lacks INSERT on ", "GRANT INSERT ON `read_only`.*");
        }
    }

    @Test
    void aTamperedMigrationChecksumIsNamedWithItsVersion() throws Exception {
        migrate("tampered");
        server.asRoot("CREATE USER 'tampered'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "';"
                + " GRANT ALL ON `tampered`.* TO 'tampered'@'127.0.0.1';");
        long applied = server.sql("tampered").number("SELECT checksum FROM flyway_schema_history WHERE version = '3'");
        server.sql("tampered").update("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '3'");

        try (HarbourProcess harbour = start("tampered", "tampered", "tampered", PASSWORD)) {
            OneLineCause.of(harbour, List.of(PASSWORD, JWT_SECRET), "migration checksum mismatch for V3",
                    "the database applied it with checksum " + (applied + 1), "has checksum " + applied);
        }
    }

    @Test
    void aMigrationMarkedFailedByAnEarlierStartIsNamedWithTheRowToDelete() throws Exception {
        migrate("failed_before");
        server.asRoot("CREATE USER 'failedbefore'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "';"
                + " GRANT ALL ON `failed_before`.* TO 'failedbefore'@'127.0.0.1';");
        // what the start before this fix left behind on a server with binary logging on
        server.sql("failed_before").update("DELETE FROM flyway_schema_history WHERE CAST(version AS UNSIGNED) > 20");
        server.sql("failed_before").update("UPDATE flyway_schema_history SET success = 0 WHERE version = '20'");

        try (HarbourProcess harbour = start("failed-before", "failed_before", "failedbefore", PASSWORD)) {
            OneLineCause.of(harbour, List.of(PASSWORD, JWT_SECRET), "migration V20 failed in an earlier start",
                    "DELETE FROM flyway_schema_history WHERE version = '20' AND success = 0");
        }
    }

    private HarbourProcess start(String name, String database, String user, String password) {
        return HarbourProcess.start(HOME.resolve(name), environment(database, user, password));
    }

    private Map<String, String> environment(String database, String user, String password) {
        Map<String, String> env = new HashMap<>();
        env.put("DATASOURCES_DEFAULT_URL", server.jdbcUrl(database));
        env.put("DATASOURCES_DEFAULT_USERNAME", user);
        env.put("DATASOURCES_DEFAULT_PASSWORD", password);
        env.put("HARBOUR_JWT_SECRET", JWT_SECRET);
        return env;
    }

    /** A database with every migration applied, by the administrator through Flyway itself. */
    private void migrate(String database) {
        server.asRoot("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;");
        Flyway.configure().dataSource(server.jdbcUrl(database), StartupMariaDb.ADMIN, StartupMariaDb.ADMIN_PASSWORD)
                .locations("classpath:db/migration").load().migrate();
    }
}
