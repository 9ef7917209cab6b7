package org.harbour.security;

import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.harbour.testdata.FacilityBuilder;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.ProgramBuilder;
import org.harbour.testdata.Sql;
import org.harbour.testdata.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.security.AccessMatrixTest.Caller.ANONYMOUS;
import static org.harbour.testdata.Problems.assertProblem;

/**
 * Who may call what: one row per route the service serves, one expected status per kind of caller,
 * and one check per cell. Every request is valid, so access is the only reason for a refusal.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class AccessMatrixTest implements HarbourTest {

    /**
     * STAFF and FEED belong to the facility in the path; OTHER_STAFF works at another facility. The three
     * dead tokens are an ADMIN's: DISABLED was signed for a user disabled since, EXPIRED has run out,
     * FORGED is signed with another key. They must fare no better than no token at all.
     */
    enum Caller { ADMIN, STAFF, CASEWORKER, FUNDER, FEED, OTHER_STAFF, DISABLED, EXPIRED, FORGED, ANONYMOUS }

    private static final List<Row> MATRIX = List.of(
            //                                                  ADMIN STAFF CASEW FUNDR FEED  OTHER DSBLD EXPRD FORGD ANON
            row("POST", "/api/login",                            200,  200,  200,  200,  200,  200,  200,  200,  200,  200),
            row("POST", "/api/login/refresh",                    200,  200,  200,  200,  403,  200,  401,  401,  401,  401),
            row("GET",  "/api/users/me",                         200,  200,  200,  200,  403,  200,  401,  401,  401,  401),
            row("GET",  "/api/users",                            200,  403,  403,  403,  403,  403,  401,  401,  401,  401),
            row("POST", "/api/users",                            201,  403,  403,  403,  403,  403,  401,  401,  401,  401),
            row("PUT",  "/api/users/{userId}",                   200,  403,  403,  403,  403,  403,  401,  401,  401,  401),
            row("POST", "/api/users/{userId}/password-reset",    200,  403,  403,  403,  403,  403,  401,  401,  401,  401),
            row("POST", "/api/users/me/password",                204,  204,  204,  204,  403,  204,  401,  401,  401,  401),
            row("POST", "/api/facilities/{id}/feed-keys",        201,  403,  403,  403,  403,  403,  401,  401,  401,  401),
            row("GET",  "/api/facilities/{id}/feed-keys",        200,  403,  403,  403,  403,  403,  401,  401,  401,  401),
            row("DELETE", "/api/feed-keys/{keyId}",              204,  403,  403,  403,  403,  403,  401,  401,  401,  401),
            row("GET",  "/api/regions",                          200,  200,  200,  200,  403,  200,  401,  401,  401,  401),
            row("GET",  "/api/facilities",                       200,  200,  200,  200,  403,  200,  401,  401,  401,  401),
            row("POST", "/api/facilities",                       201,  403,  403,  403,  403,  403,  401,  401,  401,  401),
            row("GET",  "/api/facilities/{id}",                  200,  200,  200,  200,  403,  200,  401,  401,  401,  401),
            row("PUT",  "/api/facilities/{id}",                  200,  403,  403,  403,  403,  403,  401,  401,  401,  401),
            row("POST", "/api/facilities/{id}/programs",         201,  403,  403,  403,  403,  403,  401,  401,  401,  401),
            row("PUT",  "/api/programs/{id}",                    200,  403,  403,  403,  403,  403,  401,  401,  401,  401),
            row("PUT",  "/api/programs/{id}/availability",       200,  200,  403,  403,  200,  403,  401,  401,  401,  401),
            row("GET",  "/api/programs/{id}/availability",       200,  200,  200,  200,  403,  200,  401,  401,  401,  401),
            row("GET",  "/api/availability",                     200,  200,  200,  200,  403,  200,  401,  401,  401,  401),
            row("GET",  "/health",                               200,  200,  200,  200,  200,  200,  200,  200,  200,  200),
            row("GET",  "/health/live",                          200,  200,  200,  200,  200,  200,  200,  200,  200,  200),
            row("GET",  "/openapi.yml",                          200,  200,  200,  200,  200,  200,  200,  200,  200,  200),
            row("GET",  "/prometheus",                           200,  403,  403,  403,  403,  403,  401,  401,  401,  401),
            row("POST", "/api/clients",                          201,  403,  201,  403,  403,  403,  401,  401,  401,  401),
            row("GET",  "/api/clients",                          200,  403,  200,  403,  403,  403,  401,  401,  401,  401),
            row("GET",  "/api/clients/{clientId}",               200,  403,  200,  403,  403,  403,  401,  401,  401,  401),
            row("PUT",  "/api/clients/{clientId}",               200,  403,  200,  403,  403,  403,  401,  401,  401,  401),
            row("GET",  "/api/clients/{clientId}/placements",    200,  403,  200,  403,  403,  403,  401,  401,  401,  401),
            row("POST", "/api/bed-requests",                     201,  403,  201,  403,  403,  403,  401,  401,  401,  401),
            row("POST", "/api/bed-requests/{requestId}/outcome", 201,  403,  201,  403,  403,  403,  401,  401,  401,  401),
            row("POST", "/api/programs/{bedsId}/holds",          201,  403,  201,  403,  403,  403,  401,  401,  401,  401),
            row("GET",  "/api/programs/{id}/holds",              200,  200,  200,  403,  403,  200,  401,  401,  401,  401),
            row("DELETE", "/api/holds/{holdId}",                 204,  403,  204,  403,  403,  403,  401,  401,  401,  401),
            // the door: STAFF works at another facility than the hold's; a caseworker does not keep the door
            row("POST", "/api/holds/{holdId}/arrive",            422,  403,  404,  403,  403,  403,  401,  401,  401,  401),
            row("POST", "/api/holds/{holdId}/no-show",           200,  403,  404,  403,  403,  403,  401,  401,  401,  401),
            row("POST", "/api/holds/{holdId}/decline",           200,  403,  404,  403,  403,  403,  401,  401,  401,  401),
            row("POST", "/api/placements",                       201,  403,  201,  403,  403,  403,  401,  401,  401,  401),
            row("GET",  "/api/placements",                       200,  403,  200,  403,  403,  403,  401,  401,  401,  401),
            row("POST", "/api/placements/{placementId}/end",     200,  403,  200,  403,  403,  403,  401,  401,  401,  401),
            row("POST", "/api/placements/{placementId}/move",    201,  403,  201,  403,  403,  403,  401,  401,  401,  401),
            row("POST", "/api/waitlist",                         201,  403,  201,  403,  403,  403,  401,  401,  401,  401),
            row("GET",  "/api/waitlist",                         200,  403,  200,  403,  403,  403,  401,  401,  401,  401),
            row("DELETE", "/api/waitlist/{entryId}",             204,  403,  204,  403,  403,  403,  401,  401,  401,  401),
            row("GET",  "/api/audit",                            200,  403,  403,  403,  403,  403,  401,  401,  401,  401),
            row("POST", "/api/imports/toronto-occupancy",        200,  403,  403,  403,  403,  403,  401,  401,  401,  401),
            row("POST", "/api/imports/toronto-central-intake",   200,  403,  403,  403,  403,  403,  401,  401,  401,  401),
            row("GET",  "/api/reports/capacity",                 200,  403,  403,  200,  403,  403,  401,  401,  401,  401),
            row("GET",  "/api/reports/turnaways",                200,  403,  403,  200,  403,  403,  401,  401,  401,  401),
            // a public directory's data about programs, never a person: funders may file it as admins do
            row("GET",  "/api/exports/hsds",                     200,  403,  403,  200,  403,  403,  401,  401,  401,  401),
            row("GET",  "/ws/live",                              101,  101,  101,  101,  403,  101,  401,  401,  401,  401));

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    EmbeddedServer server;
    @Inject
    Router router;
    @Inject
    CurrentUsers currentUsers;

    Fixtures fixtures;
    Fixtures.CreatedFacility facility;
    /** Plenty of beds, so every permitted hold and placement in the matrix finds one. */
    Fixtures.CreatedFacility beds;
    Http caseworker;
    String loginUser;
    final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    String feedKey;

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        facility = fixtures.facilityWithBeds(12, 3);
        long otherFacility = fixtures.facilityWithBeds(12, 3).id();
        // an ADMIN of its own, not the shared one: the matrix changes its callers' passwords (POST /api/users/me/password)
        tokens.put(Caller.ADMIN, fixtures.as("ADMIN", null).token());
        tokens.put(Caller.STAFF, fixtures.staffOf(facility.id()).token());
        beds = fixtures.facilityWithBeds(60, 60);
        caseworker = fixtures.caseworker("Street Outreach Toronto");
        tokens.put(Caller.CASEWORKER, caseworker.token());
        tokens.put(Caller.FUNDER, fixtures.funder().token());
        tokens.put(Caller.OTHER_STAFF, fixtures.staffOf(otherFacility).token());
        feedKey = fixtures.admin().post("/api/facilities/" + facility.id() + "/feed-keys", Map.of()).string("key");
        loginUser = fixtures.createUser("CASEWORKER", "Street Outreach Toronto");
        String disabled = fixtures.createUser("ADMIN", null);
        tokens.put(Caller.DISABLED, fixtures.anonymous().login(disabled, Fixtures.PASSWORD).token());
        Sql.update("UPDATE users SET active = FALSE WHERE username = ?", disabled);
        currentUsers.forget(disabled);
        tokens.put(Caller.EXPIRED, Tokens.hs256(TestDatabase.JWT_SECRET,
                Tokens.claims(TestDatabase.ADMIN_USERNAME, "ADMIN", Instant.now().minusSeconds(60))));
        tokens.put(Caller.FORGED, Tokens.hs256("another-secret-that-is-also-long-enough-for-hs256",
                Tokens.claims(TestDatabase.ADMIN_USERNAME, "ADMIN", Instant.now().plusSeconds(3600))));
    }

    /** Every route the service serves, as "METHOD /path/{param}": the bad-input property test's endpoints. */
    public static List<String> routes() {
        return MATRIX.stream().map(row -> row.method() + " " + row.path()).toList();
    }

    /** How many cells the matrix checks: every route it names times every kind of caller. */
    static int cells() {
        return MATRIX.size() * Caller.values().length;
    }

    @TestFactory
    Stream<DynamicTest> everyCallerGetsWhatTheMatrixSays() {
        return MATRIX.stream().flatMap(row -> Arrays.stream(Caller.values()).map(caller -> DynamicTest.dynamicTest(
                row.method() + " " + row.path() + " as " + caller + " -> " + row.expected(caller),
                () -> check(row, caller))));
    }

    @Test
    void theMatrixNamesEveryRouteTheServiceServes() {
        // HEAD mirrors GET in Micronaut, so a HEAD route counts as its GET.
        TreeSet<String> served = router.uriRoutes()
                .map(route -> (route.getHttpMethod() == HttpMethod.HEAD ? "GET" : route.getHttpMethodName())
                        + " " + template(route.getUriMatchTemplate().toString()))
                .collect(Collectors.toCollection(TreeSet::new));
        TreeSet<String> named = MATRIX.stream().map(row -> row.method() + " " + template(row.path()))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(without(served, named)).as("routes served that the matrix does not name").isEmpty();
        assertThat(without(named, served)).as("matrix rows for routes not served").isEmpty();
    }

    private static TreeSet<String> without(TreeSet<String> these, TreeSet<String> those) {
        TreeSet<String> rest = new TreeSet<>(these);
        rest.removeAll(those);
        return rest;
    }

    @Test
    void anonymousCallersGet401OnEveryApiRouteButLogin() {
        assertThat(MATRIX).filteredOn(row -> row.path().startsWith("/api/") && !row.path().equals("/api/login"))
                .isNotEmpty().allSatisfy(row -> assertThat(row.expected(ANONYMOUS)).as(row.path()).isEqualTo(401));
    }

    @Test
    void aDeadTokenFaresNoBetterThanNoTokenOnAnyRoute() {
        assertThat(MATRIX).allSatisfy(row -> {
            for (Caller dead : List.of(Caller.DISABLED, Caller.EXPIRED, Caller.FORGED)) {
                assertThat(row.expected(dead)).as(row.path() + " as " + dead).isEqualTo(row.expected(ANONYMOUS));
            }
        });
    }

    @Test
    void theDeadTokensWouldWorkWereTheyAlive() {
        // Each dead token differs from a working one only in what makes it dead, so a 401 proves the check.
        String alive = Tokens.hs256(TestDatabase.JWT_SECRET,
                Tokens.claims(TestDatabase.ADMIN_USERNAME, "ADMIN", Instant.now().plusSeconds(3600)));
        assertThat(fixtures.anonymous().as(alive).get("/api/users").status()).isEqualTo(200);
        for (Caller dead : List.of(Caller.EXPIRED, Caller.FORGED)) {
            assertProblem(fixtures.anonymous().as(tokens.get(dead)).get("/api/users"), 401);
        }
    }

    @Test
    void managementEndpointsAreNotServed() {
        for (String path : List.of("/routes", "/beans", "/threaddump", "/info", "/metrics", "/flyway", "/env",
                "/loggers", "/token_info", "/keys")) {
            assertProblem(send(Caller.ADMIN, "GET", path, null), 404);
        }
        assertProblem(send(Caller.ADMIN, "POST", "/refresh", Map.of()), 404);
    }

    private void check(Row row, Caller caller) {
        int expected = row.expected(caller);
        if (row.path().startsWith("/ws/")) {
            assertThat(handshake(caller)).isEqualTo(expected);
            return;
        }
        Http.Reply reply = send(caller, row.method(), concrete(row.path()), body(row, caller));
        if (expected >= 400) {
            assertProblem(reply, expected);
        } else {
            assertThat(reply.status()).as(reply.body()).isEqualTo(expected);
        }
    }

    /** A valid body for each route that takes one, fresh for each call. */
    private Object body(Row row, Caller caller) {
        Map<String, Supplier<Object>> bodies = Map.of(
                "POST /api/login", () -> Map.of("username", loginUser, "password", Fixtures.PASSWORD),
                "POST /api/login/refresh", Map::of,
                "POST /api/users", () -> Map.of("username", Fixtures.unique("matrix").replace(' ', '-'),
                        "password", Fixtures.PASSWORD, "role", "FUNDER"),
                "POST /api/facilities/{id}/feed-keys", Map::of,
                "POST /api/facilities", () -> FacilityBuilder.defaultFacility().withProgram(ProgramBuilder.defaultProgram()).build(),
                "PUT /api/facilities/{id}", () -> FacilityBuilder.defaultFacility().build(),
                "POST /api/facilities/{id}/programs", () -> ProgramBuilder.defaultProgram().build(),
                "PUT /api/programs/{id}", () -> ProgramBuilder.defaultProgram().withCapacity(12).build(),
                "PUT /api/programs/{id}/availability", () -> Map.of("available", 3, "outOfService", 0));
        Map<String, Supplier<Object>> caseworkBodies = Map.of(
                "POST /api/clients", () -> Map.of("alias", "Matrix", "needs", Map.of(),
                        "organization", "Street Outreach Toronto"),
                "PUT /api/clients/{clientId}", () -> Map.of("alias", "Matrix edit"),
                "POST /api/bed-requests", () -> Map.of("needs", Map.of()),
                "POST /api/bed-requests/{requestId}/outcome", () -> Map.of("outcome", "NO_SHOW", "programId", beds.programId()),
                "POST /api/programs/{bedsId}/holds", () -> Map.of("clientId", newClient(), "minutes", 15),
                "POST /api/placements", () -> Map.of("clientId", newClient(), "programId", beds.programId()),
                "POST /api/placements/{placementId}/end", () -> Map.of("reason", "HOUSED"),
                "POST /api/placements/{placementId}/move", () -> Map.of("toProgramId", beds.programId()),
                "POST /api/waitlist", () -> Map.of("clientId", newClient(), "programId", beds.programId()));
        bodies = new java.util.HashMap<>(bodies);
        bodies.putAll(caseworkBodies);
        bodies.put("PUT /api/users/{userId}", () -> Map.of("role", "FUNDER", "organization", "Matrix Fund",
                "facilityIds", List.of(), "active", true));
        bodies.put("POST /api/users/{userId}/password-reset", Map::of);
        // each caller changes her own password once, from the one the fixtures gave her
        bodies.put("POST /api/users/me/password", () -> Map.of("currentPassword", Fixtures.PASSWORD,
                "newPassword", "the-matrix-changed-this"));
        bodies.put("POST /api/holds/{holdId}/arrive", () -> Map.of("arrivalCode", "ABCDEF"));
        bodies.put("POST /api/holds/{holdId}/no-show", Map::of);
        bodies.put("POST /api/holds/{holdId}/decline", () -> Map.of("reason", "OTHER"));
        // Header-only files: a valid import of nothing.
        bodies.put("POST /api/imports/toronto-occupancy", () -> csvHeaderOf("open-data/toronto-occupancy-2024-01-01_to_2024-01-03.csv"));
        bodies.put("POST /api/imports/toronto-central-intake", () -> csvHeaderOf("open-data/toronto-central-intake-2023-12.csv"));
        Supplier<Object> body = bodies.get(row.method() + " " + row.path());
        return body == null ? null : body.get();
    }

    /** A CSV body (sent as text/csv): the header row of a test resource. */
    record Csv(String text) {
    }

    private static Csv csvHeaderOf(String resource) {
        try (var in = AccessMatrixTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new Csv(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().findFirst().orElseThrow() + "\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Casework paths get a fresh object of the caseworker's organization for every call. */
    private String concrete(String path) {
        String concrete = path.replace("/facilities/{id}", "/facilities/" + facility.id())
                .replace("/programs/{id}", "/programs/" + facility.programId())
                .replace("/programs/{bedsId}", "/programs/" + beds.programId());
        if (concrete.contains("{userId}")) {
            // a user of its own for every call: never one of the callers, whose tokens the other cells need
            concrete = concrete.replace("{userId}", Long.toString(created(fixtures.admin().post("/api/users", Map.of(
                    "username", Fixtures.unique("matrix-target").replace(' ', '-'), "password", Fixtures.INITIAL_PASSWORD,
                    "role", "FUNDER")))));
        }
        if (concrete.contains("{keyId}")) {
            // a key of its own: revoking FEED's would turn its other cells into 401s
            concrete = concrete.replace("{keyId}", Long.toString(created(fixtures.admin().post(
                    "/api/facilities/" + facility.id() + "/feed-keys", Map.of()))));
        }
        if (concrete.contains("{clientId}")) {
            concrete = concrete.replace("{clientId}", Long.toString(newClient()));
        }
        if (concrete.contains("{requestId}")) {
            concrete = concrete.replace("{requestId}", Long.toString(caseworker.post("/api/bed-requests",
                    Map.of("needs", Map.of())).id()));
        }
        if (concrete.contains("{holdId}")) {
            concrete = concrete.replace("{holdId}", Long.toString(created(caseworker.post(
                    "/api/programs/" + beds.programId() + "/holds", Map.of("clientId", newClient(), "minutes", 15)))));
        }
        if (concrete.contains("{placementId}")) {
            concrete = concrete.replace("{placementId}", Long.toString(created(caseworker.post("/api/placements",
                    Map.of("clientId", newClient(), "programId", beds.programId())))));
        }
        if (concrete.contains("{entryId}")) {
            concrete = concrete.replace("{entryId}", Long.toString(created(caseworker.post("/api/waitlist",
                    Map.of("clientId", newClient(), "programId", beds.programId())))));
        }
        if (path.startsWith("/api/reports/")) {
            return concrete + "?from=2025-01-01&to=2025-01-31" + (path.endsWith("capacity") ? "&groupBy=region" : "");
        }
        return path.equals("/api/waitlist") ? concrete + "?programId=" + beds.programId() : concrete;
    }

    private long newClient() {
        return created(caseworker.post("/api/clients", Map.of("alias", "Matrix", "needs", Map.of())));
    }

    private static long created(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.id();
    }

    private Http.Reply send(Caller caller, String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "*/*")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof Csv csv ? csv.text() : Http.json(body)));
        if (body != null) {
            request.header("Content-Type", body instanceof Csv ? "text/csv" : "application/json");
        }
        credentials(caller, request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Reply(response.statusCode(), response.body(), response.headers().map());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path, e);
        }
    }

    /** 101 when the WebSocket opens, else the status the handshake was refused with. */
    private int handshake(Caller caller) {
        String token = tokens.get(caller);
        URI uri = URI.create(server.getURI().toString().replaceFirst("^http", "ws").replaceFirst("/?$", "/ws/live")
                + (token == null ? "" : "?access_token=" + token));
        WebSocket.Builder builder = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (caller == Caller.FEED) {
            builder.header("X-Feed-Key", feedKey);
        }
        try {
            builder.buildAsync(uri, new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS).abort();
            return 101;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw new AssertionError(e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void credentials(Caller caller, java.util.function.BiConsumer<String, String> header) {
        if (caller == Caller.FEED) {
            header.accept("X-Feed-Key", feedKey);
        } else if (tokens.containsKey(caller)) {
            header.accept("Authorization", "Bearer " + tokens.get(caller));
        }
    }

    private static String template(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    private static Row row(String method, String path, int... statuses) {
        assertThat(statuses).as(path).hasSize(Caller.values().length);
        return new Row(method, path, statuses);
    }

    record Row(String method, String path, int[] statuses) {
        int expected(Caller caller) {
            return statuses[caller.ordinal()];
        }
    }
}
