package org.harbour.hold;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.MutableClock;
import org.harbour.testdata.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false) // the service commits; HTTP readers must see it
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HoldsTest implements HarbourTest {

    @Inject
    EmbeddedServer server;
    @Inject
    MutableClock clock;
    @Inject
    Holds holds;

    Fixtures fixtures;

    @Override
    public Map<String, String> getProperties() {
        return MutableClock.properties();
    }

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(server.getURI());
    }

    @RepeatedTest(3)
    void twentyCaseworkersRacingForThreeBedsGetExactlyThree() throws Exception {
        var shelter = fixtures.facilityWithBeds(10, 3);
        long historyBefore = historyRows(shelter.programId());
        List<Http> caseworkers = IntStream.range(0, 20).mapToObj(i -> fixtures.caseworker("Outreach " + i)).toList();
        List<Long> clients = caseworkers.stream().map(Fixtures::clientOf).toList();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> results = IntStream.range(0, 20).mapToObj(i -> pool.submit(() -> {
                start.await();
                return caseworkers.get(i).post("/api/programs/" + shelter.programId() + "/holds",
                        Map.of("clientId", clients.get(i), "minutes", 30)).status();
            })).toList();
            start.countDown(); // all twenty go at once
            List<Integer> statuses = results.stream().map(HoldsTest::get).toList();
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(17);
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixtures.admin().get("/api/programs/" + shelter.programId() + "/availability").map())
                .containsEntry("held", 3).containsEntry("bookable", 0).containsEntry("available", 3);
        // a lost race leaves nothing behind: no hold, no history row, no event
        assertThat(Sql.number("SELECT COUNT(*) FROM holds WHERE program_id = ?", shelter.programId())).isEqualTo(3);
        assertThat(historyRows(shelter.programId())).isEqualTo(historyBefore + 3);
        assertThat(Sql.number("SELECT COUNT(*) FROM events WHERE program_id = ? AND type = 'hold.created'",
                shelter.programId())).isEqualTo(3);
    }

    private static long historyRows(long programId) {
        return Sql.number("SELECT COUNT(*) FROM availability_history WHERE program_id = ?", programId);
    }

    @Test
    void anExpiredHoldGivesItsBedBack() {
        var shelter = fixtures.facilityWithBeds(4, 1);
        Http caseworker = fixtures.caseworker("Outreach expiry");
        Http.Reply hold = caseworker.post("/api/programs/" + shelter.programId() + "/holds",
                Map.of("clientId", Fixtures.clientOf(caseworker), "minutes", 15));
        assertThat(hold.status()).isEqualTo(201);
        assertThat(caseworker.post("/api/programs/" + shelter.programId() + "/holds",
                Map.of("clientId", Fixtures.clientOf(caseworker))).status()).isEqualTo(409);

        clock.advance(Duration.ofMinutes(14));
        holds.expireDue();
        assertThat(bookable(shelter.programId())).isZero();

        clock.advance(Duration.ofMinutes(2));
        assertThat(holds.expireDue()).isGreaterThanOrEqualTo(1);
        assertThat(bookable(shelter.programId())).isEqualTo(1);
        assertThat(caseworker.delete("/api/holds/" + hold.id()).status()).isEqualTo(409);
    }

    @Test
    void releasingGivesTheBedBackOnceAndOnlyToTheOwningOrganization() {
        var shelter = fixtures.facilityWithBeds(4, 2);
        Http owner = fixtures.caseworker("Outreach owner");
        long holdId = owner.post("/api/programs/" + shelter.programId() + "/holds",
                Map.of("clientId", Fixtures.clientOf(owner), "minutes", 30)).id();

        assertThat(fixtures.caseworker("Another org").delete("/api/holds/" + holdId).status()).isEqualTo(404);
        assertThat(owner.delete("/api/holds/" + holdId).status()).isEqualTo(204);
        assertThat(owner.delete("/api/holds/" + holdId).status()).isEqualTo(409);
        assertThat(bookable(shelter.programId())).isEqualTo(2);
    }

    /** An ADMIN has no organization: her hold for nobody counts against none (found by the bad-input property test). */
    @Test
    void anAdminWithoutAnOrganizationMayHoldABedForNobodyAndGiveItBack() {
        var shelter = fixtures.facilityWithBeds(4, 2);
        Http.Reply held = fixtures.admin().post("/api/programs/" + shelter.programId() + "/holds", Map.of("minutes", 30));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(bookable(shelter.programId())).isEqualTo(1);
        assertThat(fixtures.admin().delete("/api/holds/" + held.id()).status()).isEqualTo(204);
        assertThat(bookable(shelter.programId())).isEqualTo(2);
    }

    @Test
    void badHoldRequestsAreRefusedAndChangeNothing() {
        var shelter = fixtures.facilityWithBeds(4, 2);
        Http caseworker = fixtures.caseworker("Outreach bad input");
        String path = "/api/programs/" + shelter.programId() + "/holds";
        long client = Fixtures.clientOf(caseworker);
        assertThat(caseworker.post(path, Map.of("clientId", client, "minutes", 14)).status()).isEqualTo(422);
        assertThat(caseworker.post(path, Map.of("clientId", client, "minutes", 241)).status()).isEqualTo(422);
        assertThat(caseworker.post(path, "{\"minutes\": \"soon\"}").status()).isEqualTo(400);
        assertThat(caseworker.post("/api/programs/987654321/holds", Map.of("clientId", client)).status()).isEqualTo(404);
        assertThat(caseworker.post(path, Map.of("clientId", 987654321)).status()).isEqualTo(404);
        assertThat(fixtures.funder().post(path, Map.of()).status()).isEqualTo(403);
        assertThat(fixtures.staffOf(shelter.id()).post(path, Map.of()).status()).isEqualTo(403);
        assertThat(bookable(shelter.programId())).isEqualTo(2);
    }

    private int bookable(long programId) {
        return ((Number) fixtures.admin().get("/api/programs/" + programId + "/availability").map().get("bookable")).intValue();
    }

    private static Integer get(Future<Integer> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
