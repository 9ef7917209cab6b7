package org.harbour.report;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.harbour.platform.EmbeddedDatabase;
import org.harbour.report.AttackerTruth.Cell;
import org.harbour.report.AttackerTruth.Query;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.Http;
import org.harbour.testdata.OnPrivateDatabase;
import org.harbour.testdata.Problems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 item 1: reports in two dimensions ({@code groupBy=region,type}: a row per pair, group and group2), months
 * that run on without gaps, and a default range that covers the data, over {@link AttackerData} on a database of
 * its own (so its extent is known).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossTabReportTest extends OnPrivateDatabase {

    static final String RANGE = "from=2024-10-01&to=2025-03-31";
    /** Figures that are not about people: exact, so a row's cells add up to it. */
    static final List<String> EXACT = List.of("capacityNights", "occupiedNights", "placements", "bedRequests",
            "unmetRequests", "afterHoursRequests");

    AttackerData data;
    Http funder;

    @Override
    protected String databaseName() {
        return "crosstab-mariadb";
    }

    @BeforeAll
    void buildDataSet() {
        Fixtures fixtures = new Fixtures(server.getURI());
        data = new AttackerData(19);
        data.build(fixtures, database.jdbcUrl(), EmbeddedDatabase.USER);
        funder = fixtures.funder();
    }

    /*
     * The cells of a group add up to the group's row of the one-dimensional report, for every exact figure; with
     * type second, requests are left out: a request counts once under each type it asked for.
     */
    @ParameterizedTest
    @ValueSource(strings = {"region,type", "type,region", "population,month", "month,region"})
    void cellsAddUpToTheOneDimensionalRows(String groupBy) {
        String first = groupBy.substring(0, groupBy.indexOf(','));
        List<Map<String, Object>> cells = ReportRows.capacity(funder, "groupBy=" + groupBy + "&" + RANGE);
        List<Map<String, Object>> rows = ReportRows.capacity(funder, "groupBy=" + first + "&" + RANGE);
        assertThat(cells).allSatisfy(c -> assertThat(c).containsKeys("group", "group2"));
        assertThat(rows).noneSatisfy(r -> assertThat(r).containsKey("group2"));
        List<String> figures = groupBy.endsWith(",type") ? EXACT.subList(0, 3) : EXACT;
        for (Map<String, Object> row : rows) {
            for (String figure : figures) {
                long sum = cells.stream().filter(c -> c.get("group").equals(row.get("group")))
                        .mapToLong(c -> ((Number) c.get(figure)).longValue()).sum();
                assertThat(sum).as(row.get("group") + " " + figure).isEqualTo(((Number) row.get(figure)).longValue());
            }
        }
        assertThat(rows.stream().mapToLong(r -> ((Number) r.get("placements")).longValue()).sum()).isPositive();
        assertThat(rows.stream().mapToLong(r -> ((Number) r.get("bedRequests")).longValue()).sum()).isPositive();
    }

    /** Each cell's person counts are its own people's, over whole months, rounded to 5 and null under 5. */
    @Test
    void suppressionHoldsInEveryCell() {
        Query q = new Query(LocalDate.of(2024, 11, 10), LocalDate.of(2025, 1, 20), List.of("region", "type"), Map.of());
        Map<String, Cell> truth = AttackerTruth.cells(data, q, LocalDate.of(2024, 11, 1), LocalDate.of(2025, 1, 31));
        List<Map<String, Object>> cells = ReportRows.capacity(funder, q.path().substring(q.path().indexOf('?') + 1));
        int small = 0;
        for (Map<String, Object> cell : cells) {
            Cell people = truth.getOrDefault(AttackerTruth.rowKey(cell), new Cell());
            int clients = people.clients.size();
            small += clients > 0 && clients < 5 ? 1 : 0;
            Object shown = cell.get("clients");
            assertThat(shown).as(AttackerTruth.rowKey(cell)).isEqualTo(clients < 5 ? null : (int) Suppression.roundToFive(clients));
            if (clients < 5) {
                assertThat(cell.get("movesPerEpisode")).isNull();
                assertThat(cell.get("medianWaitDays")).isNull();
            }
            if (people.hotelGuests.size() < 5) {
                assertThat(cell.get("hotelNights")).isNull();
                assertThat(cell.get("hotelCost")).isNull();
            }
        }
        assertThat(small).as("cells of one to four people").isPositive();
    }

    @Test
    void csvHasAGroupAndAGroup2Column() {
        ReportRows.assertCsvMatchesJson(funder, "groupBy=region,type&" + RANGE);
        String csv = funder.withHeader("Accept", "text/csv").get("/api/reports/capacity?groupBy=month,type&" + RANGE).body();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("group,group2,capacityNights,");
        String one = funder.withHeader("Accept", "text/csv").get("/api/reports/capacity?groupBy=type&" + RANGE).body();
        assertThat(one.lines().findFirst().orElseThrow()).startsWith("group,capacityNights,");
    }

    /** August 2024 to May 2025: ten months, those without data as rows of zeros and nulls, in order. */
    @Test
    void monthsRunOnWithoutGaps() {
        List<Map<String, Object>> rows = ReportRows.capacity(funder, "groupBy=month&from=2024-08-15&to=2025-05-10&regionCode=ON-EAST");
        List<String> months = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2024, 8); !m.isAfter(YearMonth.of(2025, 5)); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        assertThat(rows).extracting(r -> r.get("group")).containsExactlyElementsOf(months);
        // two programs of 30 beds, whose last counts stay in force through May
        ReportRows.assertFigures(ReportRows.row(rows, "2025-05"), "capacityNights", 2 * 30 * 10, "placements", 0,
                "bedRequests", 0, "clients", null);
        ReportRows.assertFigures(ReportRows.row(rows, "2024-08"), "capacityNights", 0, "occupancyRate", null,
                "placements", 0, "clients", null, "hotelNights", null);
        // with two dimensions, every month for each region that has a row
        List<Map<String, Object>> cells = ReportRows.capacity(funder, "groupBy=region,month&from=2024-08-01&to=2025-05-31");
        for (String region : AttackerData.REGIONS) {
            assertThat(cells.stream().filter(c -> region.equals(c.get("group"))).map(c -> c.get("group2")))
                    .as(region).containsExactlyElementsOf(months);
        }
    }

    /** Without dates: from the first thing that happened to yesterday (counts stay in force), and said so. */
    @Test
    void withoutDatesTheRangeCoversTheData() {
        Http.Reply reply = funder.get("/api/reports/capacity?groupBy=region");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        assertThat(reply.map().get("range")).isEqualTo(Map.of("from", data.firstDay.toString(), "to", yesterday.toString()));
        assertThat(((Map<?, ?>) reply.map().get("personFiguresPeriod")).get("from"))
                .isEqualTo(data.firstDay.withDayOfMonth(1).toString());
        Problems.assertInvalidField(funder.get("/api/reports/capacity?groupBy=region&from=2025-01-01"), "to");
    }
}
