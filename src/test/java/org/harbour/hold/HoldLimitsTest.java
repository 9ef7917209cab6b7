package org.harbour.hold;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.Problems;
import org.harbour.testdata.Sql;
import org.harbour.testdata.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Holds are for people: a caseworker's hold names a client, 2 per client, 20 per organization, even in a race. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HoldLimitsTest implements HarbourTest {

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;

    @Override
    public Map<String, String> getProperties() {
        // the shipped defaults (the shared test configuration lifts the organization limit for other classes)
        return TestDatabase.properties(Map.of("harbour.holds.per-organization", "20", "harbour.holds.per-client", "2"));
    }

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(server.getURI());
    }

    @Test
    void aCaseworkersHoldNamesAClientOfHerOrganization() {
        var shelter = fixtures.facilityWithBeds(5, 5);
        Http caseworker = fixtures.caseworker(Fixtures.unique("Limits outreach"));
        String path = "/api/programs/" + shelter.programId() + "/holds";

        Problems.assertInvalidField(caseworker.post(path, Map.of("minutes", 30)), "clientId");
        long othersClient = Fixtures.clientOf(fixtures.caseworker(Fixtures.unique("Other outreach")));
        assertThat(caseworker.post(path, Map.of("clientId", othersClient)).status()).isEqualTo(404);
        assertThat(bookable(shelter.programId())).isEqualTo(5);
    }

    @Test
    void aThirdHoldForOneClientIsRefusedNamingTheLimit() {
        Http caseworker = fixtures.caseworker(Fixtures.unique("Limits outreach"));
        long client = Fixtures.clientOf(caseworker);
        List<Long> programs = IntStream.range(0, 3).mapToObj(i -> fixtures.facilityWithBeds(3, 3).programId()).toList();

        assertThat(hold(caseworker, programs.get(0), client).status()).isEqualTo(201);
        assertThat(hold(caseworker, programs.get(1), client).status()).isEqualTo(201);
        Http.Reply third = hold(caseworker, programs.get(2), client);
        assertThat(Problems.assertProblem(third, 409).get("detail").toString()).contains("limit per client");
        assertThat(bookable(programs.get(2))).isEqualTo(3);
    }

    @RepeatedTest(3)
    void twentyFiveParallelHoldsByOneOrganizationNeverPassItsTwenty() throws Exception {
        var shelter = fixtures.facilityWithBeds(40, 40);
        String organization = Fixtures.unique("Busy outreach");
        List<Http> caseworkers = IntStream.range(0, 5).mapToObj(i -> fixtures.caseworker(organization)).toList();
        List<Long> clients = IntStream.range(0, 25).mapToObj(i -> Fixtures.clientOf(caseworkers.get(i % 5))).toList();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(25);
        List<Http.Reply> replies;
        try {
            List<Future<Http.Reply>> racing = IntStream.range(0, 25).mapToObj(i -> pool.submit(() -> {
                start.await();
                return hold(caseworkers.get(i % 5), shelter.programId(), clients.get(i));
            })).toList();
            start.countDown();
            replies = racing.stream().map(HoldLimitsTest::get).toList();
        } finally {
            pool.shutdownNow();
        }
        assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(20);
        assertThat(replies).filteredOn(r -> r.status() != 201).hasSize(5)
                .allSatisfy(r -> assertThat(Problems.assertProblem(r, 409).get("detail").toString())
                        .contains("its limit of active holds"));
        assertThat(bookable(shelter.programId())).isEqualTo(20);
        assertThat(Sql.number("SELECT COUNT(*) FROM holds WHERE program_id = ? AND status = 'ACTIVE'",
                shelter.programId())).isEqualTo(20);
    }

    @Test
    void holdingAndReleasingAtOnceInOneOrganizationNeverDeadlocks() throws Exception {
        var shelter = fixtures.facilityWithBeds(40, 40);
        String organization = Fixtures.unique("Churning outreach");
        List<Http> caseworkers = IntStream.range(0, 8).mapToObj(i -> fixtures.caseworker(organization)).toList();
        List<Long> clients = caseworkers.stream().map(Fixtures::clientOf).toList();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses;
        try {
            List<Future<List<Integer>>> loops = IntStream.range(0, 8).mapToObj(i -> pool.submit(() -> {
                start.await();
                List<Integer> answers = new java.util.ArrayList<>();
                for (int round = 0; round < 10; round++) {
                    Http.Reply held = hold(caseworkers.get(i), shelter.programId(), clients.get(i));
                    answers.add(held.status());
                    if (held.status() == 201) {
                        answers.add(caseworkers.get(i).delete("/api/holds/" + held.id()).status());
                    }
                }
                return answers;
            })).toList();
            start.countDown();
            statuses = loops.stream().flatMap(f -> get(f).stream()).toList();
        } finally {
            pool.shutdownNow();
        }
        // a limit check that locked the holds' index deadlocked with releases: those would show as 409s here
        assertThat(statuses).containsOnly(201, 204).hasSize(160);
        assertThat(bookable(shelter.programId())).isEqualTo(40);
    }

    @Test
    void anAdminMayReleaseAnyOrganizationsHold() {
        var shelter = fixtures.facilityWithBeds(3, 3);
        Http caseworker = fixtures.caseworker(Fixtures.unique("Limits outreach"));
        long hold = hold(caseworker, shelter.programId(), Fixtures.clientOf(caseworker)).id();

        assertThat(fixtures.caseworker(Fixtures.unique("Stranger outreach")).delete("/api/holds/" + hold).status())
                .isEqualTo(404);
        assertThat(fixtures.admin().delete("/api/holds/" + hold).status()).isEqualTo(204);
        assertThat(bookable(shelter.programId())).isEqualTo(3);
    }

    private static Http.Reply hold(Http caseworker, long program, long client) {
        return caseworker.post("/api/programs/" + program + "/holds", Map.of("clientId", client, "minutes", 30));
    }

    private long bookable(long program) {
        return ((Number) fixtures.admin().get("/api/programs/" + program + "/availability").map().get("bookable"))
                .longValue();
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
