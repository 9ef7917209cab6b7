package org.harbour.placement;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.FacilityBuilder;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.ProgramBuilder;
import org.harbour.testdata.Sql;
import org.junit.jupiter.api.BeforeAll;
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
import static org.harbour.placement.Casework.fieldsOf;
import static org.harbour.placement.Casework.number;

/** Placing and ending through HTTP: one active placement per client, beds taken and freed exactly. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlacementApiTest implements HarbourTest {

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;
    Casework casework;
    Casework otherOrganization;

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        casework = new Casework(fixtures, fixtures.caseworker(Fixtures.unique("Placing outreach")));
        otherOrganization = new Casework(fixtures, fixtures.caseworker(Fixtures.unique("Other outreach")));
        // ids above the Long cache (-128..127) expose identity comparisons of boxed ids
        Sql.update("ALTER TABLE clients AUTO_INCREMENT = 100000");
    }

    @Test
    void aClientHasAtMostOneActivePlacement() {
        long first = casework.programWithBeds(4, 3);
        long second = casework.programWithBeds(4, 3);
        long client = casework.client();
        assertThat(casework.place(client, first, null).status()).isEqualTo(201);
        var before = List.of(casework.counts(first), casework.counts(second));
        assertThat(casework.place(client, second, null).status()).isEqualTo(409);
        assertThat(casework.place(client, first, null).status()).isEqualTo(409);
        assertThat(List.of(casework.counts(first), casework.counts(second))).isEqualTo(before);
        assertThat(casework.counts(first)).containsEntry("available", 2);
    }

    @Test
    void placingOneClientConcurrentlyInManyProgramsPlacesHerOnce() throws Exception {
        List<Long> programs = IntStream.range(0, 6).mapToObj(i -> casework.programWithBeds(2, 1)).toList();
        long client = casework.client();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(programs.size());
        try {
            List<Future<Integer>> results = programs.stream().map(p -> pool.submit(() -> {
                start.await();
                return casework.place(client, p, null).status();
            })).toList();
            start.countDown();
            List<Integer> statuses = results.stream().map(PlacementApiTest::get).toList();
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s != 201).containsOnly(409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(programs.stream().mapToInt(p -> (Integer) casework.counts(p).get("available")).sum())
                .isEqualTo(programs.size() - 1);
        assertThat(Casework.placementsOf(casework.chain(client))).hasSize(1);
    }

    @Test
    void withoutAHoldAPlacementTakesABookableBedOrIsRefused() {
        long program = casework.programWithBeds(2, 1);
        long hold = otherOrganization.http().post("/api/programs/" + program + "/holds",
                Map.of("clientId", otherOrganization.client())).id();
        long client = casework.client();
        var before = casework.counts(program);
        assertThat(casework.place(client, program, null).status()).isEqualTo(409);
        assertThat(casework.counts(program)).isEqualTo(before);
        assertThat(casework.place(client, program, hold).status()).isEqualTo(404); // another organization's hold

        assertThat(otherOrganization.http().delete("/api/holds/" + hold).status()).isEqualTo(204);
        Http.Reply placed = casework.place(client, program, null);
        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.map()).containsEntry("status", "ACTIVE");
        assertThat(number(placed.map().get("clientId"))).isEqualTo(client);
        assertThat(casework.counts(program)).containsEntry("available", 0).containsEntry("held", 0);
    }

    @Test
    void aHoldNamedForTheClientIsConsumedByTheirPlacement() {
        long program = casework.programWithBeds(4, 2);
        long client = casework.client();
        long hold = casework.http().post("/api/programs/" + program + "/holds", Map.of("clientId", client)).id();
        assertThat(casework.counts(program)).containsEntry("available", 2).containsEntry("held", 1).containsEntry("bookable", 1);
        Http.Reply placed = casework.place(client, program, hold);
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(casework.counts(program)).containsEntry("available", 1).containsEntry("held", 0).containsEntry("bookable", 1);
        assertThat(casework.http().delete("/api/holds/" + hold).status()).isEqualTo(409);
    }

    @Test
    void endingWithEveryReasonFreesTheBed() {
        long program = casework.programWithBeds(20, 20);
        for (String reason : List.of("MOVED", "HOUSED", "MAX_STAY_REACHED", "FUNDING_ENDED", "LEFT",
                "DISCHARGED_RULES", "UNSAFE", "RETURNED_TO_EXPLOITER", "OTHER")) {
            long placement = casework.place(casework.client(), program, null).id();
            assertThat(casework.counts(program)).containsEntry("available", 19);
            Http.Reply ended = casework.end(placement, "2099-01-01", reason);
            assertThat(ended.status()).as(ended.body()).isEqualTo(200);
            assertThat(ended.map()).containsEntry("status", "ENDED").containsEntry("endReason", reason);
            assertThat(casework.counts(program)).containsEntry("available", 20);
        }
    }

    @Test
    void badEndsAreRefusedAndChangeNothing() {
        long program = casework.programWithBeds(3, 3);
        long placement = casework.http().post("/api/placements", Map.of("clientId", casework.client(),
                "programId", program, "startDate", "2026-11-10")).id();
        var before = casework.counts(program);
        assertThat(fieldsOf(casework.end(placement, "2026-11-12", "BORED"))).containsExactly("reason");
        assertThat(fieldsOf(casework.end(placement, "2026-11-09", "HOUSED"))).containsExactly("endDate");
        assertThat(fieldsOf(casework.http().post("/api/placements/" + placement + "/end", Map.of("endDate", "2026-11-12"))))
                .containsExactly("reason");
        assertThat(casework.http().post("/api/placements/" + placement + "/end", "{\"endDate\": \"yesterday\"}").status())
                .isEqualTo(400);
        assertThat(casework.counts(program)).isEqualTo(before);
        assertThat(casework.end(placement, "2026-11-10", "LEFT").status()).isEqualTo(200); // the same day is fine
        assertThat(casework.end(placement, "2026-11-11", "LEFT").status()).isEqualTo(409);
    }

    @Test
    void endingNeverLiftsAvailableAboveCapacityMinusOutOfService() {
        long program = casework.programWithBeds(4, 2);
        long placement = casework.place(casework.client(), program, null).id();
        fixtures.admin().put("/api/programs/" + program + "/availability", Map.of("available", 2, "outOfService", 2));
        assertThat(casework.end(placement, "2099-01-01", "HOUSED").status()).isEqualTo(200);
        assertThat(casework.counts(program)).containsEntry("available", 2).containsEntry("outOfService", 2)
                .containsEntry("occupied", 0);
    }

    @Test
    void nightlyCostDefaultsToTheProgramsOwn() {
        long hotel = fixtures.facility(FacilityBuilder.defaultFacility().withProgram(ProgramBuilder.defaultProgram()
                .with("type", "HOTEL_MOTEL").with("nightlyCost", 139.0).withCapacity(5))).programId();
        fixtures.admin().put("/api/programs/" + hotel + "/availability", Map.of("available", 5));
        Http.Reply standard = casework.place(casework.client(), hotel, null);
        assertThat(((Number) standard.map().get("nightlyCost")).doubleValue()).isEqualTo(139.0);
        Http.Reply cheaper = casework.http().post("/api/placements", Map.of("clientId", casework.client(),
                "programId", hotel, "nightlyCost", 99.5));
        assertThat(((Number) cheaper.map().get("nightlyCost")).doubleValue()).isEqualTo(99.5);
        assertThat(fieldsOf(casework.http().post("/api/placements", Map.of("clientId", casework.client(),
                "programId", hotel, "nightlyCost", -1)))).containsExactly("nightlyCost");
    }

    @Test
    void anotherOrganizationsPlacementsAreNotFoundAndFundersAreForbidden() {
        long program = casework.programWithBeds(3, 3);
        long elsewhere = casework.programWithBeds(3, 3);
        long client = casework.client();
        long placement = casework.place(client, program, null).id();
        var before = List.of(casework.counts(program), casework.counts(elsewhere));
        Http other = otherOrganization.http();
        assertThat(other.post("/api/placements/" + placement + "/end", Map.of("reason", "LEFT")).status()).isEqualTo(404);
        assertThat(other.post("/api/placements/" + placement + "/move", Map.of("toProgramId", elsewhere)).status()).isEqualTo(404);
        assertThat(other.get("/api/clients/" + client + "/placements").status()).isEqualTo(404);
        assertThat(otherOrganization.place(client, elsewhere, null).status()).isEqualTo(404);
        assertThat(List.of(casework.counts(program), casework.counts(elsewhere))).isEqualTo(before);

        Http funder = fixtures.funder();
        assertThat(List.of(funder.post("/api/placements", Map.of("clientId", client, "programId", program)).status(),
                funder.post("/api/placements/" + placement + "/end", Map.of("reason", "LEFT")).status(),
                funder.post("/api/placements/" + placement + "/move", Map.of("toProgramId", elsewhere)).status(),
                funder.get("/api/placements?endingWithinDays=2").status(),
                funder.get("/api/clients/" + client + "/placements").status(),
                funder.get("/api/clients").status(), funder.get("/api/clients/" + client).status(),
                funder.post("/api/clients", Map.of("alias", "F", "needs", Map.of())).status()))
                .containsOnly(403);
    }

    private static Integer get(Future<Integer> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
