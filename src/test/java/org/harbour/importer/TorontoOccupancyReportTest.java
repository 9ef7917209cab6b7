package org.harbour.importer;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The funders' report over imported Toronto nights reproduces Toronto's own figures: for each population
 * and for bed- and room-based programs apart, capacity nights, occupied nights and the occupancy rate
 * summed here straight from the CSV, without the importer.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TorontoOccupancyReportTest implements HarbourTest {

    private static final Map<String, String> POPULATION = Map.of("Families", "FAMILIES", "Mixed Adult", "MIXED_ADULT",
            "Men", "MEN", "Women", "WOMEN", "Youth", "YOUTH");

    @Inject
    EmbeddedServer server;

    Http admin;
    Http funder;

    @BeforeAll
    void setUp() {
        Fixtures fixtures = new Fixtures(server.getURI());
        admin = fixtures.admin();
        funder = fixtures.funder();
    }

    @Test
    void theExtractsNightsMatchTheCsvForEveryPopulationAndCapacityType() {
        String csv = OpenData.resource(OpenData.OCCUPANCY_EXTRACT);
        importCsv(csv);
        assertReportMatches(csv, "2024-01-01", "2024-01-03");
    }

    @Test
    void theWholeSharedFilesNightsMatchTheCsv() throws IOException {
        Path file = OpenData.shared(OpenData.SHARED_OCCUPANCY);
        String csv = Files.readString(file);
        importCsv(csv);
        assertReportMatches(csv, "2024-01-01", "2024-03-25");
    }

    private void importCsv(String csv) {
        Http.Reply reply = admin.send("POST", "/api/imports/toronto-occupancy", csv, "text/csv");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private void assertReportMatches(String csv, String from, String to) {
        for (String capacityType : List.of("BED", "ROOM")) {
            Map<String, long[]> expected = expectedByPopulation(csv, capacityType);
            Http.Reply reply = funder.get("/api/reports/capacity?from=" + from + "&to=" + to
                    + "&groupBy=population&regionCode=ON-CENTRAL&capacityType=" + capacityType);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) reply.map().get("rows");
            Map<String, Map<String, Object>> byGroup = new HashMap<>();
            rows.forEach(row -> byGroup.put((String) row.get("group"), row));
            expected.forEach((population, sums) -> {
                Map<String, Object> row = byGroup.get(population);
                assertThat(row).as(capacityType + " " + population + " in " + reply.body()).isNotNull();
                assertThat(number(row.get("capacityNights"))).as(capacityType + " " + population + " capacityNights")
                        .isEqualTo(sums[0]);
                assertThat(number(row.get("occupiedNights"))).as(capacityType + " " + population + " occupiedNights")
                        .isEqualTo(sums[1]);
                BigDecimal rate = BigDecimal.valueOf(sums[1]).divide(BigDecimal.valueOf(sums[0]), 4, RoundingMode.HALF_UP);
                assertThat(new BigDecimal(row.get("occupancyRate").toString())).as(capacityType + " " + population + " rate")
                        .isEqualByComparingTo(rate);
            });
        }
    }

    /** population -> {capacity nights, occupied nights}, read straight from Toronto's columns. */
    private static Map<String, long[]> expectedByPopulation(String csv, String capacityType) {
        String suffix = capacityType.equals("BED") ? "BED" : "ROOM";
        String occupied = capacityType.equals("BED") ? "OCCUPIED_BEDS" : "OCCUPIED_ROOMS";
        Map<String, long[]> sums = new HashMap<>();
        for (Map<String, String> row : OpenData.rows(csv)) {
            if (!row.get("CAPACITY_TYPE").startsWith(capacityType.equals("BED") ? "Bed" : "Room")) {
                continue;
            }
            long[] s = sums.computeIfAbsent(POPULATION.get(row.get("SECTOR")), k -> new long[2]);
            s[0] += Long.parseLong(row.get("CAPACITY_ACTUAL_" + suffix));
            s[1] += Long.parseLong(row.get(occupied));
        }
        return sums;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
