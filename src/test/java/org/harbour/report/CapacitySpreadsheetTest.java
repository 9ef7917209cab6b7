package org.harbour.report;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.Http;
import org.harbour.testdata.MutableClock;
import org.harbour.testdata.OnPrivateDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 item 3: the capacity report as a spreadsheet a funder files. It opens (read back with the library that
 * wrote it), its header states the period, the whole months of the person figures, the suppression rule and the data
 * sources, and its table is the CSV's header over the JSON's figures, suppressed cells empty: not a side door.
 * Over {@link NorthwestScenario} (its own nights, imported open data, placements of eight people) on a database of
 * its own, so the sources' dates are known.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CapacitySpreadsheetTest extends OnPrivateDatabase {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String MARCH_APRIL = "/api/reports/capacity?from=2025-03-01&to=2025-04-30&groupBy=region";

    @Inject
    MutableClock clock;

    Http funder;

    @Override
    protected String databaseName() {
        return "spreadsheet-mariadb";
    }

    @Override
    protected Map<String, String> overrides() {
        return Map.of("harbour.test.mutable-clock", "true");
    }

    @BeforeAll
    void buildScenario() {
        Fixtures fixtures = new Fixtures(server.getURI());
        new NorthwestScenario(fixtures, clock, database.sql()).build();
        funder = fixtures.funder();
    }

    @Test
    void theSpreadsheetHasTheJsonFiguresUnderTheCsvHeader() {
        Sheet sheet = download(MARCH_APRIL);
        List<Map<String, Object>> json = rows(funder.get(MARCH_APRIL));
        String csvHeader = funder.withHeader("Accept", "text/csv").get(MARCH_APRIL).body().lines().findFirst().orElseThrow();

        assertThat(String.join(",", sheet.columns())).isEqualTo(csvHeader);
        assertThat(sheet.rows()).hasSameSizeAs(json);
        for (int i = 0; i < json.size(); i++) {
            for (String column : sheet.columns()) {
                Object expected = jsonValue(json.get(i), column);
                Object actual = sheet.rows().get(i).get(column);
                if (expected instanceof BigDecimal number && actual instanceof BigDecimal shown) {
                    assertThat(shown).as("row %d, %s", i, column).isEqualByComparingTo(number);
                } else {
                    assertThat(actual).as("row %d, %s", i, column).isEqualTo(expected);
                }
            }
        }
        // suppression is exercised both ways: some person counts shown (rounded), some withheld (an empty cell)
        assertThat(json).extracting(r -> r.get("clients")).contains((Object) null).anyMatch(c -> c != null);
    }

    @Test
    void theHeaderStatesThePeriodTheSuppressionRuleAndTheSources() {
        Map<String, String> header = download(MARCH_APRIL).header();

        assertThat(header.get("Period")).startsWith("2025-03-01 to 2025-04-30");
        assertThat(header.get("Figures about people cover")).startsWith("2025-03-01 to 2025-04-30 (whole months");
        assertThat(header.get("Suppression rule")).contains("nearest multiple of 5", "fewer than 5 distinct people");
        assertThat(header.get("Grouped by")).isEqualTo("region");
        assertThat(header.get("Filters")).isEqualTo("none");
        // Harbour's counts: the Kamloops change at 03:59 on 03-02 is the night of 03-01
        assertThat(header.get("Source: Harbour's own counts")).contains("changed on nights 2025-03-01 to ");
        // the imported respite site: nights 03-01, 03-02 and 03-04, whatever their UTC dates
        assertThat(header.get("Source: imported open data"))
                .startsWith("nights 2025-03-01 to 2025-03-04, 1 program").contains("City of Toronto");
        assertThat(header).containsKey("Generated");
    }

    @Test
    void theSourcesFollowTheFilters() {
        Map<String, String> header = download(MARCH_APRIL + "&regionCode=ON-NORTHWEST").header();

        assertThat(header.get("Filters")).isEqualTo("regionCode=ON-NORTHWEST");
        assertThat(header.get("Source: imported open data")).startsWith("none in this period");
        assertThat(header.get("Source: Harbour's own counts")).contains("changed on nights 2025-03-02 to ");
    }

    @Test
    void theCsvIsStillWhatItWasAndJsonStaysTheDefault() {
        Http.Reply csv = funder.withHeader("Accept", "text/csv").get(MARCH_APRIL);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("group,capacityNights,");
        assertThat(funder.withHeader("Accept", "*/*").get(MARCH_APRIL).contentType()).startsWith("application/json");
        assertThat(funder.withHeader("Accept", "application/json;q=0.9, " + XLSX).get(MARCH_APRIL).status()).isEqualTo(200);
    }

    /** The header lines (label: text) above the blank row, then the table as column -> value per row. */
    record Sheet(Map<String, String> header, List<String> columns, List<Map<String, Object>> rows) {
    }

    Sheet download(String path) {
        HttpResponse<byte[]> response;
        try {
            response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.getURI().resolve(path))
                    .header("Accept", XLSX).header("Authorization", "Bearer " + funder.token()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(XLSX);
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .matches("attachment; filename=\"harbour-capacity-\\d{4}-\\d{2}-\\d{2}-\\d{4}-\\d{2}-\\d{2}\\.xlsx\"");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(response.body()))) {
            List<Row> all = workbook.getFirstSheet().read();
            Map<String, String> header = new LinkedHashMap<>();
            int r = 0;
            for (; r < all.size() && cell(all.get(r), 0).isPresent() && all.get(r).getRowNum() == r + 1; r++) {
                header.put(all.get(r).getCellText(0), all.get(r).getCellText(1));
            }
            Row columnRow = all.get(r);
            List<String> columns = columnRow.stream().map(Cell::getText).toList();
            List<Map<String, Object>> rows = all.subList(r + 1, all.size()).stream().map(row -> {
                Map<String, Object> values = new LinkedHashMap<>();
                for (int c = 0; c < columns.size(); c++) {
                    values.put(columns.get(c), cell(row, c).map(Cell::getValue).orElse(null));
                }
                return values;
            }).toList();
            return new Sheet(header, columns, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Cell> cell(Row row, int column) {
        return row.getOptionalCell(column).filter(c -> c.getType() != CellType.EMPTY);
    }

    /** The JSON's value under a CSV column, as the sheet should hold it: numbers as BigDecimal, null as null. */
    @SuppressWarnings("unchecked")
    private static Object jsonValue(Map<String, Object> row, String column) {
        Object value = column.startsWith("doorRefusalsByReason.")
                ? ((Map<String, Object>) row.get("doorRefusalsByReason")).get(column.substring(column.indexOf('.') + 1))
                : row.get(column);
        return value instanceof Number n ? new BigDecimal(n.toString()) : value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return (List<Map<String, Object>>) reply.map().get("rows");
    }
}
