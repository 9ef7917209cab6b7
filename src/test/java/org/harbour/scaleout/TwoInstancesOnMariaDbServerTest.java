package org.harbour.scaleout;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.LiveClient;
import org.harbour.testdata.SqlAt;
import org.harbour.testdata.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7 item 7: two Harbour instances, as behind a load balancer, on one external MariaDB server (the
 * distribution's mariadbd 10.11, with its own data folder, port and socket; the migrations run there
 * too). Holds race for the last beds through both: no overbooking. Listeners on both instances get every
 * event, once, in order.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow")
class TwoInstancesOnMariaDbServerTest implements HarbourTest {

    static final int ROUNDS = 3;
    static final int BEDS = 5;
    static final int RACERS = 16;
    static final Duration WAIT = Duration.ofSeconds(30);

    MariaDbServer database;
    Map<String, String> properties;

    @Inject
    EmbeddedServer a;

    EmbeddedServer b;
    Fixtures fixtures;
    Http admin;

    @Override
    public Map<String, String> getProperties() {
        if (properties != null) {
            return properties;
        }
        database = MariaDbServer.startFresh(Path.of("target", "scaleout-mariadb").toAbsolutePath());
        // with TestDatabase.JWT_SECRET: the one secret every instance shares
        properties = Map.copyOf(TestDatabase.propertiesFor(database.jdbcUrl(), MariaDbServer.USER, MariaDbServer.PASSWORD,
                Map.of("harbour.database.embedded", "false")));
        return properties;
    }

    @BeforeAll
    void startSecondInstance() {
        b = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(properties)); // same database, same secret
        fixtures = new Fixtures(a.getURI());
        admin = fixtures.admin();
    }

    @AfterAll
    void stopEverything() {
        try {
            if (b != null) {
                b.getApplicationContext().close();
            }
        } finally {
            if (database != null) {
                a.getApplicationContext().close(); // the pool goes before the server it talks to
                database.close();
            }
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void holdsRacingThroughBothInstancesNeverOverbookAndBothDeliverEveryEvent() throws Exception {
        String caseworkerName = fixtures.createUser("CASEWORKER", Fixtures.unique("Scale Outreach"));
        Http caseworkerA = Http.at(a.getURI()).login(caseworkerName, Fixtures.PASSWORD);
        Http caseworkerB = Http.at(b.getURI()).as(caseworkerA.token()); // a token signed by A works on B
        long sentinel = fixtures.facilityWithBeds(3, 0).programId();
        SqlAt sql = new SqlAt(database.jdbcUrl(), MariaDbServer.USER, MariaDbServer.PASSWORD);
        System.out.println("SCALE-OUT: MariaDB server " + database.version());
        // both instances ran Flyway against it (the second found nothing to do): every migration applied
        assertThat(sql.number("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL"))
                .isGreaterThanOrEqualTo(15);
        assertThat(sql.number("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0")).isZero();

        List<LiveClient> listeners = new ArrayList<>();
        List<Long> snapshots = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            for (var instance : List.of(a.getURI(), a.getURI(), b.getURI(), b.getURI())) {
                LiveClient listener = LiveClient.connect(instance, admin.token(), null);
                snapshots.add(LiveClient.seq(listener.next(WAIT)));
                listeners.add(listener);
            }

            int raced = 0;
            int won = 0;
            for (int round = 0; round < ROUNDS; round++) {
                long program = fixtures.facilityWithBeds(BEDS, BEDS).programId();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < RACERS; i++) {
                    Http through = i % 2 == 0 ? caseworkerA : caseworkerB;
                    long client = Fixtures.clientOf(through);
                    answers.add(pool.submit(() -> {
                        start.await();
                        return through.post("/api/programs/" + program + "/holds",
                                Map.of("clientId", client, "minutes", 30)).status();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get(60, TimeUnit.SECONDS));
                }
                assertThat(statuses).as("round %d", round).containsOnly(201, 409);
                assertThat(statuses.stream().filter(s -> s == 201)).as("round %d: one hold per bed", round).hasSize(BEDS);
                assertThat(sql.number("SELECT COUNT(*) FROM holds WHERE program_id = ? AND status = 'ACTIVE'", program)).isEqualTo(BEDS);
                assertThat(sql.rows("SELECT available, held FROM availability WHERE program_id = ?", program))
                        .containsExactly(Map.of("available", BEDS, "held", BEDS));
                raced += RACERS;
                won += BEDS;
            }

            assertThat(admin.put("/api/programs/" + sentinel + "/availability", Map.of("available", 1)).status()).isEqualTo(200);
            long sentinelSeq = sql.number("SELECT MAX(seq) FROM events WHERE program_id = ?", sentinel);
            long first = snapshots.stream().mapToLong(Long::longValue).min().orElseThrow();
            List<Long> committed = sql.numbers(
                    "SELECT seq FROM events WHERE organization_id IS NULL AND seq > ? AND seq <= ? ORDER BY seq", first, sentinelSeq);
            for (int i = 0; i < listeners.size(); i++) {
                long snapshot = snapshots.get(i);
                List<Long> received = new ArrayList<>();
                long seq;
                do {
                    seq = LiveClient.seq(listeners.get(i).next(WAIT));
                    received.add(seq);
                } while (seq < sentinelSeq);
                assertThat(received).as("listener %d on instance %s", i, i < 2 ? "A" : "B")
                        .containsExactlyElementsOf(committed.stream().filter(s -> s > snapshot).toList());
            }
            System.out.printf("SCALE-OUT: %d holds raced for %d beds over %d rounds through 2 instances, %d won;"
                    + " %d events checked on each of %d listeners (2 per instance)%n",
                    raced, ROUNDS * BEDS, ROUNDS, won, committed.size(), listeners.size());
        } finally {
            pool.shutdownNow();
            listeners.forEach(LiveClient::close);
        }
    }
}
