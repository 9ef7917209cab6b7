package org.harbour.privacy;

import ch.qos.logback.classic.Level;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.FacilityBuilder;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.LiveClient;
import org.harbour.testdata.ProgramBuilder;
import org.harbour.testdata.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.testdata.Problems.assertProblem;

/**
 * Privacy rule 5 in practice: a whole working night (sign-ins good and bad, a client, a search, a
 * hold, a placement, a move, a waitlist offer, a feed, bad input and errors) run with every logger at
 * DEBUG, and not one log line, raw or as written by the JSON encoder, holds an alias, a confidential
 * address, a password, a token or a feed key.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogPrivacyTest implements HarbourTest {

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;
    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final Map<String, String> secrets = new LinkedHashMap<>();

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        secrets.put("JWT secret", TestDatabase.JWT_SECRET);
        secrets.put("admin password", TestDatabase.ADMIN_PASSWORD);
        secrets.put("admin token", fixtures.admin().token());
    }

    @Test
    void aWholeNightOfWorkLeavesNoPersonalDataOrSecretInTheLog() {
        int lines;
        try (LogCapture log = new LogCapture(Level.DEBUG)) {
            LoggerFactory.getLogger(LogPrivacyTest.class).info("the night starts"); // the capture works
            night();
            lines = checkNoSecretIn(log);
            assertThat(log.rawLines()).anyMatch(line -> line.contains("the night starts"));
        }
        System.out.println("LogPrivacyTest: " + lines + " log lines checked for " + secrets.size() + " secrets");
    }

    private void night() {
        String address = remember("confidential address", "77 Hidden Lane " + tag);
        String alias = remember("alias", "ALIAS-" + tag);
        String waitingAlias = remember("second alias", "WAITING-" + tag);
        String password = remember("new user's password", "Secret-Pass-" + tag);
        String wrongPassword = remember("mistyped password", "Mistyped-Pass-" + tag);
        Http admin = fixtures.admin();

        var shelter = fixtures.facility(FacilityBuilder.defaultFacility().confidential(true).with("address", address)
                .withProgram(ProgramBuilder.defaultProgram().withCapacity(1))
                .withProgram(ProgramBuilder.defaultProgram().withCapacity(5)));
        long single = shelter.programIds().get(0);
        long roomy = shelter.programIds().get(1);
        admin.get("/api/facilities/" + shelter.id());
        Map<String, Object> user = new HashMap<>(Map.of("username", "night-" + tag, "password", password,
                "role", "CASEWORKER", "organization", "Night outreach " + tag));
        assertThat(admin.post("/api/users", user).status()).isEqualTo(201);
        assertProblem(fixtures.anonymous().post("/api/login", Map.of("username", "night-" + tag, "password", wrongPassword)), 401);
        assertProblem(fixtures.anonymous().post("/api/login", Map.of("username", "nobody-" + tag, "password", wrongPassword)), 401);
        Http caseworker = fixtures.anonymous().login("night-" + tag, password);
        Fixtures.changePassword(caseworker, password, remember("changed password", "Changed-Pass-" + tag));
        remember("caseworker token", caseworker.token());
        Http.Reply refreshed = caseworker.post("/api/login/refresh", Map.of());
        assertThat(refreshed.status()).isEqualTo(200);
        caseworker = caseworker.as(remember("refreshed token", refreshed.string("access_token")));

        String feedKey = remember("feed key", admin.post("/api/facilities/" + shelter.id() + "/feed-keys", Map.of()).string("key"));
        Http feed = fixtures.anonymous().withHeader("X-Feed-Key", feedKey);
        assertThat(feed.put("/api/programs/" + single + "/availability", Map.of("available", 1)).status()).isEqualTo(200);
        assertThat(feed.put("/api/programs/" + roomy + "/availability", Map.of("available", 5)).status()).isEqualTo(200);

        List<LiveClient> listeners = new ArrayList<>();
        try {
            listeners.add(LiveClient.connect(server.getURI(), caseworker.token(), null));
            listeners.add(LiveClient.connect(server.getURI(), admin.token(), null));
            long client = caseworker.post("/api/clients", Map.of("alias", alias, "needs", Map.of("gender", "WOMAN"))).id();
            long waiting = caseworker.post("/api/clients", Map.of("alias", waitingAlias, "needs", Map.of())).id();
            caseworker.get("/api/clients/" + client);
            caseworker.get("/api/clients");
            assertThat(caseworker.post("/api/bed-requests", Map.of("clientId", client, "needs", Map.of("gender", "WOMAN")))
                    .status()).isEqualTo(201);
            long hold = caseworker.post("/api/programs/" + single + "/holds", Map.of("clientId", client)).id();
            long placement = caseworker.post("/api/placements", Map.of("clientId", client, "programId", single,
                    "holdId", hold)).id();
            assertThat(caseworker.post("/api/waitlist", Map.of("clientId", waiting, "programId", single)).status()).isEqualTo(201);
            assertThat(caseworker.post("/api/placements/" + placement + "/move", Map.of("toProgramId", roomy,
                    "reason", "MAX_STAY_REACHED")).status()).isEqualTo(201);
            listeners.get(0).awaitMatching(m -> "waitlist.offered".equals(m.get("type")), Duration.ofSeconds(10));
            caseworker.get("/api/clients/" + client + "/placements");
            caseworker.get("/api/waitlist?programId=" + single);

            // bad input and errors, each carrying something secret
            assertProblem(caseworker.post("/api/clients", Map.of("alias", List.of(alias), "needs", 5)), 400);
            assertProblem(caseworker.post("/api/clients", Map.of("alias", alias.repeat(40), "needs", Map.of())), 422);
            assertProblem(caseworker.send("POST", "/api/clients", "{\"alias\": \"" + alias + "\", \"needs\": {", "application/json"), 400);
            assertProblem(fixtures.anonymous().send("POST", "/api/login", "{\"username\": \"night-" + tag
                    + "\", \"password\": \"" + password, "application/json"), 400);
            assertProblem(admin.post("/api/users", Map.of("username", "!", "password", wrongPassword, "role", password)), 422);
            assertProblem(caseworker.get("/api/clients/987654321"), 404);
            assertProblem(caseworker.get("/api/nothing/" + alias), 404);
            assertProblem(caseworker.send("PATCH", "/api/clients/" + client, "{\"alias\": \"" + alias + "\"}", "application/json"), 405);
            assertProblem(caseworker.send("POST", "/api/clients", "alias=" + alias, "text/plain"), 415);
            assertProblem(fixtures.anonymous().as(caseworker.token() + "x").get("/api/clients"), 401);
            assertProblem(fixtures.anonymous().withHeader("X-Feed-Key", feedKey + "x")
                    .put("/api/programs/" + single + "/availability", Map.of("available", 1)), 401);
            assertRefused(feed.put("/api/programs/" + single + "/availability", Map.of("available", 9, "note", address)));
            assertRefused(caseworker.post("/api/placements/" + placement + "/end", Map.of("reason", alias)));
        } finally {
            listeners.forEach(LiveClient::close);
        }
    }

    private int checkNoSecretIn(LogCapture log) {
        List<String> raw = log.rawLines();
        List<String> encoded = log.encodedLines();
        assertThat(raw).hasSizeGreaterThan(50); // DEBUG from the framework too, not only ours
        List<String> leaks = new ArrayList<>();
        secrets.forEach((what, secret) -> {
            raw.stream().filter(line -> line.contains(secret))
                    .forEach(line -> leaks.add(what + " in raw line: " + abbreviate(line)));
            encoded.stream().filter(line -> line.contains(secret))
                    .forEach(line -> leaks.add(what + " in encoded line: " + abbreviate(line)));
        });
        assertThat(leaks).as("log lines holding a secret").isEmpty();
        return raw.size();
    }

    private static String abbreviate(String line) {
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static void assertRefused(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(400, 499);
        assertProblem(reply, reply.status());
    }

    private String remember(String what, String secret) {
        secrets.put(what, secret);
        return secret;
    }
}
