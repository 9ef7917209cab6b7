package org.harbour.report;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.Problems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may read reports (funders: aggregates and nothing else) and what a bad parameter answers. */
@MicronautTest(transactional = false)
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class ReportParametersTest implements HarbourTest {

    private static final String VALID = "from=2025-01-01&to=2025-01-31&groupBy=region";

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;
    Http funder;
    Http caseworker;

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        funder = fixtures.funder();
        caseworker = fixtures.caseworker(Fixtures.unique("Report Outreach"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/reports/capacity?" + VALID, "/api/reports/turnaways?from=2025-01-01&to=2025-01-31"})
    void fundersAndAdminsReadReportsOthersMayNot(String path) {
        assertThat(funder.get(path).status()).isEqualTo(200);
        assertThat(fixtures.admin().get(path).status()).isEqualTo(200);
        Problems.assertProblem(caseworker.get(path), 403);
        Problems.assertProblem(fixtures.staffOf(fixtures.facilityWithBeds(2, 1).id()).get(path), 403);
        Problems.assertProblem(fixtures.anonymous().get(path), 401);
    }

    @Test
    void fundersGetNoClientLevelEndpoint() {
        long clientId = caseworker.post("/api/clients", Map.of("alias", "Private", "needs", Map.of())).id();
        for (String path : List.of("/api/clients", "/api/clients/" + clientId, "/api/placements",
                "/api/clients/" + clientId + "/placements", "/api/waitlist?programId=1")) {
            Problems.assertProblem(funder.get(path), 403);
        }
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "''                                                           | 422 | groupBy",
            "from=2025-03-10&to=2025-03-01&groupBy=region                 | 422 | to",
            "from=2022-01-01&to=2025-01-01&groupBy=region                 | 422 | to",
            "from=0001-01-01&to=0001-12-31&groupBy=region                 | 422 | from,to",
            "from=2025-01-01&to=2025-01-31&groupBy=county                 | 422 | groupBy",
            "from=2025-01-01&to=2025-01-31                                | 422 | groupBy",
            "from=2025-01-01&to=2025-01-31&groupBy=region,region          | 422 | groupBy",
            "from=2025-01-01&to=2025-01-31&groupBy=region,type,month      | 422 | groupBy",
            "from=2025-01-01&to=2025-01-31&groupBy=region,                | 422 | groupBy",
            "from=2025-01-01&to=2025-01-31&groupBy=region,capacityType    | 422 | groupBy",
            "from=2025-01-01&groupBy=region                               | 422 | to",
            VALID + "&type=CASTLE                                         | 422 | type",
            VALID + "&population=ELDERS                                   | 422 | population",
            VALID + "&capacityType=TENT                                   | 422 | capacityType",
            VALID + "&regionCode=ON-ATLANTIS                              | 422 | regionCode",
            "from=2025-01-01&to=2025-01-31&groupBy=x&type=y&population=z&capacityType=w&regionCode=q"
                    + " | 422 | groupBy,regionCode,type,population,capacityType",
            "from=2025-02-30&to=2025-03-31&groupBy=region                 | 400 | from",
            "from=yesterday&to=2025-1-5&groupBy=region                    | 400 | from,to",
            "from=2025-01-01T00:00&to=2025-01-31&groupBy=region           | 400 | from",
            "from=%00&to=%FF%FE&groupBy=region                            | 400 | from,to",
    })
    void badParametersAreNamed(String query, int status, String fields) {
        Http.Reply reply = funder.get("/api/reports/capacity?" + query);
        Map<String, Object> problem = Problems.assertProblem(reply, status);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactlyInAnyOrder((Object[]) fields.split(","));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "from=2022-01-01&to=2024-12-31&groupBy=month", // exactly three years
            "from=2025-01-01&to=2025-01-01&groupBy=REGION&regionCode=on-northwest&type=dv_shelter",
            "from=%202025-01-01%20&to=2025-01-31&groupBy=Population&capacityType=room&population=",
            "from=2025-01-01&to=2025-03-01&groupBy=type&unknown=1",
            "from=2025-01-01&to=2025-03-01&groupBy=Region,%20TYPE",
            "groupBy=month",
    })
    void wellFormedVariationsAreAccepted(String query) {
        Http.Reply reply = funder.get("/api/reports/capacity?" + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.map()).containsKey("rows");
    }

    @ParameterizedTest
    @ValueSource(strings = {"groupBy=region&from=2025-01-01&to=", "groupBy=region&regionCode=%27%3B--&from=1&to=2",
            "groupBy=%E2%82%AC&from=2025-01-01&to=2025-01-02", "from[]=x&to=2025-01-01",
            "from=2025-01-01&from=2025-02-01&to=2025-03-01&groupBy=type"})
    void oddInputIsNeverAServerError(String query) {
        for (String accept : List.of("application/json", "text/csv", "application/xml", "*/*")) {
            Http.Reply reply = funder.withHeader("Accept", accept).get("/api/reports/capacity?" + query);
            assertThat(reply.status()).as(accept + " " + reply.body()).isBetween(400, 499);
            Problems.assertNothingInternal(reply);
        }
        Http.Reply longRegion = funder.get("/api/reports/capacity?" + VALID + "&regionCode=" + "X".repeat(1500));
        assertThat(longRegion.status()).isBetween(400, 499);
    }

    @Test
    void anErrorIsProblemJsonEvenWhenCsvWasAsked() {
        Problems.assertProblem(funder.withHeader("Accept", "text/csv").get("/api/reports/capacity?groupBy=county"), 422);
    }

    @Test
    void jsonUnlessCsvIsTheCallersFirstChoice() {
        String path = "/api/reports/capacity?" + VALID;
        assertThat(funder.withHeader("Accept", "text/csv, application/json;q=0.5").get(path).contentType()).startsWith("text/csv");
        assertThat(funder.withHeader("Accept", "application/json, text/csv").get(path).contentType()).startsWith("application/json");
        assertThat(funder.withHeader("Accept", "*/*").get(path).contentType()).startsWith("application/json");
    }

    @Test
    void turnawayParametersAreCheckedTheSameWay() {
        Problems.assertProblem(funder.get("/api/reports/turnaways"), 422);
        Problems.assertProblem(funder.get("/api/reports/turnaways?from=2025-01-01&to=2028-01-01"), 422);
        Problems.assertProblem(funder.get("/api/reports/turnaways?from=2025-01-02&to=2025-01-01"), 422);
        Problems.assertProblem(funder.get("/api/reports/turnaways?from=soon&to=2025-01-01"), 400);
    }
}
