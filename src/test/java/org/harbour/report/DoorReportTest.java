package org.harbour.report;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.report.DoorScenario.EAST;
import static org.harbour.report.DoorScenario.NORTH;
import static org.harbour.report.ReportRows.assertFigures;
import static org.harbour.report.ReportRows.row;

/**
 * Door outcomes in the funders' reports, against {@link DoorScenario} (its table has the numbers): arrivals,
 * no-shows and refusals by reason per group, each null below 5 people and otherwise rounded to the nearest 5
 * (issue 18), over the whole months of the range.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DoorReportTest implements HarbourTest {

    private static final String SEPTEMBER = "from=2023-09-01&to=2023-09-30";
    private static final String AUTUMN = "from=2023-09-01&to=2023-10-31";
    private static final List<String> DOOR = List.of("doorArrivals", "doorNoShows", "doorRefusals");

    @Inject
    EmbeddedServer server;
    @Inject
    MutableClock clock;

    Http funder;
    DoorScenario scenario;

    @Override
    public Map<String, String> getProperties() {
        return MutableClock.properties();
    }

    @BeforeAll
    void buildScenario() {
        Fixtures fixtures = new Fixtures(server.getURI());
        scenario = new DoorScenario(fixtures, clock);
        scenario.build();
        funder = fixtures.funder();
    }

    /*
     * ON-EAST: arrived 3 + 3, no-show 2 + 3, refused 9 (substance use 6, gender 1, children 2).
     * BC-NORTH: arrived 2 + 3, no-show 3 + 2, refused 9 (substance use 4, gender 4, safety 1).
     * The 08-31 22:00 Toronto arrival (09-01 in UTC) is August's; the 09-30 23:30 Vancouver one (10-01 in UTC) is
     * September's.
     */
    @Test
    void eachRegionsDoorOutcomesInItsFacilitiesLocalDates() {
        List<Map<String, Object>> rows = report("groupBy=region&" + SEPTEMBER);
        assertFigures(row(rows, EAST), "doorArrivals", 5, "doorNoShows", 5, "doorRefusals", 10,
                "doorRefusalsByReason.SUBSTANCE_USE", 5, "doorRefusalsByReason.GENDER", null,
                "doorRefusalsByReason.CHILDREN", null, "doorRefusalsByReason.SAFETY", null);
        assertFigures(row(rows, NORTH), "doorArrivals", 5, "doorNoShows", 5, "doorRefusals", 10,
                "doorRefusalsByReason.SUBSTANCE_USE", null, "doorRefusalsByReason.GENDER", null,
                "doorRefusalsByReason.SAFETY", null);
    }

    /** Every reason a door may give is named in every row, so a null does not tell "nobody" from "a few". */
    @Test
    void everyReasonIsNamedAndEachIsSuppressedOnItsOwn() {
        List<Map<String, Object>> rows = report("groupBy=type&" + SEPTEMBER);
        assertFigures(row(rows, "DV_SHELTER"), "doorArrivals", 5, "doorNoShows", 5, "doorRefusals", 10,
                "doorRefusalsByReason.SUBSTANCE_USE", 5, "doorRefusalsByReason.GENDER", 5);
        assertFigures(row(rows, "EMERGENCY_SHELTER"), "doorArrivals", 5, "doorNoShows", 5, "doorRefusals", 10,
                "doorRefusalsByReason.SUBSTANCE_USE", 5, "doorRefusalsByReason.CHILDREN", null,
                "doorRefusalsByReason.SAFETY", null, "doorRefusalsByReason.GENDER", null);
        for (Map<String, Object> row : rows) {
            @SuppressWarnings("unchecked")
            Map<String, Object> byReason = (Map<String, Object>) row.get("doorRefusalsByReason");
            assertThat(byReason.keySet()).as(row.get("group").toString()).containsExactly("GENDER", "AGE", "CHILDREN",
                    "PETS", "SUBSTANCE_USE", "SEX_TRADE", "WHEELCHAIR", "LANGUAGE", "MANDATORY_ACTIVITIES", "NO_BED",
                    "INTAKE_CLOSED", "SAFETY", "OTHER");
            assertThat(byReason.values()).as("never a count of 1-4 people")
                    .allSatisfy(v -> assertThat(v == null || ((Number) v).longValue() >= 5).isTrue());
        }
        List<Map<String, Object>> population = report("groupBy=population&" + SEPTEMBER);
        assertFigures(row(population, "WOMEN"), "doorArrivals", 5, "doorRefusals", 10, "doorRefusalsByReason.GENDER", 5);
        assertFigures(row(population, "MIXED_ADULT"), "doorArrivals", 5, "doorRefusals", 10);
    }

    /* Each row's figure is rounded to 5 (6 arrivals show as 5, 9 refusals as 10), so sums agree only as here. */
    @Test
    void regionsAddUpToTheSameDoorFiguresAsTypes() {
        List<Map<String, Object>> byRegion = report("groupBy=region&" + SEPTEMBER);
        List<Map<String, Object>> byType = report("groupBy=type&" + SEPTEMBER);
        for (String figure : DOOR) {
            assertThat(sum(byRegion, figure)).as(figure).isEqualTo(sum(byType, figure)).isPositive();
        }
        assertThat(sum(byRegion, "doorArrivals")).isEqualTo(10);
        assertThat(sum(byRegion, "doorNoShows")).isEqualTo(10);
        assertThat(sum(byRegion, "doorRefusals")).isEqualTo(20);
    }

    /*
     * October: five no-shows by two people (3 and 2) are withheld, though five no-shows by five people were shown
     * in September; five people refused for OTHER are shown.
     */
    @Test
    void byMonthEachFigureNeedsFiveDistinctPeopleNotFiveOutcomes() {
        List<Map<String, Object>> rows = report("groupBy=month&" + AUTUMN);
        assertFigures(row(rows, "2023-09"), "doorArrivals", 10, "doorNoShows", 10, "doorRefusals", 20,
                "doorRefusalsByReason.SUBSTANCE_USE", 10, "doorRefusalsByReason.GENDER", 5,
                "doorRefusalsByReason.CHILDREN", null, "doorRefusalsByReason.SAFETY", null,
                "doorRefusalsByReason.OTHER", null);
        assertFigures(row(rows, "2023-10"), "doorArrivals", null, "doorNoShows", null, "doorRefusals", 5,
                "doorRefusalsByReason.OTHER", 5);
        assertFigures(row(report("groupBy=month&from=2023-08-01&to=2023-08-31"), "2023-08"), "doorArrivals", null);
    }

    @Test
    void filtersNarrowTheDoorsToTheirPrograms() {
        List<Map<String, Object>> rows = report("groupBy=region&type=DV_SHELTER&" + SEPTEMBER);
        assertFigures(row(rows, EAST), "doorArrivals", null, "doorNoShows", null, "doorRefusals", null);
        assertFigures(row(rows, NORTH), "doorArrivals", null, "doorNoShows", null, "doorRefusals", 5,
                "doorRefusalsByReason.GENDER", null);
        assertFigures(row(report("groupBy=type&regionCode=" + EAST + "&" + SEPTEMBER), "EMERGENCY_SHELTER"),
                "doorArrivals", null, "doorNoShows", null, "doorRefusals", 5, "doorRefusalsByReason.SUBSTANCE_USE", null);
        assertThat(report("groupBy=region&capacityType=ROOM&" + SEPTEMBER))
                .noneMatch(r -> EAST.equals(r.get("group")) || NORTH.equals(r.get("group")));
    }

    @Test
    void csvSpreadsTheReasonsOverColumnsOfTheirOwn() {
        for (String query : List.of("groupBy=region&" + SEPTEMBER, "groupBy=month&" + AUTUMN)) {
            ReportRows.assertCsvMatchesJson(funder, query);
        }
        String header = funder.withHeader("Accept", "text/csv").get("/api/reports/capacity?groupBy=type&" + SEPTEMBER)
                .body().lines().findFirst().orElseThrow();
        assertThat(header).endsWith(",hotelCost,doorArrivals,doorNoShows,doorRefusals,doorRefusalsByReason.GENDER,"
                + "doorRefusalsByReason.AGE,doorRefusalsByReason.CHILDREN,doorRefusalsByReason.PETS,"
                + "doorRefusalsByReason.SUBSTANCE_USE,doorRefusalsByReason.SEX_TRADE,doorRefusalsByReason.WHEELCHAIR,"
                + "doorRefusalsByReason.LANGUAGE,doorRefusalsByReason.MANDATORY_ACTIVITIES,doorRefusalsByReason.NO_BED,"
                + "doorRefusalsByReason.INTAKE_CLOSED,doorRefusalsByReason.SAFETY,doorRefusalsByReason.OTHER");
    }

    /** Central Intake's turnaways have Harbour's own beside them: every program's refusals at the door. */
    @Test
    void theTurnawayReportCarriesTheRangesRefusalsAtTheDoor() {
        Map<String, Object> september = funder.get("/api/reports/turnaways?" + SEPTEMBER).map();
        assertFigures(september, "doorRefusals", 20, "doorRefusalsByReason.SUBSTANCE_USE", 10,
                "doorRefusalsByReason.GENDER", 5, "doorRefusalsByReason.CHILDREN", null,
                "doorRefusalsByReason.SAFETY", null, "doorRefusalsByReason.OTHER", null);
        assertFigures(funder.get("/api/reports/turnaways?from=2023-10-01&to=2023-10-31").map(),
                "doorRefusals", 5, "doorRefusalsByReason.OTHER", 5, "doorRefusalsByReason.GENDER", null);
        // a few days of October count the whole of October, as the answer says
        Map<String, Object> days = funder.get("/api/reports/turnaways?from=2023-10-12&to=2023-10-13").map();
        assertFigures(days, "doorRefusals", 5, "doorRefusalsByReason.OTHER", 5);
        assertThat(days.get("personFiguresPeriod")).isEqualTo(Map.of("from", "2023-10-01", "to", "2023-10-31"));
    }

    @Test
    void aFunderReadsNoIdNoCodeAndNoAlias() {
        Http csv = funder.withHeader("Accept", "text/csv");
        List<String> bodies = List.of(
                funder.get("/api/reports/capacity?groupBy=region&" + AUTUMN).body(),
                funder.get("/api/reports/capacity?groupBy=month&" + AUTUMN).body(),
                funder.get("/api/reports/turnaways?" + AUTUMN).body(),
                csv.get("/api/reports/capacity?groupBy=type&" + AUTUMN).body());
        for (String body : bodies) {
            assertThat(body).doesNotContainPattern("\"(id|[A-Za-z]*Id)\"\\s*:");
            assertThat(scenario.secrets).isNotEmpty().allSatisfy(secret -> assertThat(body).doesNotContain(secret));
        }
        List<String> columns = List.of(bodies.get(3).lines().findFirst().orElseThrow().split(","));
        assertThat(columns).contains("doorArrivals").noneMatch(c -> c.equalsIgnoreCase("id") || c.endsWith("Id"));
    }

    private List<Map<String, Object>> report(String query) {
        return ReportRows.capacity(funder, query);
    }

    private static long sum(List<Map<String, Object>> rows, String figure) {
        return rows.stream().map(r -> (Number) r.get(figure)).mapToLong(n -> n == null ? 0 : n.longValue()).sum();
    }
}
