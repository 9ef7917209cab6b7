package org.harbour.placement;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.FacilityBuilder;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.ProgramBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Friday-afternoon path end to end: find, hold, place, move, see the patchwork. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseworkerFlowTest implements HarbourTest {

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(server.getURI());
    }

    @Test
    void findHoldPlaceMoveAndReadTheChain() {
        String region = "BC-NORTH";
        var shelter = fixtures.facility(FacilityBuilder.defaultFacility().with("regionCode", region)
                .with("timeZone", "America/Vancouver")
                .withProgram(ProgramBuilder.defaultProgram().withCapacity(3)));
        var hotel = fixtures.facility(FacilityBuilder.defaultFacility().with("regionCode", region)
                .with("timeZone", "America/Vancouver")
                .withProgram(ProgramBuilder.defaultProgram().with("type", "HOTEL_MOTEL").withCapacity(5)
                        .with("nightlyCost", 139.0)));
        fixtures.admin().put("/api/programs/" + shelter.programId() + "/availability", Map.of("available", 3));
        fixtures.admin().put("/api/programs/" + hotel.programId() + "/availability", Map.of("available", 5));
        Http caseworker = fixtures.caseworker(Fixtures.unique("Outreach"));

        long clientId = caseworker.post("/api/clients", Map.of("alias", "RB-1987", "birthYear", 2005,
                "gender", "WOMAN", "needs", Map.of())).id();
        Http.Reply search = caseworker.post("/api/bed-requests", Map.of("clientId", clientId, "regionCode", region,
                "needs", Map.of("gender", "WOMAN", "age", 19, "traffickingSpecialized", true), "admitNow", true));
        assertThat(search.status()).as(search.body()).isEqualTo(201);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> matches = (List<Map<String, Object>>) search.map().get("matches");
        assertThat(matches).extracting(m -> ((Number) m.get("programId")).longValue())
                .contains(shelter.programId(), hotel.programId());

        Http.Reply hold = caseworker.post("/api/programs/" + shelter.programId() + "/holds",
                Map.of("clientId", clientId, "minutes", 60));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        assertThat(fixtures.admin().get("/api/programs/" + shelter.programId() + "/availability").map())
                .containsEntry("held", 1).containsEntry("bookable", 2);

        Http.Reply placed = caseworker.post("/api/placements", Map.of("clientId", clientId,
                "programId", shelter.programId(), "holdId", hold.id(), "startDate", "2026-11-01",
                "expectedEndDate", "2026-11-05"));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(fixtures.admin().get("/api/programs/" + shelter.programId() + "/availability").map())
                .containsEntry("held", 0).containsEntry("available", 2);

        Http.Reply moved = caseworker.post("/api/placements/" + placed.id() + "/move", Map.of(
                "toProgramId", hotel.programId(), "date", "2026-11-05", "reason", "MAX_STAY_REACHED"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(201);
        assertThat(fixtures.admin().get("/api/programs/" + shelter.programId() + "/availability").map())
                .containsEntry("available", 3);
        Http.Reply ended = caseworker.post("/api/placements/" + moved.id() + "/end",
                Map.of("endDate", "2026-11-19", "reason", "FUNDING_ENDED"));
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);

        Map<String, Object> chain = caseworker.get("/api/clients/" + clientId + "/placements").map();
        assertThat(chain).containsEntry("moves", 1).containsEntry("nights", 18).containsEntry("episodes", 1);
        assertThat(fixtures.caseworker("Someone Else").get("/api/clients/" + clientId + "/placements").status()).isEqualTo(404);
    }

    @Test
    void aFreedBedIsOfferedToTheFirstPersonWaiting() {
        var shelter = fixtures.facilityWithBeds(2, 0);
        Http caseworker = fixtures.caseworker(Fixtures.unique("Outreach"));
        long first = caseworker.post("/api/clients", Map.of("alias", "A", "needs", Map.of())).id();
        long second = caseworker.post("/api/clients", Map.of("alias", "B", "needs", Map.of())).id();
        Http.Reply later = caseworker.post("/api/waitlist", Map.of("clientId", second, "programId", shelter.programId(), "priority", 2));
        Http.Reply urgent = caseworker.post("/api/waitlist", Map.of("clientId", first, "programId", shelter.programId(), "priority", 1));
        assertThat(urgent.map()).containsEntry("status", "WAITING").containsEntry("position", 1);
        assertThat(later.status()).isEqualTo(201);

        fixtures.admin().put("/api/programs/" + shelter.programId() + "/availability", Map.of("available", 1));

        List<Map<String, Object>> queue = caseworker.get("/api/waitlist?programId=" + shelter.programId()).list();
        assertThat(queue).extracting(e -> e.get("status")).containsExactly("OFFERED", "WAITING");
        assertThat(queue.get(0)).containsEntry("clientId", (int) first);
        Number holdId = (Number) queue.get(0).get("holdId");
        Http.Reply placed = caseworker.post("/api/placements", Map.of("clientId", first,
                "programId", shelter.programId(), "holdId", holdId));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(caseworker.get("/api/waitlist?programId=" + shelter.programId()).list())
                .extracting(e -> e.get("status")).containsExactly("WAITING");
    }

    @Test
    void refusalsAtTheDoorShowAsTheProgramsRefusalRate() {
        var shelter = fixtures.facilityWithBeds(4, 4);
        Http caseworker = fixtures.caseworker(Fixtures.unique("Outreach"));
        String availability = "/api/programs/" + shelter.programId() + "/availability";
        assertThat(caseworker.get(availability).map()).containsEntry("refusalRate", null).containsEntry("doorOutcomes", 0);

        for (String outcome : List.of("REFUSED_AT_DOOR", "PLACED", "NO_SHOW", "REFUSED_AT_DOOR")) {
            long request = caseworker.post("/api/bed-requests", Map.of("needs", Map.of())).id();
            Http.Reply recorded = caseworker.post("/api/bed-requests/" + request + "/outcome",
                    Map.of("outcome", outcome, "programId", shelter.programId()));
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        }

        assertThat(caseworker.get(availability).map()).containsEntry("refusalRate", 0.5).containsEntry("doorOutcomes", 4);
    }
}
