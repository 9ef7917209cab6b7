package org.harbour.startup;

import org.harbour.testdata.SqlAt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 item 1: a server with binary logging on (as every replicated or Galera server, and MySQL 8 by
 * default) and an ordinary account (ALL on Harbour's database, no SUPER). Migrations V20, V25 and V30 create
 * triggers, which such a server refuses such an account: the start stops before the first migration with one
 * line naming log_bin_trust_function_creators; with that set, the same start migrates and serves.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BinaryLoggingStartTest {

    static final Path HOME = Path.of("target", "startup-binlog").toAbsolutePath();
    static final String DATABASE = "harbour";
    static final String USER = "harbour";
    static final String PASSWORD = "binlog-test-db-password-5521";
    static final String JWT_SECRET = "binlog-test-jwt-secret-0123456789abcdef";

    StartupMariaDb server;

    @BeforeAll
    void startServer() {
        server = StartupMariaDb.startFresh(HOME.resolve("mariadb"), "--log-bin=" + HOME.resolve("mariadb").resolve("binlog"),
                "--server-id=1");
        server.databaseWithAccount(DATABASE, USER, PASSWORD, "ALL");
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void triggersUnderBinaryLoggingStopTheStartWithTheSettingToChangeAndStartOnceItIsSet() throws Exception {
        SqlAt sql = server.sql(DATABASE);
        assertThat(sql.number("SELECT @@log_bin")).isEqualTo(1);
        assertThat(sql.number("SELECT @@log_bin_trust_function_creators")).isZero();

        try (HarbourProcess harbour = start("refused")) {
            String line = OneLineCause.of(harbour, List.of(PASSWORD, JWT_SECRET),
                    "migrations V20, V25, V30, V31 create triggers and this server has binary logging on",
                    "set log_bin_trust_function_creators=1 on the server", "an account that has SUPER");
            assertThat(line).doesNotContain("missing privilege"); // ALL on the database is all it needs besides
        }
        // stopped before the first migration: nothing applied and nothing marked failed, so a restart is all it takes
        assertThat(sql.number("SELECT COUNT(*) FROM flyway_schema_history WHERE version IS NOT NULL")).isZero();

        server.asRoot("SET GLOBAL log_bin_trust_function_creators = 1;");
        try (HarbourProcess harbour = start("trusted")) {
            harbour.awaitHealthy(Duration.ofMinutes(4));
            assertThat(harbour.events()).noneMatch(e -> e.path("level").asText().equals("ERROR"));
        }
        assertThat(sql.number("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL"))
                .isEqualTo(migrationFiles());
        assertThat(sql.number("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0")).isZero();
        assertThat(sql.number("SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?", DATABASE))
                .isEqualTo(13); // V20's and V25's four, V30's three, V31's six
    }

    private HarbourProcess start(String name) {
        return HarbourProcess.start(HOME.resolve(name), Map.of(
                "DATASOURCES_DEFAULT_URL", server.jdbcUrl(DATABASE),
                "DATASOURCES_DEFAULT_USERNAME", USER,
                "DATASOURCES_DEFAULT_PASSWORD", PASSWORD,
                "HARBOUR_JWT_SECRET", JWT_SECRET));
    }

    private static long migrationFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("db", "migration"))) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
    }
}
