package org.harbour.bench;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.LiveClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * End-to-end latencies through the real HTTP and WebSocket stack on the test MariaDB, printed as
 * median / p99 / max. Not part of the suite (its name does not end in Test); run it with
 * {@code mvn -q -B -Pbench test -DskipTests=false -Dtest=LatencyBenchmark -Dui.skip=true} and read
 * target/surefire-reports/org.harbour.bench.LatencyBenchmark-output.txt.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LatencyBenchmark implements HarbourTest {

    private static final int WARM_UP = 20;

    @Inject
    EmbeddedServer server;

    @Test
    void updateToPushBedRequestsAndHolds() throws Exception {
        Fixtures fixtures = new Fixtures(server.getURI());
        var shelter = fixtures.facilityWithBeds(100, 0);
        String counts = "/api/programs/" + shelter.programId() + "/availability";
        String holds = "/api/programs/" + shelter.programId() + "/holds";

        Http staff = fixtures.staffOf(shelter.id());
        List<Long> push = new ArrayList<>();
        try (LiveClient live = LiveClient.connect(server.getURI(), staff.token(), null)) {
            live.next(Duration.ofSeconds(5)); // the snapshot
            for (int i = 0; i < 200 + WARM_UP; i++) {
                int available = i % 90;
                long start = System.nanoTime();
                staff.put(counts, Map.of("available", available));
                live.awaitMatching(m -> isChangeTo(m, shelter.programId(), available), Duration.ofSeconds(5));
                record(push, i, System.nanoTime() - start);
            }
        }
        fixtures.admin().put(counts, Map.of("available", 90));

        Http caseworker = fixtures.caseworker("Benchmark outreach");
        List<Long> search = new ArrayList<>();
        for (int i = 0; i < 100 + WARM_UP; i++) {
            long start = System.nanoTime();
            caseworker.post("/api/bed-requests", Map.of("needs", Map.of("gender", "WOMAN", "age", 30)));
            record(search, i, System.nanoTime() - start);
        }

        List<Long> singleHold = new ArrayList<>();
        long client = Fixtures.clientOf(caseworker);
        for (int i = 0; i < 50 + WARM_UP; i++) {
            long start = System.nanoTime();
            long holdId = caseworker.post(holds, Map.of("clientId", client, "minutes", 15)).id();
            record(singleHold, i, System.nanoTime() - start);
            caseworker.delete("/api/holds/" + holdId);
        }

        List<Long> racingHolds = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<?>> caseworkers = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            Http each = fixtures.caseworker("Benchmark outreach " + c);
            long eachClient = Fixtures.clientOf(each);
            caseworkers.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    long start = System.nanoTime();
                    long holdId = each.post(holds, Map.of("clientId", eachClient, "minutes", 15)).id();
                    racingHolds.add(System.nanoTime() - start);
                    each.delete("/api/holds/" + holdId);
                }
            }));
        }
        for (Future<?> caseworkerDone : caseworkers) {
            caseworkerDone.get();
        }
        pool.shutdown();

        System.err.println("BENCH update -> WebSocket push (PUT sent to message received) " + stats(push));
        System.err.println("BENCH bed request, one caseworker " + stats(search));
        System.err.println("BENCH hold, one caseworker " + stats(singleHold));
        System.err.println("BENCH hold, 20 caseworkers on one program " + stats(racingHolds));
    }

    private static boolean isChangeTo(Map<String, Object> message, long programId, int available) {
        if (!"availability.changed".equals(message.get("type"))) {
            return false;
        }
        Map<?, ?> counts = (Map<?, ?>) message.get("availability");
        return ((Number) counts.get("programId")).longValue() == programId
                && ((Number) counts.get("available")).intValue() == available;
    }

    private static void record(List<Long> samples, int iteration, long nanos) {
        if (iteration >= WARM_UP) {
            samples.add(nanos);
        }
    }

    static String stats(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int p99 = (int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1);
        return String.format("n=%d median=%.2f ms p99=%.2f ms max=%.2f ms", sorted.size(),
                sorted.get(sorted.size() / 2) / 1e6, sorted.get(p99) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
    }
}
