package org.harbour.fuzz;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.security.AccessMatrixTest;
import org.harbour.testdata.FacilityBuilder;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.ProgramBuilder;
import org.harbour.testdata.Sql;
import org.harbour.testdata.Tables;
import org.harbour.testdata.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.fuzz.BadInput.chance;
import static org.harbour.fuzz.BadInput.oneOf;
import static org.harbour.fuzz.BadInput.pick;
import static org.harbour.testdata.Problems.assertCoded;
import static org.harbour.testdata.Problems.assertNothingInternal;
import static org.quicktheories.QuickTheory.qt;

/**
 * Bad input at scale: thousands of generated requests (random JSON, valid bodies with a field gone
 * wrong, raw junk, odd ids, query parameters and headers) at every route the access matrix names, as
 * an ADMIN, who may call them all. Never a 5xx; every refusal is problem+json that tells nothing of the
 * inside; and a refused request changes nothing (rows, last ids and versions of every table compared
 * before and after it; only the scheduled placement.ending notices may arrive meanwhile).
 * <p>
 * -Dharbour.fuzz.tries=N sets the number of requests (default 3000, under a minute here);
 * -Dharbour.fuzz.seed=S replays a run (the seed is printed with every failure).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow")
class BadInputPropertyTest implements HarbourTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> SKIPPED = List.of("GET /ws/live"); // a WebSocket: its handshake is fuzzed by LiveUpdatesTest
    /** Body fields that are dates, and body fields that are free text, on any route. */
    private static final Set<String> DATE_FIELDS = Set.of("startDate", "expectedEndDate", "endDate", "date");
    private static final Set<String> TEXT_FIELDS = Set.of("alias", "name", "organization", "municipality", "address",
            "intakePhone", "username");

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;
    String token;
    Map<String, Long> ids;
    /** The admin every test class signs in as: no generated request may disable, demote or reset her. */
    long sharedAdminId;
    final AtomicInteger tried = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final Map<String, Integer> statuses = new TreeMap<>();
    final Map<String, Integer> perRoute = new TreeMap<>();

    record Request(String route, String method, String path, String body, String contentType, Map<String, String> headers) {
        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
            return method + " " + path + " [" + contentType + "] " + headers + " " + shown;
        }
    }

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        token = fixtures.admin().token();
        Http admin = fixtures.admin();
        var facility = fixtures.facilityWithBeds(40, 40);
        long client = admin.post("/api/clients", Map.of("alias", "Fuzz", "needs", Map.of(), "organization", "Fuzz outreach")).id();
        long other = admin.post("/api/clients", Map.of("alias", "Fuzz-2", "needs", Map.of(), "organization", "Fuzz outreach")).id();
        ids = new LinkedHashMap<>();
        ids.put("id", facility.id());
        ids.put("programId", facility.programId());
        ids.put("bedsId", facility.programId());
        ids.put("clientId", client);
        ids.put("requestId", admin.post("/api/bed-requests", Map.of("clientId", client, "needs", Map.of())).id());
        ids.put("holdId", admin.post("/api/programs/" + facility.programId() + "/holds", Map.of("clientId", other)).id());
        ids.put("placementId", admin.post("/api/placements", Map.of("clientId", client, "programId", facility.programId())).id());
        ids.put("entryId", admin.post("/api/waitlist", Map.of("clientId", other, "programId", facility.programId())).id());
        String target = fixtures.createUser("FUNDER", "Fuzz fund");
        ids.put("userId", ((Number) Sql.row("SELECT id FROM users WHERE username = ?", target).get("id")).longValue());
        ids.put("keyId", admin.post("/api/facilities/" + facility.id() + "/feed-keys", Map.of()).id());
        sharedAdminId = ((Number) Sql.row("SELECT id FROM users WHERE username = ?", TestDatabase.ADMIN_USERNAME)
                .get("id")).longValue();
    }

    @Test
    void noGeneratedRequestIsA5xxAndNoRefusedOneChangesAnything() {
        int tries = Integer.getInteger("harbour.fuzz.tries", 3000);
        List<String> routes = AccessMatrixTest.routes().stream().filter(r -> !SKIPPED.contains(r)).toList();
        var theory = qt().withExamples(tries).withShrinkCycles(30).withGenerateAttempts(tries * 2);
        Long seed = Long.getLong("harbour.fuzz.seed");
        if (seed != null) {
            theory = theory.withFixedSeed(seed);
        }
        long started = System.nanoTime();
        String[] before = {fingerprint()};

        theory.forAll(requests(routes)).checkAssert(request -> {
            HttpResponse<String> response = send(request);
            count(request, response.statusCode());
            assertThat(response.statusCode()).as(request + " -> " + response.body()).isLessThan(500);
            String after = fingerprint();
            if (response.statusCode() >= 400) {
                refused.incrementAndGet();
                String contentType = response.headers().firstValue("Content-Type").orElse("");
                assertThat(contentType).as(response.statusCode() + " for " + request).startsWith("application/problem+json");
                Http.Reply reply = new Http.Reply(response.statusCode(), response.body(), response.headers().map());
                assertThat(reply.map()).as(request.toString()).containsEntry("status", response.statusCode())
                        .containsKeys("type", "title", "detail");
                assertCoded(reply);
                assertNothingInternal(reply);
                assertThat(after).as("a refused request changed the database: " + request).isEqualTo(before[0]);
            }
            before[0] = after;
        });

        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.printf("BadInputPropertyTest: %d requests (%d refused) over %d routes in %d s; statuses %s%nper route %s%n",
                tried.get(), refused.get(), perRoute.size(), seconds, statuses, perRoute);
        assertThat(perRoute.keySet()).as("every route was tried").containsExactlyInAnyOrderElementsOf(routes);
    }

    /**
     * Issue 18: every date field and every free-text field of every route that takes one, and every date or
     * text query parameter, given each out-of-window date and each control character in turn, in a body that is
     * otherwise the route's valid one: each answers 4xx problem+json and changes nothing.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyOutOfWindowDateAndEveryControlCharacterIsRefusedOnEveryRouteThatTakesOne() {
        List<Request> requests = new ArrayList<>();
        validBodies().forEach((route, valid) -> {
            Map<String, Object> body = valid.get();
            for (String field : body.keySet()) {
                for (String value : badValuesFor(field)) {
                    Map<String, Object> broken = new LinkedHashMap<>(body);
                    broken.put(field, value);
                    requests.add(json(route, broken));
                }
            }
            if (body.get("programs") instanceof List<?> programs && !programs.isEmpty()) {
                for (String value : BadInput.CONTROLLED_TEXT) { // a program's name inside a new facility
                    Map<String, Object> program = new LinkedHashMap<>((Map<String, Object>) programs.get(0));
                    program.put("name", value);
                    Map<String, Object> broken = new LinkedHashMap<>(body);
                    broken.put("programs", List.of(program));
                    requests.add(json(route, broken));
                }
            }
        });
        Map<String, String> queries = Map.of(
                "GET /api/reports/capacity", "groupBy=region&from=2026-01-01&to=2026-01-31",
                "GET /api/reports/turnaways", "from=2026-01-01&to=2026-01-31",
                "GET /api/audit", "from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z&username=admin");
        queries.forEach((route, query) -> {
            for (String parameter : query.split("&")) {
                String name = parameter.substring(0, parameter.indexOf('='));
                List<String> bad = name.equals("username") ? BadInput.CONTROLLED_TEXT
                        : route.equals("GET /api/audit") ? BadInput.OUT_OF_WINDOW_DATES.stream().map(d -> d + "T00:00:00Z").toList()
                        : name.equals("groupBy") ? List.of() : BadInput.OUT_OF_WINDOW_DATES;
                for (String value : bad) {
                    String broken = query.replace(parameter, name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
                    requests.add(new Request(route, "GET", route.substring(4) + "?" + broken, null, null, Map.of()));
                }
            }
        });

        String before = fingerprint();
        Map<String, Integer> refusedPerRoute = new TreeMap<>();
        for (Request request : requests) {
            HttpResponse<String> response = send(request);
            assertThat(response.statusCode()).as(request + " -> " + response.body()).isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(request.toString())
                    .startsWith("application/problem+json");
            Http.Reply reply = new Http.Reply(response.statusCode(), response.body(), response.headers().map());
            assertCoded(reply);
            assertNothingInternal(reply);
            String after = fingerprint();
            assertThat(after).as("a refused request changed the database: " + request).isEqualTo(before);
            refusedPerRoute.merge(request.route(), 1, Integer::sum);
        }
        System.out.printf("BadInputPropertyTest: %d out-of-window dates and control characters refused: %s%n",
                requests.size(), refusedPerRoute);
        assertThat(refusedPerRoute.keySet()).as("every route taking a date or free text").contains(
                "POST /api/login", "POST /api/users", "POST /api/facilities", "PUT /api/facilities/{id}",
                "POST /api/facilities/{id}/programs", "PUT /api/programs/{id}", "POST /api/clients",
                "PUT /api/clients/{clientId}", "POST /api/placements", "POST /api/placements/{placementId}/end",
                "POST /api/placements/{placementId}/move", "GET /api/reports/capacity", "GET /api/reports/turnaways",
                "GET /api/audit");
    }

    private static List<String> badValuesFor(String field) {
        if (DATE_FIELDS.contains(field)) {
            return BadInput.OUT_OF_WINDOW_DATES;
        }
        return TEXT_FIELDS.contains(field) ? BadInput.CONTROLLED_TEXT : List.of();
    }

    private Request json(String route, Map<String, Object> body) {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1);
        for (Map.Entry<String, Long> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", Long.toString(id.getValue()));
        }
        return new Request(route, method, path, Http.json(body), "application/json", Map.of());
    }

    private Gen<Request> requests(List<String> routes) {
        return in -> {
            String route = oneOf(in, routes);
            String method = route.substring(0, route.indexOf(' '));
            String path = concrete(in, route.substring(route.indexOf(' ') + 1)) + (chance(in, 30) ? BadInput.query(in) : "");
            String body = null;
            String contentType = null;
            if (!method.equals("GET") && !method.equals("DELETE") || chance(in, 5)) {
                body = body(in, route);
                contentType = chance(in, 85) ? (route.contains("/imports/") ? "text/csv" : "application/json")
                        : oneOf(in, BadInput.CONTENT_TYPES);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            if (chance(in, 40)) {
                headers.put("Accept", oneOf(in, BadInput.ACCEPTS));
            }
            if (chance(in, 15)) {
                headers.put(oneOf(in, List.of("X-Feed-Key", "X-Forwarded-For", "Origin", "Accept-Language", "If-None-Match",
                        "Range", "X-Request-Id", "Accept-Encoding")), BadInput.headerValue(in));
            }
            return new Request(route, method, path, body, contentType, headers);
        };
    }

    /** Path parameters: mostly a real object of the right kind, else an id that is not one. */
    private String concrete(RandomnessSource in, String template) {
        String path = template;
        while (path.contains("{")) {
            String name = path.substring(path.indexOf('{') + 1, path.indexOf('}'));
            String value = chance(in, 60) ? Long.toString(ids.getOrDefault(name, 1L))
                    : chance(in, 50) ? oneOf(in, BadInput.ODD_IDS) : Long.toString((long) BadInput.number(in).hashCode());
            if (name.equals("userId") && refersTo(value, sharedAdminId)) {
                value = Long.toString(ids.get("userId"));
            }
            path = path.replace("{" + name + "}", value);
        }
        return path;
    }

    /** Whether a path id the router reads as a number ("007", "+1") names that row. */
    private static boolean refersTo(String value, long id) {
        try {
            return Long.parseLong(value) == id;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String body(RandomnessSource in, String route) {
        int kind = pick(in, 10);
        if (kind < 2) {
            return oneOf(in, BadInput.RAW_BODIES);
        }
        if (kind < 4) {
            return Http.json(BadInput.json(in, 3));
        }
        Supplier<Map<String, Object>> valid = validBodies().getOrDefault(route, Map::of);
        return Http.json(BadInput.mutate(in, valid.get()));
    }

    /** One good body per route that takes one; the fuzzer breaks it in one or two places. */
    private Map<String, Supplier<Map<String, Object>>> validBodies() {
        long program = ids.get("programId");
        long client = ids.get("clientId");
        Map<String, Supplier<Map<String, Object>>> bodies = new LinkedHashMap<>();
        bodies.put("POST /api/login", () -> Map.of("username", "admin", "password", "not-the-password"));
        bodies.put("POST /api/users", () -> Map.of("username", "fuzz-user", "password", Fixtures.PASSWORD, "role", "FUNDER",
                "organization", "Fuzz funders"));
        bodies.put("PUT /api/users/{userId}", () -> Map.of("role", "SHELTER_STAFF", "organization", "Fuzz fund",
                "facilityIds", List.of(ids.get("id")), "active", true));
        // never the shared admin's password, so no generated change can lock the later test classes out
        bodies.put("POST /api/users/me/password", () -> Map.of("currentPassword", "not-the-admin-password",
                "newPassword", "a-new-fuzzed-password"));
        bodies.put("POST /api/facilities", () -> FacilityBuilder.defaultFacility().withProgram(ProgramBuilder.defaultProgram()).build());
        bodies.put("PUT /api/facilities/{id}", () -> FacilityBuilder.defaultFacility().build());
        bodies.put("POST /api/facilities/{id}/programs", () -> ProgramBuilder.defaultProgram().build());
        bodies.put("PUT /api/programs/{id}", () -> ProgramBuilder.defaultProgram().withCapacity(40).build());
        bodies.put("PUT /api/programs/{id}/availability", () -> Map.of("available", 30, "outOfService", 0));
        bodies.put("POST /api/clients", () -> Map.of("alias", "Fuzzed", "birthYear", 1990, "gender", "WOMAN", "needs",
                Map.of("age", 30), "organization", "Fuzz outreach"));
        bodies.put("PUT /api/clients/{clientId}", () -> Map.of("alias", "Fuzzed again", "birthYear", 1991));
        bodies.put("POST /api/bed-requests", () -> Map.of("clientId", client, "regionCode", "ON-CENTRAL",
                "types", List.of("DV_SHELTER"), "needs", Map.of("gender", "WOMAN", "age", 30, "children", 1), "admitNow", true));
        bodies.put("POST /api/bed-requests/{requestId}/outcome", () -> Map.of("outcome", "NO_SHOW", "programId", program));
        bodies.put("POST /api/programs/{bedsId}/holds", () -> Map.of("clientId", client, "minutes", 90));
        bodies.put("POST /api/placements", () -> Map.of("clientId", client, "programId", program, "startDate", "2026-01-05",
                "expectedEndDate", "2026-01-20", "nightlyCost", 120.5));
        bodies.put("POST /api/placements/{placementId}/end", () -> Map.of("endDate", "2026-12-01", "reason", "HOUSED"));
        bodies.put("POST /api/placements/{placementId}/move", () -> Map.of("toProgramId", program, "date", "2026-12-01",
                "reason", "MAX_STAY_REACHED", "expectedEndDate", "2026-12-20"));
        bodies.put("POST /api/waitlist", () -> Map.of("clientId", client, "type", "DETOX", "regionCode", "ON-NORTHEAST", "priority", 2));
        return bodies;
    }

    private HttpResponse<String> send(Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(server.getURI().resolve(URI.create(request.path())))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body()))
                .header("Authorization", "Bearer " + token);
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        request.headers().forEach((name, value) -> {
            if (!value.isEmpty()) {
                builder.setHeader(name, value);
            }
        });
        try {
            return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(request.toString(), e);
        }
    }

    private synchronized void count(Request request, int status) {
        tried.incrementAndGet();
        statuses.merge(Integer.toString(status), 1, Integer::sum);
        perRoute.merge(request.route(), 1, Integer::sum);
    }

    static String fingerprint() {
        return Tables.fingerprint();
    }
}
