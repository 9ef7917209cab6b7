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
import org.harbour.testdata.Sql;
import org.harbour.testdata.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.testdata.Problems.assertNothingInternal;
import static org.harbour.testdata.Problems.assertProblem;

/** DESIGN.md "Privacy rules", one test per rule, each through the public API as its users meet it. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyRulesTest implements HarbourTest {

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;
    final String tag = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
    }

    @Test
    void rule1_aConfidentialAddressReachesOnlyAdminAndThatFacilitysStaff() {
        String address = "12 Secret Row " + tag;
        var shelter = fixtures.facility(FacilityBuilder.defaultFacility().confidential(true).with("address", address)
                .withProgram(ProgramBuilder.defaultProgram().withCapacity(6)));
        Http staff = fixtures.staffOf(shelter.id());
        Http otherStaff = fixtures.staffOf(fixtures.facilityWithBeds(2, 1).id());
        Http caseworker = fixtures.caseworker("Rule one outreach " + tag);
        Http funder = fixtures.funder();
        var sentinel = LiveClient.Sentinel.create(fixtures);
        List<LiveClient> listeners = new ArrayList<>();
        try (LogCapture log = new LogCapture(Level.DEBUG)) {
            for (Http user : List.of(fixtures.admin(), staff, otherStaff, caseworker, funder)) {
                listeners.add(LiveClient.connect(server.getURI(), user.token(), null));
            }
            assertThat(staff.put("/api/programs/" + shelter.programId() + "/availability", Map.of("available", 4)).status())
                    .isEqualTo(200);
            long hold = caseworker.post("/api/programs/" + shelter.programId() + "/holds",
                    Map.of("clientId", Fixtures.clientOf(caseworker))).id();
            caseworker.delete("/api/holds/" + hold);

            for (Http insider : List.of(fixtures.admin(), staff)) {
                assertThat(insider.get("/api/facilities/" + shelter.id()).body()).contains(address);
            }
            for (Http outsider : List.of(otherStaff, caseworker, funder)) {
                assertThat(outsider.get("/api/facilities/" + shelter.id()).map()).containsEntry("address", null);
                assertThat(outsider.get("/api/facilities").body()).doesNotContain(address);
                assertThat(outsider.get("/api/availability").body()).doesNotContain(address);
            }
            assertThat(caseworker.post("/api/bed-requests", Map.of("needs", Map.of())).body()).doesNotContain(address);
            String today = java.time.LocalDate.now().toString();
            for (Http reader : List.of(funder, fixtures.admin())) {
                String report = "/api/reports/capacity?from=" + today + "&to=" + today + "&groupBy=region";
                assertThat(reader.get(report).body()).doesNotContain(address);
                assertThat(reader.withHeader("Accept", "text/csv").get(report).body()).doesNotContain(address);
            }
            List<Map<String, Object>> messages = new ArrayList<>();
            messages.addAll(listeners.get(3).through(m -> "hold.released".equals(m.get("type")), Duration.ofSeconds(5)));
            var nothingLater = sentinel.fire();
            listeners.forEach(live -> messages.addAll(live.assertNothingBefore(nothingLater, m -> m.toString().contains(address))));
            assertThat(messages).hasSizeGreaterThan(5).allSatisfy(m -> assertThat(m.toString()).doesNotContain(address));
            assertThat(Sql.number("SELECT COUNT(*) FROM events WHERE payload LIKE ?", "%" + address + "%")).isZero();
            assertThat(log.rawLines()).noneMatch(line -> line.contains(address));
        } finally {
            listeners.forEach(LiveClient::close);
        }
    }

    @Test
    void rule2_aClientItsPlacementsAndWaitlistEntriesAreSeenOnlyByItsOrganization() {
        String alias = "RB-" + tag;
        String legalName = "Jane Legal " + tag;
        Http caseworker = fixtures.caseworker("Rule two outreach " + tag);
        Http colleague = fixtures.caseworker("Rule two outreach " + tag);
        Http stranger = fixtures.caseworker("Rule two strangers " + tag);
        var beds = fixtures.facilityWithBeds(5, 5);
        Http staff = fixtures.staffOf(beds.id());
        var sentinel = LiveClient.Sentinel.create(fixtures);
        List<LiveClient> others = new ArrayList<>();
        try {
            for (Http user : List.of(stranger, staff, fixtures.funder())) {
                others.add(LiveClient.connect(server.getURI(), user.token(), null));
            }
            Http.Reply created = caseworker.post("/api/clients", Map.of("alias", alias, "legalName", legalName,
                    "needs", Map.of("gender", "WOMAN")));
            long client = created.id();
            long placement = caseworker.post("/api/placements", Map.of("clientId", client, "programId", beds.programId())).id();
            long entry = caseworker.post("/api/waitlist", Map.of("clientId", client, "programId", beds.programId())).id();

            assertThat(created.body()).as("no legal name is kept").doesNotContain(legalName);
            assertThat(Sql.rows("SELECT * FROM clients WHERE id = ?", client).toString()).doesNotContain(legalName);
            assertThat(colleague.get("/api/clients/" + client).body()).contains(alias);
            assertThat(colleague.get("/api/clients/" + client + "/placements").status()).isEqualTo(200);
            assertProblem(stranger.get("/api/clients/" + client), 404);
            assertProblem(stranger.get("/api/clients/" + client + "/placements"), 404);
            assertProblem(stranger.post("/api/placements/" + placement + "/end", Map.of("reason", "HOUSED")), 404);
            assertProblem(stranger.delete("/api/waitlist/" + entry), 404);
            assertThat(stranger.get("/api/clients").body()).doesNotContain(alias);
            assertThat(stranger.get("/api/waitlist?programId=" + beds.programId()).list()).isEmpty();
            assertThat(staff.get("/api/programs/" + beds.programId() + "/holds").body()).doesNotContain(alias);

            List<Map<String, Object>> messages = new ArrayList<>();
            messages.addAll(others.get(1).through(m -> "placement.started".equals(m.get("type")), Duration.ofSeconds(5)));
            var nothingLater = sentinel.fire();
            others.forEach(live -> messages.addAll(live.assertNothingBefore(nothingLater,
                    m -> m.toString().contains(alias) || m.toString().contains(legalName))));
            assertThat(messages).allSatisfy(m -> assertThat(m.toString()).doesNotContain(alias).doesNotContain(legalName)
                    .doesNotContainPattern("clientId=" + client + "\\b"));
            assertThat(Sql.number("SELECT COUNT(*) FROM events WHERE payload LIKE ?", "%" + alias + "%")).isZero();
        } finally {
            others.forEach(LiveClient::close);
        }
    }

    @Test
    void rule3_fundersGetAggregatesOnlyWithCountsOfPeopleUnderFiveSuppressed() {
        Http funder = fixtures.funder();
        Http caseworker = fixtures.caseworker("Rule three outreach " + tag);
        var beds = fixtures.facility(FacilityBuilder.defaultFacility().with("regionCode", "BC-ISLAND")
                .withProgram(ProgramBuilder.defaultProgram().withCapacity(20)));
        fixtures.admin().put("/api/programs/" + beds.programId() + "/availability", Map.of("available", 20));
        long someClient = caseworker.post("/api/clients", Map.of("alias", "Funded-" + tag, "needs", Map.of())).id();
        for (String path : List.of("/api/clients", "/api/clients/" + someClient, "/api/clients/" + someClient + "/placements",
                "/api/placements", "/api/waitlist?programId=" + beds.programId(), "/api/programs/" + beds.programId() + "/holds",
                "/api/audit", "/api/users")) {
            assertProblem(funder.get(path), 403);
        }
        for (String path : List.of("/api/clients", "/api/placements", "/api/waitlist", "/api/bed-requests",
                "/api/programs/" + beds.programId() + "/holds")) {
            assertProblem(funder.post(path, Map.of("clientId", someClient, "programId", beds.programId(), "needs", Map.of())), 403);
        }

        // a month no other test touches: four people placed, then a fifth
        String month = "from=2012-02-01&to=2012-02-29&groupBy=region&regionCode=BC-ISLAND";
        for (int i = 0; i < 4; i++) {
            place(caseworker, beds.programId(), "2012-02-1" + i);
        }
        Map<String, Object> four = onlyRow(funder.get("/api/reports/capacity?" + month));
        assertThat(four).containsEntry("placements", 4).containsEntry("clients", null);
        place(caseworker, beds.programId(), "2012-02-20");
        Map<String, Object> five = onlyRow(funder.get("/api/reports/capacity?" + month));
        assertThat(five).containsEntry("placements", 5).containsEntry("clients", 5);
        String csv = funder.withHeader("Accept", "text/csv").get("/api/reports/capacity?" + month).body();
        assertThat(csv).doesNotContain("Funded-" + tag).contains("BC-ISLAND");
    }

    @Test
    void rule4_everyReadOfAClientAndEveryChangeIsAuditedForAdminToRead() {
        Http caseworker = fixtures.caseworker("Rule four outreach " + tag);
        String username = caseworker.get("/api/users/me").string("username");
        var beds = fixtures.facilityWithBeds(5, 5);
        long client = caseworker.post("/api/clients", Map.of("alias", "Audited-" + tag, "needs", Map.of())).id();
        caseworker.get("/api/clients/" + client);
        caseworker.get("/api/clients");
        long request = caseworker.post("/api/bed-requests", Map.of("clientId", client, "needs", Map.of())).id();
        caseworker.post("/api/bed-requests/" + request + "/outcome", Map.of("outcome", "NO_SHOW", "programId", beds.programId()));
        long hold = caseworker.post("/api/programs/" + beds.programId() + "/holds", Map.of("clientId", client)).id();
        caseworker.delete("/api/holds/" + hold);
        long placement = caseworker.post("/api/placements", Map.of("clientId", client, "programId", beds.programId())).id();
        long moved = caseworker.post("/api/placements/" + placement + "/move", Map.of("toProgramId", beds.programId())).id();
        caseworker.post("/api/placements/" + moved + "/end", Map.of("reason", "HOUSED"));
        long entry = caseworker.post("/api/waitlist", Map.of("clientId", client, "programId", beds.programId())).id();
        caseworker.delete("/api/waitlist/" + entry);
        caseworker.get("/api/clients/" + client + "/placements");

        Http.Reply reply = fixtures.admin().get("/api/audit?limit=1000&username=" + username);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.list()).extracting(e -> e.get("action")).contains("CLIENT_CREATED", "CLIENT_READ", "CLIENT_LIST",
                "BED_REQUEST", "BED_REQUEST_OUTCOME", "HOLD_CREATED", "HOLD_RELEASED", "PLACEMENT_STARTED",
                "PLACEMENT_MOVED", "PLACEMENT_ENDED", "WAITLIST_JOINED", "WAITLIST_WITHDRAWN", "PLACEMENTS_READ");
        assertThat(reply.list()).allSatisfy(e -> assertThat(e).containsEntry("username", username)
                .containsEntry("remoteAddress", "127.0.0.1").containsKey("at"));
        assertThat(reply.body()).doesNotContain("Audited-" + tag);
        assertProblem(caseworker.get("/api/audit"), 403);
    }

    @Test
    void rule5_secretsComeFromTheEnvironmentNeverFromTheRepository() throws IOException {
        String config;
        try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
            config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(config).contains("secret: ${harbour.jwt-secret}", "password: ${harbour.database.password:}");
        // no secret of the test run, and no literal JWT secret or database password, in any file of the repository
        List<String> offending = new ArrayList<>();
        for (String root : List.of("src/main", "db", ".ci", "README.md", "pom.xml")) {
            Path path = Path.of(root);
            if (!Files.exists(path)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(path)) {
                for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toFile().length() < 5_000_000).toList()) {
                    String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                    if (text.contains(TestDatabase.JWT_SECRET)
                            || text.matches("(?s).*HARBOUR_JWT_SECRET\\s*[:=]\\s*['\"]?[A-Za-z0-9+/=_-]{16,}.*")
                            || text.matches("(?s).*(jwt-secret|DATASOURCES_DEFAULT_PASSWORD)\\s*[:=]\\s*['\"]?[A-Za-z0-9+/=_-]{12,}.*")) {
                        offending.add(file.toString());
                    }
                }
            }
        }
        assertThat(offending).as("files holding a secret").isEmpty();
        // and personal data never reaches the log: LogPrivacyTest runs a whole night of work at DEBUG
    }

    @Test
    void errorResponsesNeverEchoSecretsOrStackTraces() {
        String password = "Pass-Word-" + tag;
        String token = fixtures.caseworker("Rule errors " + tag).token();
        Http caseworker = fixtures.anonymous().as(token);
        Http admin = fixtures.admin();
        List<Http.Reply> replies = List.of(
                fixtures.anonymous().send("POST", "/api/login", "{\"username\": \"x\", \"password\": \"" + password, "application/json"),
                fixtures.anonymous().send("POST", "/api/login", "{\"username\": [\"" + password + "\"], \"password\": {}}", "application/json"),
                fixtures.anonymous().post("/api/login", Map.of("username", password, "password", password)),
                admin.post("/api/users", Map.of("username", "ok-name-" + tag, "password", "short", "role", password)),
                admin.post("/api/users", Map.of("username", password + "!", "password", password, "role", "ADMIN")),
                admin.send("POST", "/api/users", "{\"username\": \"u-" + tag + "\", \"password\": " + password + "}", "application/json"),
                caseworker.post("/api/clients", Map.of("alias", Map.of("token", token), "needs", Map.of())),
                caseworker.send("POST", "/api/clients", "{\"alias\": \"" + token + "\", \"birthYear\": \"" + password + "\"}", "application/json"),
                caseworker.get("/api/clients/" + token),
                caseworker.get("/api/reports/capacity?from=" + password + "&to=" + token + "&groupBy=" + password),
                caseworker.get("/api/waitlist?programId=" + password),
                fixtures.anonymous().as(token + "broken").get("/api/clients"),
                fixtures.anonymous().withHeader("X-Feed-Key", password).put("/api/programs/1/availability", Map.of("available", 1)),
                caseworker.send("POST", "/api/clients", password, "text/plain"));
        for (Http.Reply reply : replies) {
            assertThat(reply.status()).as(reply.body()).isBetween(400, 499);
            assertProblem(reply, reply.status());
            assertNothingInternal(reply);
            assertThat(reply.body()).as("the body of a " + reply.status()).doesNotContain(password).doesNotContain(token)
                    .doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        }
    }

    private static void place(Http caseworker, long programId, String date) {
        long client = caseworker.post("/api/clients", Map.of("alias", "Placed-" + date, "needs", Map.of())).id();
        Http.Reply placed = caseworker.post("/api/placements", Map.of("clientId", client, "programId", programId,
                "startDate", date));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyRow(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) reply.map().get("rows");
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }
}
