package org.harbour.importer;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.importer.TorontoOccupancyImportTest.reasons;
import static org.harbour.importer.TorontoOccupancyImportTest.skippedLines;
import static org.harbour.testdata.Problems.assertProblem;

/** POST /api/imports/toronto-central-intake: Toronto's daily Central Intake calls, on a real month (December 2023). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CentralIntakeImportTest implements HarbourTest {

    static final String ROUTE = "/api/imports/toronto-central-intake";

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(server.getURI());
    }

    @Test
    void theMonthImportsOneRowADayWithTheFilesFigures() {
        String csv = OpenData.resource(OpenData.INTAKE_EXTRACT);
        List<Map<String, String>> rows = OpenData.rows(csv);

        Map<String, Object> summary = importOk(csv);

        assertThat(summary).containsEntry("rows", rows.size()).containsEntry("days", 31).containsEntry("skipped", List.of());
        assertThat(Sql.number("SELECT COUNT(*) FROM central_intake_calls WHERE call_date BETWEEN '2023-12-01' AND '2023-12-31'"))
                .isEqualTo(31);
        for (Map<String, String> row : List.of(rows.get(0), rows.get(15), rows.get(rows.size() - 1))) {
            assertThat(Db.row("""
                    SELECT calls_handled, calls_coded, code_1a_referred_to_space, code_1d_declined_space,
                           code_3a_unavailable_family, code_3b_unavailable_individuals, code_4b_disconnected
                      FROM central_intake_calls WHERE call_date = ?""", row.get("Date"))).as(row.get("Date"))
                    .containsEntry("calls_handled", number(row, "Total calls handled"))
                    .containsEntry("calls_coded", number(row, "Total calls coded"))
                    .containsEntry("code_1a_referred_to_space", number(row, "Code 1A - Referral to a Sleeping/Resting Space"))
                    .containsEntry("code_1d_declined_space", number(row, "Code 1D - Declined Shelter/Resting Space"))
                    .containsEntry("code_3a_unavailable_family", number(row, "Code 3A - Shelter Space Unavailable - Family"))
                    .containsEntry("code_3b_unavailable_individuals",
                            number(row, "Code 3B - Shelter Space Unavailable - Individuals/Couples"))
                    .containsEntry("code_4b_disconnected", number(row, "Code 4B - Disconnected - No Outcome"));
        }
    }

    @Test
    void importingTheSameFileAgainChangesNothing() {
        String csv = OpenData.resource(OpenData.INTAKE_EXTRACT);
        Map<String, Object> first = importOk(csv);
        Map<String, Object> before = checksum();

        assertThat(importOk(csv)).isEqualTo(first);
        assertThat(checksum()).isEqualTo(before);
    }

    @Test
    void badRowsAreSkippedWithTheirLineAndReasonAndTheGoodOnesImported() {
        List<String> lines = OpenData.resource(OpenData.INTAKE_EXTRACT).lines().toList();
        String good = lines.get(1).replaceFirst(",2023-12-01,", ",2019-06-01,"); // days no other test imports
        String body = String.join("\r\n", List.of(
                lines.get(0),                                                          // 1 header
                good,                                                                  // 2
                good.replaceFirst(",2019-06-01,", ",2019-06-31,"),                      // 3 no such date
                TorontoOccupancyImportTest.replaceColumn(good.replace("06-01", "06-02"), 3, "-4"),   // 4 negative
                TorontoOccupancyImportTest.replaceColumn(good.replace("06-01", "06-03"), 13, "x"),   // 5 non-numeric 3A
                TorontoOccupancyImportTest.replaceColumn(good.replace("06-01", "06-04"), 14, ""),    // 6 missing 3B
                good.replace("06-01", "06-05") + ",1",                                 // 7 19 columns
                "\"\",,2019-06-06,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0"));                     // 8 a good day
        Map<String, Object> summary = importOk(body);

        assertThat(summary).containsEntry("rows", 2).containsEntry("days", 2);
        assertThat(skippedLines(summary)).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(reasons(summary)).satisfiesExactly(
                r -> assertThat(r).contains("Date"),
                r -> assertThat(r).contains("Total calls handled", "negative"),
                r -> assertThat(r).contains("Code 3A", "not a whole number"),
                r -> assertThat(r).contains("Code 3B", "missing"),
                r -> assertThat(r).contains("18 columns", "19"));
        assertThat(Sql.number("SELECT COUNT(*) FROM central_intake_calls WHERE call_date BETWEEN '2019-06-01' AND '2019-06-30'"))
                .isEqualTo(2);
    }

    @Test
    void aDayOutsideTheDateWindowIsSkippedWithItsReasonAndTheRestImported() {
        List<String> lines = OpenData.resource(OpenData.INTAKE_EXTRACT).lines().toList();
        String good = lines.get(1).replaceFirst(",2023-12-01,", ",2019-07-01,"); // a day no other test imports
        String body = String.join("\r\n", List.of(
                lines.get(0),                                              // 1 header
                good,                                                      // 2
                good.replaceFirst(",2019-07-01,", ",2101-01-01,"),          // 3
                good.replaceFirst(",2019-07-01,", ",1999-12-31,"),          // 4
                good.replaceFirst(",2019-07-01,", ",+10000-01-01,"),        // 5 past year 9999
                good.replaceFirst(",2019-07-01,", ",2019-07-02\u0000,")));  // 6 a NUL
        Map<String, Object> summary = importOk(body);

        assertThat(summary).containsEntry("rows", 1).containsEntry("days", 1);
        assertThat(skippedLines(summary)).containsExactly(3L, 4L, 5L, 6L);
        assertThat(reasons(summary)).satisfiesExactly(
                r -> assertThat(r).contains("Date", "between 2000-01-01 and 2100-12-31"),
                r -> assertThat(r).contains("Date", "between 2000-01-01 and 2100-12-31"),
                r -> assertThat(r).contains("Date", "between 2000-01-01 and 2100-12-31"),
                r -> assertThat(r).contains("Date", "control characters"));
        assertThat(Sql.number("SELECT COUNT(*) FROM central_intake_calls WHERE call_date BETWEEN '2019-07-01' AND '2019-07-31'"))
                .isEqualTo(1);
    }

    @Test
    void onlyAnAdminImportsAndOnlyThisFile() {
        String csv = OpenData.resource(OpenData.INTAKE_EXTRACT);
        for (Http caller : List.of(fixtures.funder(), fixtures.caseworker("Street Outreach Toronto"))) {
            assertProblem(caller.send("POST", ROUTE, csv, "text/csv"), 403);
        }
        assertProblem(fixtures.admin().send("POST", ROUTE, csv, "application/json"), 415);
        assertThat(assertProblem(fixtures.admin().send("POST", ROUTE, OpenData.resource(OpenData.OCCUPANCY_EXTRACT),
                "text/csv"), 400).get("detail")).asString().contains("Total calls handled");
    }

    @Test
    void theWholeSharedFileImportsWithNothingSkipped() throws Exception {
        String csv = Files.readString(OpenData.shared(OpenData.SHARED_INTAKE));

        long started = System.nanoTime();
        Map<String, Object> summary = importOk(csv);
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf("Toronto Central Intake, whole file over HTTP: %s rows in %.2f s = %.0f rows/s%n",
                summary.get("rows"), seconds, ((Number) summary.get("rows")).doubleValue() / seconds);
        assertThat(summary).containsEntry("rows", 1154).containsEntry("days", 1154).containsEntry("skipped", List.of());
        assertThat(Sql.number("SELECT COUNT(*) FROM central_intake_calls WHERE call_date BETWEEN '2020-11-03' AND '2023-12-31'"))
                .isEqualTo(1154);
    }

    @Test
    void theCommandLineImportsTheMonth() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        int status = ImportCommand.run(new String[]{"import", "toronto-central-intake",
                        OpenData.resourcePath(OpenData.INTAKE_EXTRACT).toString()},
                TorontoOccupancyImportTest.commandLineEnvironment(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("31 rows, 31 days, 0 skipped");
    }

    private Map<String, Object> importOk(String csv) {
        Http.Reply reply = fixtures.admin().send("POST", ROUTE, csv, "text/csv");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.map();
    }

    private static Map<String, Object> checksum() {
        return Db.row("""
                SELECT COUNT(*) AS days, SUM(CRC32(CONCAT_WS('|', call_date, calls_handled, calls_coded,
                       code_1a_referred_to_space, code_1b_transferred_to_awhl, code_1c_referred_to_eviction_prevention,
                       code_1d_declined_space, code_2a_internal_transfer, code_2b_external_transfer,
                       code_2c_information_homelessness, code_2d_information_other, code_3a_unavailable_family,
                       code_3b_unavailable_individuals, code_3c_follow_up, code_4a_dead_air, code_4b_disconnected))) AS sum
                  FROM central_intake_calls""");
    }

    private static int number(Map<String, String> row, String column) {
        return Integer.parseInt(row.get(column));
    }
}
