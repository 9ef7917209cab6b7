package org.harbour.client;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Clients through HTTP: owned by one organization, audited, and their alias never leaves the REST API. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientApiTest implements HarbourTest {

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;
    Http caseworker;
    Http otherOrganization;

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        caseworker = fixtures.caseworker(Fixtures.unique("Client outreach"));
        otherOrganization = fixtures.caseworker(Fixtures.unique("Other outreach"));
    }

    @Test
    void aClientIsCreatedListedAndReadByItsOwnOrganizationOnly() {
        Http.Reply created = caseworker.post("/api/clients", Map.of("alias", " RB-1987 ", "birthYear", 2005,
                "gender", "trans_woman", "needs", Map.of("language", "FR", "pets", true), "consentToShare", false));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.id();
        assertThat(created.map()).containsEntry("alias", "RB-1987").containsEntry("birthYear", 2005)
                .containsEntry("gender", "TRANS_WOMAN").containsEntry("consentToShare", false);
        @SuppressWarnings("unchecked")
        Map<String, Object> needs = (Map<String, Object>) created.map().get("needs");
        assertThat(needs).containsEntry("language", "fr").containsEntry("pets", true);

        assertThat(ids(caseworker.get("/api/clients"))).contains(id);
        assertThat(caseworker.get("/api/clients/" + id).map()).containsEntry("alias", "RB-1987");
        assertThat(fixtures.admin().get("/api/clients/" + id).status()).isEqualTo(200);
        assertThat(ids(otherOrganization.get("/api/clients"))).doesNotContain(id);
        assertThat(otherOrganization.get("/api/clients/" + id).status()).isEqualTo(404);
        assertThat(caseworker.get("/api/clients/987654321").status()).isEqualTo(404);

        Http funder = fixtures.funder();
        assertThat(List.of(funder.get("/api/clients").status(), funder.get("/api/clients/" + id).status(),
                funder.post("/api/clients", Map.of("alias", "F-1", "needs", Map.of())).status())).containsOnly(403);
        assertThat(Sql.rows("SELECT action FROM audit_log WHERE object_type = 'CLIENT' AND object_id = ?", id))
                .extracting(r -> r.get("action")).contains("CLIENT_CREATED", "CLIENT_READ");
    }

    @Test
    void badClientsAreRefusedWithTheirField() {
        assertInvalid(Map.of("needs", Map.of()), "alias");
        assertInvalid(Map.of("alias", "   ", "needs", Map.of()), "alias");
        assertInvalid(Map.of("alias", "x".repeat(61), "needs", Map.of()), "alias");
        assertInvalid(Map.of("alias", "A", "birthYear", 1800), "birthYear");
        assertInvalid(Map.of("alias", "A", "gender", "ALIEN"), "gender");
        assertInvalid(Map.of("alias", "A", "needs", Map.of("age", -1)), "needs.age");
        assertInvalid(Map.of("alias", "A", "needs", Map.of("gender", "ALIEN")), "needs.gender");
        assertThat(caseworker.post("/api/clients", "{\"alias\": ").status()).isEqualTo(400);
        assertThat(caseworker.post("/api/clients", "{\"alias\": \"A\", \"birthYear\": \"old\"}").status()).isEqualTo(400);
    }

    @Test
    void anAdminNamingAnOrganizationLongerThanTheColumnIsRefusedAndNothingIsCreated() {
        // found by BadInputPropertyTest: INSERT IGNORE truncated the name, the lookup then missed it (500)
        String tooLong = Fixtures.unique("Org").replace(' ', '-') + "x".repeat(200);
        Http.Reply reply = fixtures.admin().post("/api/clients", Map.of("alias", "A", "organization", tooLong));
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(reply.body()).contains("\"field\":\"organization\"");
        assertThat(Sql.number("SELECT COUNT(*) FROM organizations WHERE name LIKE ?", tooLong.substring(0, 20) + "%"))
                .isZero();
    }

    @Test
    void theAliasAndAConfidentialAddressNeverReachALiveMessageNorTheLog() {
        String alias = Fixtures.unique("QZX-ALIAS").replace(' ', '-');
        String address = Fixtures.unique("77 Hidden Lane");
        var shelter = fixtures.facility(FacilityBuilder.defaultFacility().confidential(true).with("address", address)
                .withProgram(ProgramBuilder.defaultProgram().withCapacity(4)));
        long program = shelter.programId();
        var sentinel = LiveClient.Sentinel.create(fixtures);
        ListAppender<ILoggingEvent> log = captureLog();
        LoggerFactory.getLogger(ClientApiTest.class).info("the flow starts"); // proves the capture works
        List<LiveClient> listeners = new ArrayList<>();
        try {
            for (Http user : List.of(caseworker, otherOrganization, fixtures.admin(), fixtures.staffOf(shelter.id()), fixtures.funder())) {
                LiveClient live = LiveClient.connect(server.getURI(), user.token(), null);
                live.next(Duration.ofSeconds(5)); // the snapshot
                listeners.add(live);
            }
            fixtures.staffOf(shelter.id()).put("/api/programs/" + program + "/availability", Map.of("available", 2));
            long client = caseworker.post("/api/clients", Map.of("alias", alias, "needs", Map.of("gender", "WOMAN"))).id();
            caseworker.get("/api/clients/" + client);
            assertThat(caseworker.post("/api/bed-requests", Map.of("clientId", client, "needs", Map.of())).status()).isEqualTo(201);
            long hold = caseworker.post("/api/programs/" + program + "/holds", Map.of("clientId", client)).id();
            long placement = caseworker.post("/api/placements", Map.of("clientId", client, "programId", program,
                    "holdId", hold)).id();
            assertThat(caseworker.post("/api/placements/" + placement + "/end", Map.of("reason", "HOUSED")).status()).isEqualTo(200);
            long entry = caseworker.post("/api/waitlist", Map.of("clientId", client, "programId", program)).id();
            caseworker.delete("/api/waitlist/" + entry);
            caseworker.get("/api/clients/" + client + "/placements");

            List<Map<String, Object>> received = new ArrayList<>();
            received.addAll(listeners.get(0).through(m -> "placement.ended".equals(m.get("type")), Duration.ofSeconds(2)));
            var nothingLater = sentinel.fire();
            for (LiveClient live : listeners) {
                received.addAll(live.assertNothingBefore(nothingLater,
                        m -> m.toString().contains(alias) || m.toString().contains(address)));
            }
            assertThat(received).isNotEmpty().allSatisfy(m ->
                    assertThat(m.toString()).doesNotContain(alias).doesNotContain(address));
            assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).contains("the flow starts");
            assertThat(log.list).allSatisfy(event -> assertThat(event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())))
                    .doesNotContain(alias).doesNotContain(address));
        } finally {
            listeners.forEach(LiveClient::close);
            root().detachAppender(log);
        }
    }

    private static ListAppender<ILoggingEvent> captureLog() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root().addAppender(appender);
        return appender;
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private void assertInvalid(Map<String, Object> body, String field) {
        Http.Reply reply = caseworker.post("/api/clients", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(reply.body()).contains("\"field\":\"" + field + "\"");
    }

    private static List<Long> ids(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.list().stream().map(c -> ((Number) c.get("id")).longValue()).toList();
    }
}
