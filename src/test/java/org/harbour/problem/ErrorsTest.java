package org.harbour.problem;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.testdata.FacilityBuilder.defaultFacility;
import static org.harbour.testdata.Problems.assertNothingInternal;
import static org.harbour.testdata.Problems.assertProblem;
import static org.harbour.testdata.ProgramBuilder.defaultProgram;

/** API.md "Errors": every error is problem+json, tells nothing about the inside, and bad input is never a 5xx. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorsTest implements HarbourTest {

    static final List<String> GARBAGE_BODIES = List.of("", "{", "}", "null", "[]", "\"text\"", "42", "{}",
            "{\"available\": {}}", "{\"name\": [1, {}]}", "{\"programs\": [null]}", "{\"programs\": [{}]}",
            "{\"intakeHours\": {\"weekly\": [null, {}]}}", "{\"facilityIds\": [\"x\"]}", "{\"role\": \"KING\"}",
            "{\"username\": null, \"password\": 5}", "\u0000\u0001", "{\"a\": \"\\ud800\"}",
            "[".repeat(5000), "{\"x\":".repeat(3000) + "1" + "}".repeat(3000),
            "{\"available\": 1e309}", "{\"available\": -0, \"outOfService\": 1E2}");
    static final List<String> GARBAGE_IDS = List.of("abc", "-1", "0", "1.5", "99999999999999999999", "%20", "%00",
            "1%27%20OR%201=1", "%F0%9F%98%80", "null");

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;
    Http admin;
    long facilityId;
    long programId;

    @BeforeAll
    void createSomething() {
        fixtures = new Fixtures(server.getURI());
        admin = fixtures.admin();
        var facility = fixtures.facility(defaultFacility().withProgram(defaultProgram()));
        facilityId = facility.id();
        programId = facility.programId();
    }

    @Test
    void anUnknownRouteIs404ProblemForAnyoneWithOrWithoutAToken() {
        assertProblem(admin.get("/api/nothing-here"), 404);
        assertProblem(admin.get("/no/such/page"), 404);
        assertProblem(fixtures.anonymous().get("/api/nothing-here"), 404);
    }

    @Test
    void aWrongMethodIs405Problem() {
        assertProblem(admin.delete("/api/facilities"), 405);
        assertProblem(admin.send("PATCH", "/api/programs/" + programId + "/availability", "{}", "application/json"), 405);
        assertProblem(admin.post("/api/availability", "{}"), 405);
    }

    @Test
    void noOrABadTokenIs401Problem() {
        Http anonymous = fixtures.anonymous();
        assertProblem(anonymous.get("/api/facilities"), 401);
        assertProblem(anonymous.get("/api/availability"), 401);
        assertProblem(anonymous.put("/api/programs/" + programId + "/availability", "{\"available\": 1}"), 401);
        assertProblem(anonymous.as("not-a-token").get("/api/facilities"), 401);
        String tampered = admin.token().substring(0, admin.token().length() - 4) + "AAAA";
        assertProblem(anonymous.as(tampered).get("/api/facilities"), 401);
    }

    @Test
    void aRoleThatMayNotIs403Problem() {
        assertProblem(fixtures.funder().post("/api/facilities", defaultFacility().build()), 403);
        assertProblem(fixtures.caseworker("Street Outreach Toronto").put("/api/programs/" + programId, "{}"), 403);
    }

    @Test
    void aVeryLongParameterWithABodyIsAnsweredAndTheConnectionServesTheNextRequest() {
        String longValue = "x".repeat(10_000);
        // four of them, as the bad-input property test may send: still under the 64 KiB request line
        String query = "?limit=" + longValue + "&from=" + longValue + "&to=" + longValue + "&since=" + longValue;
        for (int i = 0; i < 20; i++) {
            // the URL was read (not a 413 and a closed connection): the answer is about the body
            assertProblem(admin.post("/api/clients" + query, "{\"alias\": \"Long URL\"}"), 422);
        }
        assertProblem(admin.get("/api/placements?endingWithinDays=" + longValue), 400);
        assertProblem(admin.get("/api/availability?regionCode=" + "x".repeat(70_000)), 413);
        assertThat(admin.get("/api/clients").status()).isEqualTo(200);
    }

    @Test
    void anUnreadableAcceptLanguageOrCharsetIsIgnored() {
        for (String header : List.of("Accept-Language", "Accept-Charset")) {
            for (String value : List.of(",", ";", ",;", ",;a", ";q=", "en;q=x", "*;q=2", "\u00e9", "a".repeat(3000))) {
                Http odd = admin.withHeader(header, value);
                assertThat(odd.get("/api/placements?endingWithinDays=2").status()).as(header + ": " + value).isEqualTo(200);
                assertProblem(odd.post("/api/facilities", "1723668807425383908"), 400);
            }
        }
    }

    @Test
    void aBodyThatIsNotJsonIs415Problem() {
        assertProblem(admin.send("POST", "/api/facilities", "name=Harbour", "application/x-www-form-urlencoded"), 415);
        assertProblem(admin.send("PUT", "/api/programs/" + programId + "/availability", "available=1", "text/plain"), 415);
    }

    @Test
    void garbageBodiesOnEveryWritingEndpointAreAnsweredWithout5xx() {
        List<String[]> endpoints = List.of(
                new String[]{"POST", "/api/facilities"},
                new String[]{"PUT", "/api/facilities/" + facilityId},
                new String[]{"POST", "/api/facilities/" + facilityId + "/programs"},
                new String[]{"PUT", "/api/programs/" + programId},
                new String[]{"PUT", "/api/programs/" + programId + "/availability"},
                new String[]{"POST", "/api/users"},
                new String[]{"POST", "/api/login"},
                new String[]{"POST", "/api/facilities/" + facilityId + "/feed-keys"});
        List<String> serverErrors = new ArrayList<>();
        for (String[] endpoint : endpoints) {
            for (String body : GARBAGE_BODIES) {
                check(admin.send(endpoint[0], endpoint[1], body, "application/json"), endpoint[0] + " " + endpoint[1]
                        + " " + abbreviate(body), serverErrors);
            }
        }
        assertThat(serverErrors).isEmpty();
    }

    @Test
    void garbageIdsAndParametersOnEveryEndpointAreAnsweredWithout5xx() {
        List<String> serverErrors = new ArrayList<>();
        String program = Http.json(defaultProgram().build());
        for (String id : GARBAGE_IDS) {
            check(admin.get("/api/facilities/" + id), "GET facility " + id, serverErrors);
            check(admin.put("/api/facilities/" + id, defaultFacility().build()), "PUT facility " + id, serverErrors);
            check(admin.send("POST", "/api/facilities/" + id + "/programs", program, "application/json"),
                    "POST program " + id, serverErrors);
            check(admin.send("PUT", "/api/programs/" + id, program, "application/json"), "PUT program " + id, serverErrors);
            check(admin.get("/api/programs/" + id + "/availability"), "GET counts " + id, serverErrors);
            check(admin.put("/api/programs/" + id + "/availability", "{\"available\": 1}"), "PUT counts " + id, serverErrors);
            check(admin.post("/api/facilities/" + id + "/feed-keys", "{}"), "POST feed key " + id, serverErrors);
        }
        for (String query : List.of("?regionCode=%00", "?type=" + "x".repeat(5000), "?since=abc", "?page=-1&size=1e9")) {
            for (String path : List.of("/api/availability", "/api/facilities", "/api/regions", "/api/users")) {
                check(admin.get(path + query), "GET " + path + query, serverErrors);
            }
        }
        assertThat(serverErrors).isEmpty();
    }

    private static void check(Http.Reply reply, String what, List<String> serverErrors) {
        if (reply.status() >= 500) {
            serverErrors.add(what + " -> " + reply.status() + " " + reply.body());
            return;
        }
        assertNothingInternal(reply);
        if (reply.status() >= 400) {
            assertThat(reply.contentType()).as(what).startsWith("application/problem+json");
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 40 ? body.substring(0, 40) + "..." : body;
    }
}
