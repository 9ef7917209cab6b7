package org.harbour.report;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.Sql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Central Intake's daily calls (written here as the importer would), per day and in total. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TurnawayReportTest implements HarbourTest {

    /** Days before Toronto's published series begins, so an imported file never overlaps them. */
    private static final String RANGE = "from=2019-02-01&to=2019-02-02";

    @Inject
    EmbeddedServer server;

    Http funder;

    @BeforeAll
    void setUp() {
        funder = new Fixtures(server.getURI()).funder();
        day("2019-01-31", 999, 999, 999, 999);
        day("2019-02-01", 310, 120, 14, 61);
        day("2019-02-02", 288, 101, 0, 55);
        day("2019-02-03", 999, 999, 999, 999);
    }

    private static void day(String date, int calls, int referrals, int family, int individuals) {
        Sql.update("""
                REPLACE INTO central_intake_calls (call_date, calls_handled, calls_coded, code_1a_referred_to_space,
                       code_1b_transferred_to_awhl, code_1c_referred_to_eviction_prevention, code_1d_declined_space,
                       code_2a_internal_transfer, code_2b_external_transfer, code_2c_information_homelessness,
                       code_2d_information_other, code_3a_unavailable_family, code_3b_unavailable_individuals,
                       code_3c_follow_up, code_4a_dead_air, code_4b_disconnected)
                VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, ?, ?, 0, 0, 0)""", date, calls, calls - 10, referrals, family, individuals);
    }

    @Test
    void eachDayInOrderAndTheTotalsOfWhatIsKnown() {
        Http.Reply reply = funder.get("/api/reports/turnaways?" + RANGE);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) reply.map().get("rows");
        assertThat(rows).containsExactly(
                Map.of("date", "2019-02-01", "callsHandled", 310, "referralsToSpace", 120, "unavailableFamily", 14,
                        "unavailableIndividuals", 61),
                Map.of("date", "2019-02-02", "callsHandled", 288, "referralsToSpace", 101, "unavailableFamily", 0,
                        "unavailableIndividuals", 55));
        assertThat(reply.map().get("totals")).isEqualTo(Map.of("days", 2, "callsHandled", 598, "referralsToSpace", 221,
                "unavailableFamily", 14, "unavailableIndividuals", 116));
    }

    @Test
    void noDaysIsAnEmptyListWithZeroTotals() {
        Map<String, Object> body = funder.get("/api/reports/turnaways?from=2000-02-01&to=2000-02-29").map();
        assertThat(body.get("rows")).isEqualTo(List.of());
        assertThat(body.get("totals")).isEqualTo(Map.of("days", 0, "callsHandled", 0, "referralsToSpace", 0,
                "unavailableFamily", 0, "unavailableIndividuals", 0));
    }

    @Test
    void csvHasTheSameRows() throws IOException {
        Http.Reply csv = funder.withHeader("Accept", "text/csv").get("/api/reports/turnaways?" + RANGE);

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv.body()));
        assertThat(parser.getHeaderNames()).containsExactly("date", "callsHandled", "referralsToSpace",
                "unavailableFamily", "unavailableIndividuals");
        assertThat(parser.getRecords()).extracting(CSVRecord::values).containsExactly(
                new String[] {"2019-02-01", "310", "120", "14", "61"},
                new String[] {"2019-02-02", "288", "101", "0", "55"});
    }
}
