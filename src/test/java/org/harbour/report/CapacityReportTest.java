package org.harbour.report;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.MutableClock;
import org.harbour.testdata.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.report.NorthwestScenario.NORTHWEST;

/**
 * Every figure of the capacity report against {@link NorthwestScenario}, whose numbers are worked out
 * by hand in the comments. Assertions look only at the scenario's regions and 2025 dates.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CapacityReportTest implements HarbourTest {

    private static final String MARCH = "from=2025-03-01&to=2025-03-10";
    private static final String APRIL = "from=2025-04-01&to=2025-04-30";

    @Inject
    EmbeddedServer server;
    @Inject
    MutableClock clock;

    Http funder;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.properties(Map.of("harbour.test.mutable-clock", "true"));
    }

    @BeforeAll
    void buildScenario() {
        Fixtures fixtures = new Fixtures(server.getURI());
        new NorthwestScenario(fixtures, clock).build();
        funder = fixtures.funder();
    }

    /*
     * DV shelter, capacity 10, nights 03-01..03-10 (counts at 04:00 local the next morning):
     * 03-01 (avail 4, oos 1) cap 9 occ 5; 03-02 and 03-03 the 03:59 change (2, 0) occ 8, the 04:01 change
     * missing 03-03; 03-04..03-08 (6, 0) occ 4, the 04:30 EDT change missing the DST night 03-08;
     * 03-09, 03-10 (3, 0) occ 7. Capacity 9 + 9 x 10 = 99; occupied 5 + 8 + 8 + 5 x 4 + 2 x 7 = 55.
     */
    @Test
    void nightsAreTheCountsInForceAt4amLocalTheNextMorning() {
        assertFigures(row(report("groupBy=region&" + MARCH), NORTHWEST),
                "capacityNights", 99, "occupiedNights", 55, "occupancyRate", "0.5556");
    }

    /*
     * DST ends 2025-11-02 at 02:00: the night of 11-01 closes at 04:00 EST (09:00Z), so the 03:30 EST
     * change (08:30Z, occ 5) counts for it; the night of 10-31 closed at 04:00 EDT (08:00Z) with occ 7.
     */
    @Test
    void theNightDaylightSavingTimeEndsClosesAt4amStandardTime() {
        assertFigures(row(report("groupBy=region&type=DV_SHELTER&regionCode=ON-NORTHWEST&from=2025-10-31&to=2025-11-01"),
                NORTHWEST), "capacityNights", 20, "occupiedNights", 7 + 5);
    }

    /*
     * Vancouver shelter, capacity 20: 03-01 and 03-02 (10, 0) occ 10 (the 03:59 PST change counts though
     * Toronto's cut-off had passed); 03-03..03-08 (5, 0) occ 15; 03-09, 03-10 (0, 0) occ 20.
     * Occupied 10 + 10 + 6 x 15 + 2 x 20 = 150 of 200.
     */
    @Test
    void eachProgramsNightsEndInItsOwnTimeZone() {
        assertFigures(row(report("groupBy=region&" + MARCH), "BC-INTERIOR"),
                "capacityNights", 200, "occupiedNights", 150, "occupancyRate", "0.7500", "bedRequests", 0);
    }

    /*
     * Imported nights 03-01 (cap 30, oos 2, occ 25), 03-02 (cap 32, occ 30), 03-04 (cap 28, oos 1, occ 27):
     * each night's own capacity; 03-03 and 03-05..03-10 have no import and nothing is carried forward
     * (not even the program's opening row from before the imports).
     */
    @Test
    void importedCountsCountOnlyForTheirOwnNightWithThatNightsCapacity() {
        assertFigures(row(report("groupBy=region&" + MARCH), "AB-SOUTH"),
                "capacityNights", 28 + 32 + 27, "occupiedNights", 25 + 30 + 27, "occupancyRate", "0.9425");
    }

    /*
     * April: the DV shelter's 03-09 change (3, 0) is still in force every night (30 x cap 10, occ 7), and
     * so is Vancouver's (0, 0) at capacity 20; the imported site's last row is its 03-04 import, which
     * counts for no later night.
     */
    @Test
    void aChangeBeforeTheRangeStaysInForceButAnImportDoesNot() {
        assertFigures(row(report("groupBy=region&type=DV_SHELTER&regionCode=ON-NORTHWEST&" + APRIL), NORTHWEST),
                "capacityNights", 300, "occupiedNights", 210);
        assertFigures(row(report("groupBy=region&" + APRIL), "BC-INTERIOR"), "capacityNights", 600, "occupiedNights", 600);
        assertThat(report("groupBy=region&regionCode=AB-SOUTH&" + APRIL))
                .allSatisfy(r -> assertThat(r.get("capacityNights")).isEqualTo(0));
    }

    /*
     * ON-NORTHWEST requests on local dates 03-01..03-10: seven (the 02-28 23:00 one is February; the
     * 03-10 23:00 EDT one is 03-11 in UTC but counts). Unmet: hotel, detox, treatment. After hours:
     * 08:59 Monday, 17:00 Friday, Saturday noon, 17:30 EDT, 23:00; not 10:00 nor 09:30 EDT.
     */
    @Test
    void requestsUnmetAndAfterHoursInTheRegionsLocalTime() {
        assertFigures(row(report("groupBy=region&" + MARCH), NORTHWEST),
                "bedRequests", 7, "unmetRequests", 3, "unmetRate", "0.4286", "afterHoursRequests", 5);
        assertFigures(row(report("groupBy=region&" + MARCH), "ANY"), "bedRequests", 1, "afterHoursRequests", 0);
    }

    /*
     * April in ON-NORTHWEST: 10 placements started (c1..c5 in the shelter, c4 twice, c2 moved and c3
     * re-placed in the hotel, c6 and c7 in the hotel) by 7 clients, shown as 5 (rounded to 5); 8 episodes (c4
     * has two: a three-night gap), 2 moves (c2's move, and c3's one-night gap) -> 0.25; waits 1, 2, 3, 4, 10
     * days -> median 3.0; hotel nights of five guests 4 x 120 + 3 x 120 + 2 x 120 + 6 x 139.50 (the last to
     * 04-30 of a stay to 05-03) + 2 x 120 (c8's 04-01 and 04-02).
     */
    @Test
    void placementsClientsMovesWaitsAndHotelNights() {
        assertFigures(row(report("groupBy=region&regionCode=ON-NORTHWEST&" + APRIL), NORTHWEST),
                "placements", 10, "clients", 5, "movesPerEpisode", "0.2500", "medianWaitDays", "3.0",
                "hotelNights", 17, "hotelCost", "2157.00");
    }

    @Test
    void fewerThanFivePeopleAreSuppressedButPlacementsAndNightsAreNot() {
        List<Map<String, Object>> rows = report("groupBy=type&regionCode=ON-NORTHWEST&" + APRIL);
        // no hotel guest: hotel figures about nobody are null too
        assertFigures(row(rows, "EMERGENCY_SHELTER"), "placements", 6, "clients", 5, "movesPerEpisode", "0.3333",
                "medianWaitDays", "3.0", "hotelNights", null, "hotelCost", null);
        // four clients placed, two episodes begun (c6, c7): withheld; five guests' hotel nights are shown
        assertFigures(row(rows, "HOTEL_MOTEL"), "placements", 4, "clients", null, "movesPerEpisode", null,
                "medianWaitDays", null, "hotelNights", 17, "hotelCost", "2157.00");
        // a single hotel guest's nights (c6's two in May) are withheld
        assertFigures(row(report("groupBy=region&type=HOTEL_MOTEL&from=2025-05-01&to=2025-05-31"), NORTHWEST),
                "hotelNights", null, "hotelCost", null);
    }

    /*
     * 04-01..04-04: three placements (exact), but the people behind every person figure are April's (issue 18),
     * so a range of a few days cannot be subtracted from another to find one person.
     */
    @Test
    void personFiguresCoverTheWholeMonthsOfTheRange() {
        Map<String, Object> answer = funder.get("/api/reports/capacity?groupBy=region&regionCode=ON-NORTHWEST"
                + "&from=2025-04-01&to=2025-04-04").map();
        assertThat(answer.get("personFiguresPeriod")).isEqualTo(Map.of("from", "2025-04-01", "to", "2025-04-30"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) answer.get("rows");
        assertFigures(row(rows, NORTHWEST), "placements", 3, "clients", 5, "medianWaitDays", "3.0", "hotelNights", 17);
        Map<String, Object> rest = row(report("groupBy=region&regionCode=ON-NORTHWEST&from=2025-04-05&to=2025-04-30"), NORTHWEST);
        for (String figure : List.of("clients", "movesPerEpisode", "medianWaitDays", "hotelNights", "hotelCost")) {
            assertThat(rest.get(figure)).as(figure).isEqualTo(row(rows, NORTHWEST).get(figure));
        }
        assertThat(rest.get("placements")).isEqualTo(7);
        Http.Reply csv = funder.withHeader("Accept", "text/csv").get("/api/reports/capacity?groupBy=month&from=2025-04-03&to=2025-05-02");
        assertThat(csv.header("Harbour-Person-Figures-Period")).isEqualTo("2025-04-01/2025-05-31");
    }

    @Test
    void groupByTypeCountsARequestUnderEachTypeItAskedFor() {
        List<Map<String, Object>> rows = report("groupBy=type&regionCode=ON-NORTHWEST&" + MARCH);
        assertFigures(row(rows, "DV_SHELTER"), "capacityNights", 99, "occupiedNights", 55,
                "bedRequests", 3, "unmetRequests", 0, "afterHoursRequests", 1);
        assertFigures(row(rows, "HOTEL_MOTEL"), "capacityNights", 0, "occupancyRate", null,
                "bedRequests", 2, "unmetRequests", 1, "unmetRate", "0.5000", "afterHoursRequests", 2);
        assertFigures(row(rows, "ANY"), "bedRequests", 1, "unmetRequests", 0);
        assertFigures(row(rows, "DETOX"), "bedRequests", 1, "unmetRequests", 1);
        assertFigures(row(rows, "TREATMENT"), "bedRequests", 1, "unmetRequests", 1);
        assertThat(rows).extracting(r -> r.get("group"))
                .containsExactly("ANY", "DETOX", "DV_SHELTER", "HOTEL_MOTEL", "TREATMENT");
    }

    @Test
    void groupByPopulationReadsRequestsFromTheStatedNeeds() {
        List<Map<String, Object>> rows = report("groupBy=population&regionCode=ON-NORTHWEST&" + MARCH);
        assertFigures(row(rows, "WOMEN"), "capacityNights", 99, "bedRequests", 1);
        assertFigures(row(rows, "FAMILIES"), "bedRequests", 1, "unmetRequests", 1);
        assertFigures(row(rows, "YOUTH"), "bedRequests", 1);
        assertFigures(row(rows, "MEN"), "bedRequests", 1);
        assertFigures(row(rows, "MIXED_ADULT"), "bedRequests", 1);
        assertFigures(row(rows, "ANY"), "bedRequests", 2);
    }

    /*
     * 02-27..03-10 by month: February has the opening row's night (cap 10, occ 10) and 02-28 (cap 9,
     * occ 5) and the 02-28 23:00 request; hotel nights of a stay 04-25..05-03 split at the month.
     */
    @Test
    void groupByMonthSplitsNightsRequestsAndHotelStaysAtMonthEnds() {
        List<Map<String, Object>> rows = report("groupBy=month&regionCode=ON-NORTHWEST&from=2025-02-27&to=2025-03-10");
        assertFigures(row(rows, "2025-02"), "capacityNights", 19, "occupiedNights", 15, "bedRequests", 1,
                "unmetRequests", 1, "afterHoursRequests", 1);
        assertFigures(row(rows, "2025-03"), "capacityNights", 99, "occupiedNights", 55, "bedRequests", 7);

        List<Map<String, Object>> stays = report("groupBy=month&type=HOTEL_MOTEL&from=2025-04-01&to=2025-05-31");
        assertFigures(row(stays, "2025-04"), "hotelNights", 17, "hotelCost", "2157.00", "placements", 4);
        assertFigures(row(stays, "2025-05"), "hotelNights", null, "hotelCost", null, "placements", 0);
    }

    @Test
    void filtersNarrowProgramsAndRequests() {
        assertFigures(row(report("groupBy=region&type=DV_SHELTER&regionCode=ON-NORTHWEST&" + MARCH), NORTHWEST),
                "capacityNights", 99, "bedRequests", 3, "unmetRequests", 0, "afterHoursRequests", 1);
        assertFigures(row(report("groupBy=region&population=YOUTH&regionCode=ON-NORTHWEST&" + MARCH), NORTHWEST),
                "capacityNights", 0, "bedRequests", 1);
        // requests have no capacity type: that filter narrows the programs only
        assertFigures(row(report("groupBy=region&capacityType=ROOM&regionCode=ON-NORTHWEST&" + MARCH), NORTHWEST),
                "capacityNights", 0, "bedRequests", 7);
        assertFigures(row(report("groupBy=region&capacityType=ROOM&regionCode=ON-NORTHWEST&" + APRIL), NORTHWEST),
                "placements", 4, "hotelNights", 17);
        assertThat(report("groupBy=region&regionCode=BC-INTERIOR&" + MARCH)).extracting(r -> r.get("group"))
                .containsExactly("BC-INTERIOR");
    }

    @Test
    void csvHasTheSameFieldsAndNumbersAsTheJson() {
        for (String query : List.of("groupBy=region&" + MARCH, "groupBy=type&regionCode=ON-NORTHWEST&" + APRIL)) {
            ReportRows.assertCsvMatchesJson(funder, query);
        }
    }

    private List<Map<String, Object>> report(String query) {
        return ReportRows.capacity(funder, query);
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String group) {
        return ReportRows.row(rows, group);
    }

    private static void assertFigures(Map<String, Object> row, Object... expected) {
        ReportRows.assertFigures(row, expected);
    }
}
