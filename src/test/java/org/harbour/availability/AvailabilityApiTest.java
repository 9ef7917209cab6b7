package org.harbour.availability;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.Fixtures.CreatedFacility;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.testdata.FacilityBuilder.defaultFacility;
import static org.harbour.testdata.Problems.assertProblem;
import static org.harbour.testdata.Problems.errorFields;
import static org.harbour.testdata.ProgramBuilder.defaultProgram;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AvailabilityApiTest implements HarbourTest {

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(server.getURI());
    }

    @Test
    void staffOfTheFacilityReportsCountsAndEveryoneReadsThem() {
        var facility = fixtures.facilityWithBeds(12, 0);
        Http staff = fixtures.staffOf(facility.id());

        Http.Reply reply = staff.put(countsOf(facility), Map.of("available", 3, "outOfService", 1));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<String, Object> counts = reply.map();
        assertThat(counts).containsEntry("capacity", 12).containsEntry("available", 3).containsEntry("held", 0)
                .containsEntry("bookable", 3).containsEntry("outOfService", 1).containsEntry("occupied", 8)
                .containsEntry("stale", false);
        Http.Reply read = fixtures.caseworker("Street Outreach Toronto").get(countsOf(facility));
        assertThat(read.map()).containsEntry("available", 3).containsEntry("version", counts.get("version"));
    }

    @Test
    void invalidCountsAre422NamingTheFieldAndChangeNothing() {
        var facility = fixtures.facilityWithBeds(12, 4);
        Http admin = fixtures.admin();
        Snapshot before = snapshot(facility);

        assertThat(errorFields(admin.put(countsOf(facility), Map.of("available", -1)))).containsExactly("available");
        assertThat(errorFields(admin.put(countsOf(facility), Map.of("available", 1, "outOfService", -1))))
                .containsExactly("outOfService");
        assertThat(errorFields(admin.put(countsOf(facility), Map.of("available", 10, "outOfService", 3))))
                .containsExactly("available");
        assertThat(errorFields(admin.put(countsOf(facility), Map.of("available", 13)))).containsExactly("available");
        assertThat(errorFields(admin.put(countsOf(facility), Map.of("outOfService", 1)))).containsExactly("available");
        assertThat(errorFields(admin.put(countsOf(facility), Map.of("available", Integer.MAX_VALUE, "outOfService", 1))))
                .as("no int overflow").containsExactly("available");
        assertThat(snapshot(facility)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"available\": 3", "not json", "[3]", "{\"available\": \"three\"}", "{\"available\": 2.5}",
            "{\"available\": true}", "{\"available\": 99999999999}", "{\"available\": 1, \"version\": \"x\"}", "null", ""})
    void malformedBodiesAndWrongTypesAre400AndChangeNothing(String body) {
        var facility = fixtures.facilityWithBeds(12, 4);
        Snapshot before = snapshot(facility);

        assertProblem(fixtures.admin().send("PUT", countsOf(facility), body, "application/json"), 400);
        assertThat(snapshot(facility)).isEqualTo(before);
    }

    @Test
    void aBodyOverOneMebibyteIs413() {
        var facility = fixtures.facilityWithBeds(12, 4);
        String huge = "{\"available\": 1, \"padding\": \"" + "x".repeat(1024 * 1024 + 16) + "\"}";

        assertProblem(fixtures.admin().send("PUT", countsOf(facility), huge, "application/json"), 413);
        assertThat(fixtures.admin().get(countsOf(facility)).map()).containsEntry("available", 4);
    }

    @Test
    void aConditionalUpdateNeedsTheCurrentVersion() {
        var facility = fixtures.facilityWithBeds(12, 4);
        Http staff = fixtures.staffOf(facility.id());
        long version = snapshot(facility).version();

        Http.Reply current = staff.put(countsOf(facility), Map.of("available", 5, "version", version));
        assertThat(current.status()).as(current.body()).isEqualTo(200);
        assertThat(current.map()).containsEntry("available", 5).containsEntry("version", (int) version + 1);
        Snapshot afterFirst = snapshot(facility);

        Http.Reply stale = staff.put(countsOf(facility), Map.of("available", 9, "version", version));

        assertProblem(stale, 409);
        assertThat(snapshot(facility)).isEqualTo(afterFirst);
    }

    @Test
    void countsOlderThanTheStalenessWindowAreMarkedStale() {
        var facility = fixtures.facilityWithBeds(12, 4);
        Sql.update("UPDATE availability SET updated_at = updated_at - INTERVAL 5 HOUR WHERE program_id = ?",
                facility.programId());

        assertThat(fixtures.caseworker("Street Outreach Toronto").get(countsOf(facility)).map()).containsEntry("stale", true);
        assertThat(entryOf(fixtures.admin().get("/api/availability").list(), facility.programId()))
                .containsEntry("stale", true);

        fixtures.admin().put(countsOf(facility), Map.of("available", 4));
        assertThat(fixtures.admin().get(countsOf(facility)).map()).as("a fresh report").containsEntry("stale", false);
    }

    @Test
    void everyChangeWritesOneHistoryRowWithTheCapacityInForce() {
        var facility = fixtures.facilityWithBeds(12, 4);
        Http admin = fixtures.admin();
        long rows = historyRows(facility);

        admin.put(countsOf(facility), Map.of("available", 6, "outOfService", 1));
        assertThat(historyRows(facility)).isEqualTo(rows + 1);
        assertThat(lastHistory(facility, "capacity")).isEqualTo(12);
        assertThat(lastHistory(facility, "available")).isEqualTo(6);
        assertThat(lastHistory(facility, "occupied")).isEqualTo(5);

        admin.put("/api/programs/" + facility.programId(), defaultProgram().withCapacity(20).build());
        admin.put(countsOf(facility), Map.of("available", 15));
        assertThat(historyRows(facility)).as("capacity change and report").isEqualTo(rows + 3);
        assertThat(lastHistory(facility, "capacity")).isEqualTo(20);
        assertThat(lastHistory(facility, "version")).isEqualTo(snapshot(facility).version());
    }

    @Test
    void onlyTheFacilitysStaffAndAdminMayReportCounts() {
        var facility = fixtures.facilityWithBeds(12, 4);
        var other = fixtures.facilityWithBeds(5, 1);
        Snapshot before = snapshot(facility);
        Map<String, Object> body = Map.of("available", 2);

        assertProblem(fixtures.staffOf(other.id()).put(countsOf(facility), body), 403);
        assertProblem(fixtures.caseworker("Street Outreach Toronto").put(countsOf(facility), body), 403);
        assertProblem(fixtures.funder().put(countsOf(facility), body), 403);
        assertProblem(fixtures.anonymous().put(countsOf(facility), body), 401);
        assertThat(snapshot(facility)).isEqualTo(before);
        assertProblem(fixtures.admin().put("/api/programs/987654321/availability", body), 404);
        assertProblem(fixtures.admin().get("/api/programs/987654321/availability"), 404);
    }

    @Test
    void theListShowsEveryProgramWithItsFacilityRegionAndType() {
        CreatedFacility facility = fixtures.facility(defaultFacility()
                .with("regionCode", "ON-NORTHEAST").with("municipality", "Sudbury")
                .withProgram(defaultProgram().with("type", "DETOX")).withProgram(defaultProgram().with("type", "RESPITE")));

        List<Map<String, Object>> list = fixtures.funder().get("/api/availability").list();

        for (int i = 0; i < 2; i++) {
            assertThat(entryOf(list, facility.programIds().get(i)))
                    .containsEntry("facilityName", facility.body().get("name"))
                    .containsEntry("regionCode", "ON-NORTHEAST")
                    .containsEntry("type", i == 0 ? "DETOX" : "RESPITE")
                    .containsKeys("capacity", "available", "held", "bookable", "outOfService", "occupied", "updatedAt",
                            "version", "stale");
        }
    }

    /** What a rejected request must leave alone. */
    record Snapshot(int available, int outOfService, long version, long historyRows) {
    }

    private Snapshot snapshot(CreatedFacility facility) {
        Map<String, Object> counts = fixtures.admin().get(countsOf(facility)).map();
        return new Snapshot((Integer) counts.get("available"), (Integer) counts.get("outOfService"),
                ((Number) counts.get("version")).longValue(), historyRows(facility));
    }

    private static long historyRows(CreatedFacility facility) {
        return Sql.number("SELECT COUNT(*) FROM availability_history WHERE program_id = ?", facility.programId());
    }

    private static long lastHistory(CreatedFacility facility, String column) {
        return Sql.number("SELECT " + column + " FROM availability_history WHERE program_id = ? ORDER BY id DESC LIMIT 1",
                facility.programId());
    }

    private static Map<String, Object> entryOf(List<Map<String, Object>> list, long programId) {
        return new HashMap<>(list.stream().filter(a -> ((Number) a.get("programId")).longValue() == programId)
                .findFirst().orElseThrow());
    }

    private static String countsOf(CreatedFacility facility) {
        return "/api/programs/" + facility.programId() + "/availability";
    }
}
