package org.harbour.security;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.Sql;
import org.harbour.testdata.WrittenBehind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.testdata.Problems.assertProblem;

/**
 * Object-level access (API.md): a caseworker of another organization gets 404 for every client object,
 * as if it did not exist, and changes nothing; staff and feed keys touch their own facility's counts only (403).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectAccessTest implements HarbourTest {

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;
    Http owner;
    Http stranger;
    Fixtures.CreatedFacility beds;
    Fixtures.CreatedFacility otherBeds;

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        owner = fixtures.caseworker(Fixtures.unique("Owning outreach"));
        stranger = fixtures.caseworker(Fixtures.unique("Stranger outreach"));
        beds = fixtures.facilityWithBeds(30, 30);
        otherBeds = fixtures.facilityWithBeds(30, 30);
    }

    @Test
    void everyClientEndpointAnswers404ToAnotherOrganizationAndChangesNothing() {
        long client = owner.post("/api/clients", Map.of("alias", "Object-Alias-1", "needs", Map.of())).id();
        long otherClient = owner.post("/api/clients", Map.of("alias", "Object-Alias-2", "needs", Map.of())).id();
        long placement = created(owner.post("/api/placements", Map.of("clientId", client, "programId", beds.programId())));
        long hold = created(owner.post("/api/programs/" + beds.programId() + "/holds", Map.of("clientId", otherClient)));
        long entry = created(owner.post("/api/waitlist", Map.of("clientId", otherClient, "programId", beds.programId())));
        long request = created(owner.post("/api/bed-requests", Map.of("clientId", otherClient, "needs", Map.of())));
        String before = fingerprint();

        List<Http.Reply> refused = List.of(
                stranger.get("/api/clients/" + client),
                stranger.get("/api/clients/" + client + "/placements"),
                stranger.post("/api/bed-requests", Map.of("clientId", client, "needs", Map.of())),
                stranger.post("/api/bed-requests/" + request + "/outcome", Map.of("outcome", "NO_SHOW", "programId", beds.programId())),
                stranger.post("/api/programs/" + beds.programId() + "/holds", Map.of("clientId", client)),
                stranger.delete("/api/holds/" + hold),
                stranger.post("/api/placements", Map.of("clientId", otherClient, "programId", beds.programId())),
                stranger.post("/api/placements/" + placement + "/end", Map.of("reason", "HOUSED")),
                stranger.post("/api/placements/" + placement + "/move", Map.of("toProgramId", otherBeds.programId())),
                stranger.post("/api/waitlist", Map.of("clientId", client, "programId", beds.programId())),
                stranger.delete("/api/waitlist/" + entry));

        assertThat(refused).hasSize(11).allSatisfy(reply -> assertProblem(reply, 404));
        assertThat(fingerprint()).as("nothing changed").isEqualTo(before);
        assertThat(ids(stranger.get("/api/clients"))).doesNotContain(client, otherClient);
        assertThat(ids(stranger.get("/api/waitlist?programId=" + beds.programId()))).doesNotContain(entry);
        assertThat(ids(stranger.get("/api/placements?endingWithinDays=365"))).doesNotContain(placement);
        assertThat(stranger.get("/api/programs/" + beds.programId() + "/holds").list())
                .noneMatch(h -> ((Number) h.get("id")).longValue() == hold && h.get("clientId") != null);
        // the same calls by the owner work, so the 404s above are about who asks
        assertThat(owner.get("/api/clients/" + client).status()).isEqualTo(200);
        assertThat(owner.get("/api/clients/" + client + "/placements").status()).isEqualTo(200);
        assertThat(owner.delete("/api/waitlist/" + entry).status()).isEqualTo(204);
        assertThat(owner.delete("/api/holds/" + hold).status()).isEqualTo(204);
    }

    @Test
    void theNotFoundForAnotherOrganizationsClientIsTheSameAsForNoClient() {
        long client = owner.post("/api/clients", Map.of("alias", "Object-Alias-3", "needs", Map.of())).id();

        Http.Reply hidden = stranger.get("/api/clients/" + client);
        Http.Reply missing = stranger.get("/api/clients/987654321");

        assertProblem(hidden, 404);
        assertThat(hidden.body().replace(Long.toString(client), "N")).isEqualTo(missing.body().replace("987654321", "N"));
    }

    @Test
    void staffChangeOnlyTheirOwnFacilitysCounts() {
        Http staff = fixtures.staffOf(beds.id());
        String others = "/api/programs/" + otherBeds.programId() + "/availability";
        long version = ((Number) fixtures.admin().get(others).map().get("version")).longValue();

        assertProblem(staff.put(others, Map.of("available", 1, "outOfService", 0)), 403);
        assertThat(staff.put("/api/programs/" + beds.programId() + "/availability", Map.of("available", 29)).status())
                .isEqualTo(200);
        assertThat(((Number) fixtures.admin().get(others).map().get("version")).longValue()).isEqualTo(version);
    }

    @Test
    void aFeedKeyOfOneFacilityIsRefusedOnAnothersProgram() {
        String key = fixtures.admin().post("/api/facilities/" + beds.id() + "/feed-keys", Map.of()).string("key");
        Http feed = fixtures.anonymous().withHeader("X-Feed-Key", key);
        String others = "/api/programs/" + otherBeds.programId() + "/availability";
        long version = ((Number) fixtures.admin().get(others).map().get("version")).longValue();

        assertProblem(feed.put(others, Map.of("available", 1)), 403);
        assertProblem(feed.put("/api/programs/" + otherBeds.programId(), Map.of("capacity", 1)), 403);
        assertThat(feed.put("/api/programs/" + beds.programId() + "/availability", Map.of("available", 28)).status())
                .isEqualTo(200);
        assertThat(((Number) fixtures.admin().get(others).map().get("version")).longValue()).isEqualTo(version);
    }

    /** Rows and last ids of every table a client request could touch. */
    static String fingerprint() {
        WrittenBehind.awaitAll();
        return Sql.row("""
                SELECT (SELECT COUNT(*) FROM clients) c, (SELECT COUNT(*) FROM placements) p,
                       (SELECT COUNT(*) FROM placements WHERE status = 'ACTIVE') pa,
                       (SELECT COUNT(*) FROM holds) h, (SELECT COUNT(*) FROM holds WHERE status = 'ACTIVE') ha,
                       (SELECT COUNT(*) FROM waitlist_entries) w,
                       (SELECT COUNT(*) FROM waitlist_entries WHERE status = 'WAITING') ww,
                       (SELECT COUNT(*) FROM bed_requests) b, (SELECT COUNT(*) FROM bed_request_outcomes) o, (SELECT COALESCE(SUM(version), 0) FROM availability) v,
                       (SELECT COALESCE(MAX(seq), 0) FROM events) e
                """).toString();
    }

    private static long created(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.id();
    }

    private static List<Long> ids(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.list().stream().map(m -> ((Number) m.get("id")).longValue()).toList();
    }
}
