package org.harbour.faults;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.LiveClient;
import org.harbour.testdata.MutableClock;
import org.harbour.testdata.PrivateDatabase;
import org.harbour.testdata.SqlAt;
import org.harbour.testdata.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7 item 6: the database crashes under load and comes back. Requests fail fast with 503 and
 * Retry-After, /health says DOWN, the service heals on its own, nothing committed is lost, nothing
 * half-written appears, live clients resume without a gap, and what expired meanwhile is handled.
 * The database is this class's own, so crashing it leaves every other test class alone.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow")
class DatabaseOutageTest implements HarbourTest {

    static final long FAIL_FAST_MILLIS = 3_000;
    static final Duration RECOVERY_LIMIT = Duration.ofSeconds(10);
    static final Duration OUTAGE = Duration.ofSeconds(7); // longer than the 5 s user cache: every path meets the outage
    static final Duration WAIT = Duration.ofSeconds(20);

    PrivateDatabase database;

    @Inject
    EmbeddedServer server;
    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        database = PrivateDatabase.fresh("faults-mariadb");
        return database.harbourProperties(Map.of("harbour.test.mutable-clock", "true",
                "harbour.hold-expiry-interval", "1s", // the service's own job must catch up after the outage
                // the replay that resumes a client is limited to half the outbox (1,000 by default): on a fast run the
                // load writes more than 500 events between a drop and the reconnect, and the resume becomes a snapshot,
                // which is right for the service but not what this test looks at (exactly once, in order)
                "harbour.live.outbox-limit", "20000"));
    }

    @AfterAll
    void stopDatabase() {
        if (database != null) {
            database.stop();
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void theDatabaseCrashesUnderLoadAndTheServiceHealsWithNothingLost() throws Exception {
        Fixtures fixtures = new Fixtures(server.getURI());
        Http admin = fixtures.admin();
        Http caseworker = fixtures.caseworker(Fixtures.unique("Outage Outreach"));
        SqlAt sql = database.sql();

        List<Long> countPrograms = IntStream.range(0, 3).mapToObj(i -> fixtures.facilityWithBeds(20, 10).programId()).toList();
        long holdProgram = fixtures.facilityWithBeds(100, 100).programId();
        long placementProgram = fixtures.facilityWithBeds(100, 100).programId();
        long sentinel = fixtures.facilityWithBeds(5, 0).programId();

        // a hold and a waitlist offer that will run out while the database is down
        long expiringProgram = fixtures.facilityWithBeds(2, 2).programId();
        long heldFor = client(caseworker);
        long expiringHold = created(caseworker.post("/api/programs/" + expiringProgram + "/holds",
                Map.of("clientId", heldFor, "minutes", 15)));
        long offerProgram = fixtures.facilityWithBeds(1, 0).programId();
        long first = created(caseworker.post("/api/waitlist", Map.of("clientId", client(caseworker), "programId", offerProgram)));
        long second = created(caseworker.post("/api/waitlist", Map.of("clientId", client(caseworker), "programId", offerProgram)));
        assertThat(admin.put("/api/programs/" + offerProgram + "/availability", Map.of("available", 1)).status()).isEqualTo(200);
        assertThat(entryStatus(sql, first)).isEqualTo("OFFERED");

        OutageLoad load = new OutageLoad(admin, caseworker, countPrograms, holdProgram, placementProgram);
        try (ResumingListener staying = new ResumingListener(server.getURI(), admin.token());
             ResumingListener dropping = new ResumingListener(server.getURI(), admin.token())) {
            long firstSeq = Math.min(staying.snapshotSeq(), dropping.snapshotSeq());
            load.start();
            Thread.sleep(3_000);

            // the crash
            database.crash();
            long down = System.nanoTime();
            dropping.drop();
            // it starts reconnecting at once, as the dashboard does, and keeps trying through the outage
            var resuming = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return dropping.reconnect(Duration.ofMillis(1_500), Duration.ofSeconds(60));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            clock.advance(Duration.ofHours(3)); // the hold (15 min) and the offer (2 h) run out meanwhile
            Thread.sleep(1_500);
            long healthStart = System.nanoTime();
            Http.Reply health = fixtures.anonymous().get("/health");
            long healthMillis = (System.nanoTime() - healthStart) / 1_000_000;
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.map()).isEqualTo(Map.of("status", "DOWN"));
            Http.Reply login = fixtures.anonymous().post("/api/login",
                    Map.of("username", TestDatabase.ADMIN_USERNAME, "password", TestDatabase.ADMIN_PASSWORD));
            assertThat(login.status()).as(login.body()).isEqualTo(503);
            Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - down) / 1_000_000));

            // the database comes back on the same port with the same data
            long restartBegins = System.nanoTime();
            database.restart();
            long up = System.nanoTime();
            Duration healthBack = awaitHealthy(fixtures.anonymous());
            Duration writesBack = awaitWrite(load, up);
            Duration resumed = resuming.get(60, TimeUnit.SECONDS);
            Thread.sleep(2_000);
            load.stop();

            // the picture
            List<OutageLoad.Call> calls = load.calls();
            List<OutageLoad.Call> inOutage = calls.stream()
                    .filter(c -> c.startNanos() > down + 200_000_000L && c.endNanos() < restartBegins).toList();
            long slowest = inOutage.stream().mapToLong(OutageLoad.Call::millis).max().orElse(-1);
            System.out.printf("OUTAGE: %d calls in all, %d during the outage (%d s): slowest %d ms, /health DOWN in %d ms;"
                            + " restart took %d ms; /health UP %d ms and the first write %d ms after the database was back;"
                            + " the dropped live client resumed %d ms after it dropped (%d attempts)%n",
                    calls.size(), inOutage.size(), OUTAGE.toSeconds(), slowest, healthMillis,
                    (up - restartBegins) / 1_000_000, healthBack.toMillis(), writesBack.toMillis(),
                    resumed.toMillis(), dropping.attempts());

            var statuses = new java.util.TreeMap<>(calls.stream().collect(
                    java.util.stream.Collectors.groupingBy(OutageLoad.Call::status, java.util.stream.Collectors.counting())));
            System.out.println("OUTAGE: answers by status " + statuses);
            // whatever the moment it met the crash, a call got its answer or a 503: never a 500
            assertThat(statuses.keySet()).as("statuses").allMatch(s -> (s >= 200 && s < 300) || s == 503);
            // fail fast with 503 problem+json and Retry-After
            assertThat(inOutage).hasSizeGreaterThan(10);
            assertThat(inOutage).allSatisfy(c -> {
                assertThat(c.status()).as("%s during the outage", c).isEqualTo(503);
                assertThat(c.contentType()).as("%s", c).startsWith("application/problem+json");
                assertThat(c.retryAfter()).as("%s", c).isNotBlank();
                assertThat(c.millis()).as("%s answered fast", c).isLessThan(FAIL_FAST_MILLIS);
            });
            assertThat(healthMillis).isLessThan(FAIL_FAST_MILLIS);
            // heals on its own
            assertThat(healthBack).isLessThan(RECOVERY_LIMIT);
            assertThat(writesBack).isLessThan(RECOVERY_LIMIT);

            assertNothingCommittedIsLost(sql, calls);
            assertNothingHalfWritten(sql, List.of(holdProgram, placementProgram));
            assertExpiredWhileDownIsHandled(sql, expiringProgram, expiringHold, first, second);

            // every event exactly once, in order, on both the client that stayed and the one that resumed
            Thread.sleep(500);
            assertThat(admin.put("/api/programs/" + sentinel + "/availability", Map.of("available", 1)).status()).isEqualTo(200);
            long sentinelSeq = sql.number("SELECT MAX(seq) FROM events WHERE type = 'availability.changed' AND program_id = ?", sentinel);
            for (ResumingListener listener : List.of(staying, dropping)) {
                listener.readUntil(m -> LiveClient.seq(m) == sentinelSeq, WAIT);
            }
            List<Long> committed = sql.numbers("SELECT seq FROM events WHERE organization_id IS NULL AND seq > ? AND seq <= ? ORDER BY seq",
                    firstSeq, sentinelSeq);
            System.out.printf("OUTAGE: %d events checked on each of 2 live clients%n", committed.size());
            for (ResumingListener listener : List.of(staying, dropping)) {
                assertThat(listener.received()).as(listener == staying ? "the client that stayed" : "the client that resumed")
                        .extracting(m -> m.get("type")).doesNotContain("snapshot");
                assertThat(listener.received().stream().map(LiveClient::seq).toList()).as("seqs received")
                        .containsExactlyElementsOf(committed.stream().filter(s -> s > listener.snapshotSeq()).toList());
            }
        } finally {
            load.stop();
        }
    }

    private static void assertNothingCommittedIsLost(SqlAt sql, List<OutageLoad.Call> calls) {
        int checked = 0;
        for (OutageLoad.Call c : calls) {
            if (!c.ok()) {
                continue;
            }
            checked++;
            switch (c.kind()) {
                case "count" -> assertThat(sql.number("SELECT COUNT(*) FROM availability_history WHERE program_id = ? AND version = ? AND available = ?",
                        c.programId(), c.id(), c.value())).as("%s", c).isEqualTo(1);
                case "client" -> assertThat(sql.number("SELECT COUNT(*) FROM clients WHERE id = ?", c.id())).as("%s", c).isEqualTo(1);
                case "hold" -> assertThat(sql.number("SELECT COUNT(*) FROM holds WHERE id = ?", c.id())).as("%s", c).isEqualTo(1);
                case "release" -> assertThat(sql.number("SELECT COUNT(*) FROM holds WHERE id = ? AND status = 'RELEASED'", c.id()))
                        .as("%s", c).isEqualTo(1);
                case "placement" -> assertThat(sql.number("SELECT COUNT(*) FROM placements WHERE id = ?", c.id())).as("%s", c).isEqualTo(1);
                case "end" -> assertThat(sql.number("SELECT COUNT(*) FROM placements WHERE id = ? AND status <> 'ACTIVE'", c.id()))
                        .as("%s", c).isEqualTo(1);
                default -> throw new AssertionError(c.kind());
            }
        }
        System.out.printf("OUTAGE: %d acknowledged writes, every one found afterwards%n", checked);
    }

    private static void assertNothingHalfWritten(SqlAt sql, List<Long> fullPrograms) {
        // a bed is held exactly when an active hold says so
        assertThat(sql.rows("""
                SELECT a.program_id, a.held FROM availability a
                 WHERE a.held <> (SELECT COUNT(*) FROM holds h WHERE h.program_id = a.program_id AND h.status = 'ACTIVE')
                """)).as("held counts without their holds").isEmpty();
        // no placement without its bed, no bed taken without a placement or a hold
        for (long program : fullPrograms) {
            assertThat(sql.number("""
                    SELECT a.available + a.held + (SELECT COUNT(*) FROM placements p WHERE p.program_id = a.program_id AND p.status = 'ACTIVE')
                      FROM availability a WHERE a.program_id = ?
                    """, program)).as("beds of program %d", program).isEqualTo(100);
        }
        // every count change has its history row and its event, and every hold and placement its events
        assertThat(sql.rows("""
                SELECT a.program_id FROM availability a WHERE NOT EXISTS (SELECT 1 FROM availability_history h
                 WHERE h.program_id = a.program_id AND h.version = a.version AND h.available = a.available AND h.held = a.held)
                """)).as("counts without history").isEmpty();
        assertThat(sql.rows("""
                SELECT h.program_id, COUNT(*) AS changes,
                       (SELECT COUNT(*) FROM events e WHERE e.type = 'availability.changed' AND e.program_id = h.program_id) AS events
                  FROM availability_history h GROUP BY h.program_id HAVING changes <> events
                """)).as("history rows without their event").isEmpty();
        assertThat(sql.number("""
                SELECT COUNT(*) FROM holds h WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.type = 'hold.created'
                   AND e.program_id = h.program_id AND CAST(JSON_VALUE(e.payload, '$.holdId') AS UNSIGNED) = h.id)
                """)).as("holds without hold.created").isZero();
        assertThat(sql.number("""
                SELECT COUNT(*) FROM holds h WHERE h.status <> 'ACTIVE' AND NOT EXISTS (SELECT 1 FROM events e
                 WHERE e.type = 'hold.released' AND CAST(JSON_VALUE(e.payload, '$.holdId') AS UNSIGNED) = h.id)
                """)).as("ended holds without hold.released").isZero();
        assertThat(sql.rows("""
                SELECT p.program_id, COUNT(*) AS placements, SUM(p.status <> 'ACTIVE') AS ended,
                       (SELECT COUNT(*) FROM events e WHERE e.type = 'placement.started' AND e.program_id = p.program_id) AS started_events,
                       (SELECT COUNT(*) FROM events e WHERE e.type = 'placement.ended' AND e.program_id = p.program_id) AS ended_events
                  FROM placements p GROUP BY p.program_id HAVING placements <> started_events OR ended <> ended_events
                """)).as("placements without their events").isEmpty();
    }

    private void assertExpiredWhileDownIsHandled(SqlAt sql, long expiringProgram, long expiringHold, long first, long second)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && !("OFFERED".equals(entryStatus(sql, second))
                && "EXPIRED".equals(holdStatus(sql, expiringHold)))) {
            Thread.sleep(200);
        }
        assertThat(holdStatus(sql, expiringHold)).isEqualTo("EXPIRED");
        assertThat(sql.number("SELECT held FROM availability WHERE program_id = ?", expiringProgram)).isZero();
        assertThat(entryStatus(sql, first)).as("the first offer ran out").isEqualTo("EXPIRED");
        assertThat(entryStatus(sql, second)).as("and passed on to the next in line").isEqualTo("OFFERED");
    }

    private Duration awaitHealthy(Http anonymous) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < WAIT.toNanos()) {
            if (anonymous.get("/health").status() == 200) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("/health did not come back within " + WAIT);
    }

    private static Duration awaitWrite(OutageLoad load, long up) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < WAIT.toNanos()) {
            var firstOk = load.calls().stream().filter(c -> c.startNanos() >= up && c.ok()).mapToLong(OutageLoad.Call::endNanos).min();
            if (firstOk.isPresent()) {
                return Duration.ofNanos(firstOk.getAsLong() - up);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no write succeeded within " + WAIT + " of the database's return");
    }

    private static long client(Http caseworker) {
        return created(caseworker.post("/api/clients", Map.of("alias", Fixtures.unique("OUT"), "needs", Map.of())));
    }

    private static long created(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.id();
    }

    private static String entryStatus(SqlAt sql, long entry) {
        return (String) sql.rows("SELECT status FROM waitlist_entries WHERE id = ?", entry).get(0).get("status");
    }

    private static String holdStatus(SqlAt sql, long hold) {
        return (String) sql.rows("SELECT status FROM holds WHERE id = ?", hold).get(0).get("status");
    }
}
