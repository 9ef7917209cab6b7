package org.harbour.audit;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.Sql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.harbour.testdata.FacilityBuilder.defaultFacility;
import static org.harbour.testdata.ProgramBuilder.defaultProgram;

/** Privacy rule 4: every read of a client record and every change is in the audit log, for ADMIN to read. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditApiTest implements HarbourTest {

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
    }

    @Test
    void readsAndChangesOfAClientAreAuditedWithoutTheAlias() {
        String organization = Fixtures.unique("Audited outreach");
        Http caseworker = fixtures.caseworker(organization);
        long clientId = caseworker.post("/api/clients", Map.of("alias", "Audit-Alias-77", "needs", Map.of())).id();
        caseworker.get("/api/clients/" + clientId);
        caseworker.get("/api/clients/" + clientId + "/placements");

        List<Map<String, Object>> entries = fixtures.admin().get("/api/audit?objectType=CLIENT&objectId=" + clientId).list();

        assertThat(entries).extracting(e -> e.get("action"))
                .containsExactly("PLACEMENTS_READ", "CLIENT_READ", "CLIENT_CREATED");
        assertThat(entries).allSatisfy(e -> assertThat(e).containsEntry("objectId", (int) clientId)
                .containsKeys("at", "username", "remoteAddress"));
        assertThat(fixtures.admin().get("/api/audit?limit=1000").body()).doesNotContain("Audit-Alias-77");
    }

    @Test
    void onlyAdminsReadTheAuditLogAndBadFiltersAreRefused() {
        assertThat(fixtures.caseworker("Someone").get("/api/audit").status()).isEqualTo(403);
        assertThat(fixtures.funder().get("/api/audit").status()).isEqualTo(403);
        assertThat(fixtures.admin().get("/api/audit?limit=0").status()).isEqualTo(422);
        assertThat(fixtures.admin().get("/api/audit?from=yesterday").status()).isEqualTo(400);
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnAuditRowWhoeverAsks() {
        fixtures.caseworker("Appender").get("/api/clients");
        Map<String, Object> last = Sql.row("SELECT id, username, action FROM audit_log ORDER BY id DESC LIMIT 1");
        long rows = Sql.count("audit_log");

        assertThatThrownBy(() -> Sql.update("UPDATE audit_log SET username = 'nobody' WHERE id = ?", last.get("id")))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> Sql.update("DELETE FROM audit_log WHERE id = ?", last.get("id")))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> Sql.update("DELETE FROM audit_log"))
                .hasStackTraceContaining("append-only");

        assertThat(Sql.count("audit_log")).isGreaterThanOrEqualTo(rows);
        assertThat(Sql.row("SELECT id, username, action FROM audit_log WHERE id = ?", last.get("id"))).isEqualTo(last);
    }

    @Test
    void noRoleHasARouteThatChangesTheAuditLog() {
        long rows = Sql.count("audit_log");
        List<Http> everyone = List.of(fixtures.admin(), fixtures.caseworker("Appender"), fixtures.funder());
        for (Http caller : everyone) {
            for (String method : List.of("PUT", "POST", "DELETE", "PATCH")) {
                for (String path : List.of("/api/audit", "/api/audit/1")) {
                    int status = caller.send(method, path, "{}", "application/json").status();
                    assertThat(status).as(method + " " + path).isIn(403, 404, 405);
                }
            }
        }
        assertThat(Sql.number("SELECT COUNT(*) FROM audit_log WHERE id <= (SELECT MAX(id) FROM audit_log)"))
                .isGreaterThanOrEqualTo(rows);
    }

    @Test
    void everyFilterNarrowsTheLog() {
        String organization = Fixtures.unique("Filtered outreach");
        Http first = fixtures.caseworker(organization);
        Http second = fixtures.caseworker(organization);
        Instant before = Instant.now().minusSeconds(1);
        long client = first.post("/api/clients", Map.of("alias", "Filter-Alias", "needs", Map.of())).id();
        first.get("/api/clients/" + client);
        second.get("/api/clients/" + client);
        Instant after = Instant.now().plusSeconds(1);
        String me = first.get("/api/users/me").string("username");
        String other = second.get("/api/users/me").string("username");

        assertThat(audit("username=" + me + "&objectType=CLIENT&objectId=" + client))
                .extracting(e -> e.get("action")).containsExactly("CLIENT_READ", "CLIENT_CREATED");
        assertThat(audit("username=" + other + "&objectType=client&objectId=" + client))
                .extracting(e -> e.get("action")).containsExactly("CLIENT_READ");
        assertThat(audit("action=client_created&objectId=" + client))
                .extracting(e -> e.get("username")).containsExactly(me);
        assertThat(audit("objectType=CLIENT&objectId=" + client + "&from=" + before + "&to=" + after)).hasSize(3);
        assertThat(audit("objectType=CLIENT&objectId=" + client + "&to=" + before)).isEmpty();
        assertThat(audit("objectType=CLIENT&objectId=" + client + "&from=" + after)).isEmpty();
        assertThat(audit("objectType=CLIENT&objectId=" + client + "&remoteAddress=127.0.0.1")).hasSize(3);
        assertThat(audit("objectType=CLIENT&objectId=" + client + "&remoteAddress=10.9.9.9")).isEmpty();
        assertThat(audit("objectType=CLIENT&objectId=" + client + "&limit=1")).hasSize(1);
        assertThat(fixtures.admin().get("/api/audit?username=" + "x".repeat(101)).status()).isEqualTo(422);
    }

    @Test
    void changesOutsideCaseworkAreAuditedTooWithWhoWhenAndFromWhere() {
        Http admin = fixtures.admin();
        var facility = fixtures.facility(defaultFacility().withProgram(defaultProgram()));
        admin.put("/api/facilities/" + facility.id(), defaultFacility().build());
        long program = admin.post("/api/facilities/" + facility.id() + "/programs", defaultProgram().build()).id();
        admin.put("/api/programs/" + program, defaultProgram().build());
        long key = admin.post("/api/facilities/" + facility.id() + "/feed-keys", Map.of()).id();
        String username = fixtures.createUser("FUNDER", "Ontario Housing Fund");
        long user = ((Number) Sql.row("SELECT id FROM users WHERE username = ?", username).get("id")).longValue();

        assertThat(one("FACILITY_CREATED", "FACILITY", facility.id())).isNotNull();
        assertThat(one("FACILITY_UPDATED", "FACILITY", facility.id())).isNotNull();
        assertThat(one("PROGRAM_CREATED", "PROGRAM", program)).isNotNull();
        assertThat(one("PROGRAM_UPDATED", "PROGRAM", program)).isNotNull();
        assertThat(one("FEED_KEY_ISSUED", "FEED_KEY", key)).isNotNull();
        Map<String, Object> created = one("USER_CREATED", "USER", user);
        assertThat(created).containsEntry("username", "admin").containsEntry("remoteAddress", "127.0.0.1");
        assertThat(Instant.parse((String) created.get("at"))).isBetween(Instant.now().minusSeconds(60), Instant.now());
    }

    private Map<String, Object> one(String action, String type, long id) {
        List<Map<String, Object>> entries = audit("action=" + action + "&objectType=" + type + "&objectId=" + id);
        assertThat(entries).as(action + " " + id).hasSize(1);
        return entries.get(0);
    }

    private List<Map<String, Object>> audit(String query) {
        Http.Reply reply = fixtures.admin().get("/api/audit?" + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.list();
    }

    @Test
    void theServiceOnlyEverAppendsToTheAuditLog() {
        long before = Sql.count("audit_log");
        fixtures.caseworker("Appender").get("/api/clients");
        assertThat(Sql.count("audit_log")).isGreaterThan(before);
        // the application has no route that changes or deletes audit rows
        assertThat(fixtures.admin().delete("/api/audit").status()).isEqualTo(405);
        assertThat(fixtures.admin().put("/api/audit", Map.of()).status()).isEqualTo(405);
    }
}
