package org.harbour.security;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.FacilityBuilder;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.Sql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.testdata.Problems.assertProblem;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedKeyTest implements HarbourTest {

    private static final Map<String, Object> COUNTS = Map.of("available", 4, "outOfService", 1);

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;
    Fixtures.CreatedFacility facility;
    Fixtures.CreatedFacility otherFacility;

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        facility = fixtures.facilityWithBeds(10, 2);
        otherFacility = fixtures.facilityWithBeds(10, 2);
    }

    @Test
    void anAdminIssuesAKeyShownOnceAndStoredOnlyAsItsHash() {
        Http.Reply reply = fixtures.admin().post(keysOf(facility.id()), Map.of());

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.map()).containsEntry("facilityId", (int) facility.id()).containsKey("id");
        String key = reply.string("key");
        assertThat(key).hasSizeGreaterThan(40);
        Map<String, Object> row = Sql.row("SELECT * FROM feed_keys WHERE id = ?", reply.id());
        assertThat(row.get("key_hash")).isEqualTo(sha256(key));
        assertThat(row.values()).noneMatch(value -> value != null && value.toString().contains(key));
        assertThat(issueKey(facility.id())).as("a second key").isNotEqualTo(key);
    }

    @Test
    void theKeyUpdatesItsOwnFacilitysCountsAndNoOtherFacilitys() {
        Http feed = asFeed(issueKey(facility.id()));

        Http.Reply own = feed.put(countsOf(facility.programId()), COUNTS);
        Http.Reply other = feed.put(countsOf(otherFacility.programId()), COUNTS);

        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.map()).containsEntry("available", 4).containsEntry("outOfService", 1);
        assertProblem(other, 403);
        assertThat(fixtures.admin().get(countsOf(otherFacility.programId())).map())
                .as("the other facility's counts").containsEntry("available", 2);
    }

    @Test
    void aRevokedOrUnknownKeyIsRefused() {
        String key = issueKey(facility.id());
        Sql.update("UPDATE feed_keys SET revoked = TRUE WHERE key_hash = ?", sha256(key));

        assertProblem(asFeed(key).put(countsOf(facility.programId()), COUNTS), 401);
        assertProblem(asFeed("hfk_" + "A".repeat(43)).put(countsOf(facility.programId()), COUNTS), 401);
        assertProblem(asFeed("x".repeat(500)).put(countsOf(facility.programId()), COUNTS), 401);
    }

    @Test
    void onlyAnAdminIssuesKeys() {
        long before = Sql.number("SELECT COUNT(*) FROM feed_keys");
        List<Http> others = List.of(fixtures.staffOf(facility.id()), fixtures.caseworker("Street Outreach Toronto"),
                fixtures.funder(), asFeed(issueKey(facility.id())));

        for (Http caller : others) {
            assertProblem(caller.post(keysOf(facility.id()), Map.of()), 403);
        }
        assertProblem(fixtures.anonymous().post(keysOf(facility.id()), Map.of()), 401);
        assertThat(Sql.number("SELECT COUNT(*) FROM feed_keys")).as("only the key issued for the test").isEqualTo(before + 1);
    }

    @Test
    void aKeyForAnUnknownFacilityIsNotFound() {
        assertProblem(fixtures.admin().post(keysOf(987_654_321L), Map.of()), 404);
    }

    @Test
    void aFeedKeyReachesNothingButCounts() {
        Http feed = asFeed(issueKey(facility.id()));

        assertProblem(feed.get("/api/users"), 403);
        assertProblem(feed.get("/api/users/me"), 403);
        assertProblem(feed.post("/api/users", Map.of("username", "feed-made", "password", "a-long-password", "role", "ADMIN")), 403);
        assertProblem(feed.post("/api/facilities", FacilityBuilder.defaultFacility().build()), 403);
        assertProblem(feed.put("/api/facilities/" + facility.id(), FacilityBuilder.defaultFacility().build()), 403);
        assertProblem(feed.get("/api/facilities/" + facility.id()), 403);
        assertProblem(feed.get("/api/availability"), 403);
        assertProblem(feed.get(countsOf(facility.programId())), 403);
    }

    private String issueKey(long facilityId) {
        Http.Reply reply = fixtures.admin().post(keysOf(facilityId), Map.of());
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.string("key");
    }

    private Http asFeed(String key) {
        return fixtures.anonymous().withHeader("X-Feed-Key", key);
    }

    private static String keysOf(long facilityId) {
        return "/api/facilities/" + facilityId + "/feed-keys";
    }

    private static String countsOf(long programId) {
        return "/api/programs/" + programId + "/availability";
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
