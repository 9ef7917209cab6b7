package org.harbour.backup;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.harbour.platform.EmbeddedDatabase;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.LiveClient;
import org.harbour.testdata.PrivateDatabase;
import org.harbour.testdata.SqlAt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 7 item 8: the backup and restore the README documents, run on the real schema. Data goes in through
 * the API, mariadb-dump --single-transaction takes it out, the mariadb client restores it into a fresh
 * server, Flyway validates the restored schema, and a Harbour started on it shows the same clients,
 * placements, counts and events, and carries on writing.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow")
class BackupRestoreTest implements HarbourTest {

    PrivateDatabase source;
    PrivateDatabase restored;
    EmbeddedServer restoredServer;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        if (source == null) {
            source = PrivateDatabase.fresh("backup-source-mariadb");
        }
        return source.harbourProperties();
    }

    @AfterAll
    void stopEverything() {
        if (restoredServer != null) {
            restoredServer.getApplicationContext().close();
        }
        if (restored != null) {
            restored.stop();
        }
        server.getApplicationContext().close();
        source.stop();
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aDumpRestoredIntoAFreshServerIsTheSameHarbour() throws Exception {
        Fixtures fixtures = new Fixtures(server.getURI());
        String organization = Fixtures.unique("Backup Outreach");
        String caseworkerName = fixtures.createUser("CASEWORKER", organization);
        Http caseworker = Http.at(server.getURI()).login(caseworkerName, Fixtures.PASSWORD);
        List<Long> clients = fill(fixtures, caseworker);

        Path dump = Files.createDirectories(Path.of("target", "backup")).resolve("harbour.sql").toAbsolutePath();
        long dumpStart = System.nanoTime();
        // the README's backup command
        run(List.of(source.binDir().resolve("mariadb-dump").toString(), "--no-defaults", "--skip-ssl",
                "-h", "127.0.0.1", "-P", String.valueOf(source.port()), "-u", EmbeddedDatabase.USER,
                "--single-transaction", "--routines", "--triggers", "--databases", EmbeddedDatabase.DATABASE,
                "--result-file=" + dump), null);
        run(withoutDefiners(dump), null);
        long dumpMillis = (System.nanoTime() - dumpStart) / 1_000_000;

        if (restored == null) {
            restored = PrivateDatabase.fresh("backup-restored-mariadb");
        }
        long restoreStart = System.nanoTime();
        // the README's restore command
        run(List.of(restored.binDir().resolve("mariadb").toString(), "--no-defaults", "--skip-ssl",
                "-h", "127.0.0.1", "-P", String.valueOf(restored.port()), "-u", EmbeddedDatabase.USER), dump);
        long restoreMillis = (System.nanoTime() - restoreStart) / 1_000_000;

        // the restored schema is exactly what the migrations build: Flyway validates it (checksums and all)
        Flyway.configure().dataSource(restored.jdbcUrl(), EmbeddedDatabase.USER, "")
                .locations("classpath:db/migration").load().validate();

        SqlAt before = source.sql();
        SqlAt after = restored.sql();
        Map<String, Long> sourceCounts = tableCounts(before);
        assertThat(tableCounts(after)).isEqualTo(sourceCounts);
        for (String table : List.of("clients", "placements", "holds", "events", "waitlist_entries", "bed_requests",
                "availability", "availability_history", "audit_log", "users")) {
            assertThat(after.rows("SELECT * FROM " + table + " ORDER BY 1")).as(table)
                    .isEqualTo(before.rows("SELECT * FROM " + table + " ORDER BY 1"));
        }
        // the audit log's append-only triggers came back with it
        assertThatThrownBy(() -> after.update("UPDATE audit_log SET action = 'REWRITTEN'"))
                .hasRootCauseMessage("audit_log is append-only");
        assertThatThrownBy(() -> after.update("DELETE FROM audit_log"))
                .hasRootCauseMessage("audit_log is append-only");
        long rows = sourceCounts.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("BACKUP: %d tables, %d rows dumped in %d ms (%d bytes) and restored into a fresh server in %d ms%n",
                sourceCounts.size(), rows, dumpMillis, Files.size(dump), restoreMillis);

        // a Harbour on the restored database: same users, clients, placements, counts and events
        restoredServer = ApplicationContext.run(EmbeddedServer.class, Map.copyOf(restored.harbourProperties()));
        Http caseworkerAfter = Http.at(restoredServer.getURI()).login(caseworkerName, Fixtures.PASSWORD);
        assertThat(caseworkerAfter.get("/api/clients").body()).isEqualTo(caseworker.get("/api/clients").body());
        for (long client : clients) {
            assertThat(caseworkerAfter.get("/api/clients/" + client + "/placements").map())
                    .isEqualTo(caseworker.get("/api/clients/" + client + "/placements").map());
        }
        Http adminAfter = Http.at(restoredServer.getURI()).as(fixtures.admin().token());
        assertThat(withoutStale(adminAfter.get("/api/availability").list()))
                .isEqualTo(withoutStale(fixtures.admin().get("/api/availability").list()));
        long lastSeq = before.number("SELECT MAX(seq) FROM events");
        try (LiveClient live = LiveClient.connect(restoredServer.getURI(), adminAfter.token(), null)) {
            assertThat(LiveClient.seq(live.next(Duration.ofSeconds(20)))).isEqualTo(lastSeq);
            // and it carries on: a new change gets the next seq
            long program = after.number("SELECT MIN(program_id) FROM availability");
            assertThat(adminAfter.put("/api/programs/" + program + "/availability", Map.of("available", 1)).status()).isEqualTo(200);
            assertThat(LiveClient.seq(live.next(Duration.ofSeconds(20)))).isGreaterThan(lastSeq);
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aDumpTakenWhileHarbourWritesIsConsistent() throws Exception {
        Fixtures fixtures = new Fixtures(server.getURI());
        Http admin = fixtures.admin();
        List<Long> programs = List.of(fixtures.facilityWithBeds(50, 50).programId(), fixtures.facilityWithBeds(50, 50).programId());
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger writes = new AtomicInteger();
        Thread writer = new Thread(() -> {
            for (int n = 0; writing.get(); n++) { // holds taken and given back: counts, history, holds, events per change
                long program = programs.get(n % 2);
                Http.Reply hold = admin.post("/api/programs/" + program + "/holds", Map.of("minutes", 30));
                if (hold.status() == 201 && n % 3 != 0) {
                    admin.delete("/api/holds/" + hold.id());
                }
                writes.incrementAndGet();
            }
        }, "backup-writer");
        writer.start();
        try {
            while (writes.get() < 20) {
                Thread.sleep(50);
            }
            Path dump = Path.of("target", "backup", "harbour-live.sql").toAbsolutePath();
            run(List.of(source.binDir().resolve("mariadb-dump").toString(), "--no-defaults", "--skip-ssl",
                    "-h", "127.0.0.1", "-P", String.valueOf(source.port()), "-u", EmbeddedDatabase.USER,
                    "--single-transaction", "--routines", "--triggers", EmbeddedDatabase.DATABASE, "--result-file=" + dump), null);
            run(withoutDefiners(dump), null);
            int during = writes.get();
            if (restored == null) {
                restored = PrivateDatabase.fresh("backup-restored-mariadb");
            }
            List<String> client = List.of(restored.binDir().resolve("mariadb").toString(), "--no-defaults", "--skip-ssl",
                    "-h", "127.0.0.1", "-P", String.valueOf(restored.port()), "-u", EmbeddedDatabase.USER);
            List<String> create = new ArrayList<>(client);
            create.addAll(List.of("-e", "CREATE DATABASE harbour_live"));
            run(create, null);
            List<String> restore = new ArrayList<>(client);
            restore.add("harbour_live");
            run(restore, dump);

            String url = restored.jdbcUrl().replace("/harbour?", "/harbour_live?");
            SqlAt live = new SqlAt(url, EmbeddedDatabase.USER, "");
            // one snapshot: every change in it whole, with its holds, history and events
            assertThat(live.rows("""
                    SELECT a.program_id FROM availability a
                     WHERE a.held <> (SELECT COUNT(*) FROM holds h WHERE h.program_id = a.program_id AND h.status = 'ACTIVE')
                    """)).as("held counts without their holds").isEmpty();
            assertThat(live.rows("""
                    SELECT a.program_id FROM availability a WHERE NOT EXISTS (SELECT 1 FROM availability_history h
                     WHERE h.program_id = a.program_id AND h.version = a.version)
                    """)).as("counts without history").isEmpty();
            assertThat(live.rows("""
                    SELECT h.program_id, COUNT(*) AS changes,
                           (SELECT COUNT(*) FROM events e WHERE e.type = 'availability.changed' AND e.program_id = h.program_id) AS events
                      FROM availability_history h GROUP BY h.program_id HAVING changes <> events
                    """)).as("history without events").isEmpty();
            assertThat(live.number("""
                    SELECT COUNT(*) FROM holds h WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.type = 'hold.created'
                       AND CAST(JSON_VALUE(e.payload, '$.holdId') AS UNSIGNED) = h.id)
                    """)).as("holds without events").isZero();
            Flyway.configure().dataSource(url, EmbeddedDatabase.USER, "").locations("classpath:db/migration").load().validate();
            System.out.printf("BACKUP: a dump taken while writes went on (%d of them by its end) restored consistent: %d holds, %d events%n",
                    during, live.number("SELECT COUNT(*) FROM holds"), live.number("SELECT COUNT(*) FROM events"));
        } finally {
            writing.set(false);
            writer.join(30_000);
        }
    }

    /** Counts, placements (one ended), holds, a waitlist and searches: a bit of everything a backup must keep. */
    private static List<Long> fill(Fixtures fixtures, Http caseworker) {
        List<Long> programs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            programs.add(fixtures.facilityWithBeds(10, 6).programId());
        }
        List<Long> clients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            clients.add(created(caseworker.post("/api/clients", Map.of("alias", Fixtures.unique("BK"), "birthYear", 1990 + i,
                    "needs", Map.of()))));
        }
        long placement = created(caseworker.post("/api/placements", Map.of("clientId", clients.get(0), "programId", programs.get(0))));
        assertThat(caseworker.post("/api/placements/" + placement + "/end", Map.of("reason", "HOUSED")).status()).isEqualTo(200);
        created(caseworker.post("/api/placements", Map.of("clientId", clients.get(1), "programId", programs.get(1))));
        created(caseworker.post("/api/programs/" + programs.get(2) + "/holds", Map.of("clientId", clients.get(2), "minutes", 60)));
        long full = fixtures.facilityWithBeds(1, 0).programId();
        created(caseworker.post("/api/waitlist", Map.of("clientId", clients.get(3), "programId", full)));
        created(caseworker.post("/api/bed-requests", Map.of("clientId", clients.get(4), "needs", Map.of())));
        return clients;
    }

    private static List<Map<String, Object>> withoutStale(List<Map<String, Object>> views) {
        return views.stream().map(v -> {
            Map<String, Object> copy = new LinkedHashMap<>(v);
            copy.remove("stale");
            return copy;
        }).toList();
    }

    private static Map<String, Long> tableCounts(SqlAt sql) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map<String, Object> row : sql.rows("SELECT table_name AS t FROM information_schema.tables "
                + "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            String table = (String) row.get("t");
            counts.put(table, sql.number("SELECT COUNT(*) FROM `" + table + "`"));
        }
        return counts;
    }

    private static long created(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.id();
    }

    /**
     * The README's step between dump and restore: a trigger's DEFINER names the account that ran the
     * migrations, which the server restored into may not have (the embedded one has no accounts at
     * all); without it the account restoring becomes the definer.
     */
    private static List<String> withoutDefiners(Path dump) {
        return List.of("sed", "-i", "-e", "s#/\\*!50017 DEFINER=[^*]*\\*/##", dump.toString());
    }

    private static void run(List<String> command, Path input) throws IOException, InterruptedException {
        Path log = Path.of("target", "backup", Path.of(command.get(0)).getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (input != null) {
            builder.redirectInput(input.toFile());
        }
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command.get(0)).isTrue();
        assertThat(process.exitValue()).as("%s: %s", command.get(0), Files.readString(log)).isZero();
    }
}
