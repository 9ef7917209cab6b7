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

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
    void theServiceOnlyEverAppendsToTheAuditLog() {
        long before = Sql.count("audit_log");
        fixtures.caseworker("Appender").get("/api/clients");
        assertThat(Sql.count("audit_log")).isGreaterThan(before);
        // the application has no route that changes or deletes audit rows
        assertThat(fixtures.admin().delete("/api/audit").status()).isEqualTo(405);
        assertThat(fixtures.admin().put("/api/audit", Map.of()).status()).isEqualTo(405);
    }
}
