package org.harbour.account;

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
import static org.harbour.testdata.Problems.assertProblem;

/**
 * A facility's feed keys as an administrator manages them (issue 18, item 3): listed without the key, with when
 * each was last used (written at most once a minute, not per push), and revoked at once.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedKeyAdministrationTest implements HarbourTest {

    private static final Map<String, Object> COUNTS = Map.of("available", 2, "outOfService", 0);

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;
    Http admin;
    Fixtures.CreatedFacility facility;

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        admin = fixtures.admin();
        facility = fixtures.facilityWithBeds(10, 2);
    }

    @Test
    void theListShowsEachKeyAndItsUseButNeverTheKeyOrItsHash() {
        var own = fixtures.facilityWithBeds(4, 1);
        Http.Reply first = admin.post(keysOf(own.id()), Map.of());
        Http.Reply second = admin.post(keysOf(own.id()), Map.of());
        String hash = Sql.row("SELECT key_hash FROM feed_keys WHERE id = ?", first.id()).get("key_hash").toString();

        Http.Reply unused = admin.get(keysOf(own.id()));

        assertThat(unused.status()).as(unused.body()).isEqualTo(200);
        assertThat(unused.body()).doesNotContain(first.string("key"), second.string("key"), hash, "hfk_");
        assertThat(unused.list()).extracting(k -> ((Number) k.get("id")).longValue()).containsExactly(second.id(), first.id());
        assertThat(unused.list()).allSatisfy(k -> {
            assertThat(k.keySet()).containsExactlyInAnyOrder("id", "createdAt", "lastUsedAt", "revoked", "revokedAt");
            assertThat(k).containsEntry("lastUsedAt", null).containsEntry("revoked", false);
        });

        Instant before = Instant.now().minusSeconds(1);
        assertThat(asFeed(first.string("key")).put(countsOf(own.programId()), COUNTS).status()).isEqualTo(200);

        Map<String, Object> used = keyIn(admin.get(keysOf(own.id())), first.id());
        assertThat(Instant.parse(used.get("lastUsedAt").toString())).isAfter(before);
        assertThat(keyIn(admin.get(keysOf(own.id())), second.id())).containsEntry("lastUsedAt", null);
        assertThat(admin.get(keysOf(facility.id())).list()).as("another facility's keys")
                .noneMatch(k -> ((Number) k.get("id")).longValue() == first.id());
    }

    @Test
    void lastUsedAtIsWrittenOnceAMinuteNotOnEveryPush() {
        Http.Reply issued = admin.post(keysOf(facility.id()), Map.of());
        Http feed = asFeed(issued.string("key"));
        assertThat(feed.put(countsOf(facility.programId()), COUNTS).status()).isEqualTo(200);
        Object stamped = Sql.row("SELECT last_used_at FROM feed_keys WHERE id = ?", issued.id()).get("last_used_at");
        assertThat(stamped).isNotNull();

        for (int i = 0; i < 5; i++) {
            assertThat(feed.put(countsOf(facility.programId()), Map.of("available", i % 3, "outOfService", 0)).status()).isEqualTo(200);
        }

        assertThat(Sql.row("SELECT last_used_at FROM feed_keys WHERE id = ?", issued.id()).get("last_used_at"))
                .as("five pushes within the minute wrote nothing").isEqualTo(stamped);
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceAndTheFacilitysOtherKeysStillWork() {
        String revoked = admin.post(keysOf(facility.id()), Map.of()).string("key");
        Http.Reply kept = admin.post(keysOf(facility.id()), Map.of());
        long revokedId = Sql.number("SELECT id FROM feed_keys WHERE key_hash = ?", FeedKeys.sha256(revoked));
        assertThat(asFeed(revoked).put(countsOf(facility.programId()), COUNTS).status()).as("works before").isEqualTo(200);

        Http.Reply reply = admin.delete("/api/feed-keys/" + revokedId);

        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
        assertProblem(asFeed(revoked).put(countsOf(facility.programId()), COUNTS), 401);
        assertThat(asFeed(kept.string("key")).put(countsOf(facility.programId()), COUNTS).status()).isEqualTo(200);
        Map<String, Object> listed = keyIn(admin.get(keysOf(facility.id())), revokedId);
        assertThat(listed).containsEntry("revoked", true);
        assertThat(listed.get("revokedAt")).isNotNull();
        assertThat(audits(revokedId, "FEED_KEY_REVOKED")).isEqualTo(1);
        assertThat(Sql.rows("SELECT * FROM audit_log WHERE object_type = 'FEED_KEY' AND object_id = ?", revokedId))
                .allSatisfy(row -> assertThat(row.toString()).doesNotContain(revoked));

        assertThat(admin.delete("/api/feed-keys/" + revokedId).status()).as("revoking again changes nothing").isEqualTo(204);
        assertThat(audits(revokedId, "FEED_KEY_REVOKED")).isEqualTo(1);
    }

    @Test
    void onlyAnAdminListsOrRevokesKeys() {
        Http.Reply issued = admin.post(keysOf(facility.id()), Map.of());
        List<Http> others = List.of(fixtures.staffOf(facility.id()), fixtures.caseworker("Street Outreach Toronto"),
                fixtures.funder(), asFeed(issued.string("key")));

        for (Http caller : others) {
            assertProblem(caller.get(keysOf(facility.id())), 403);
            assertProblem(caller.delete("/api/feed-keys/" + issued.id()), 403);
        }
        assertProblem(fixtures.anonymous().get(keysOf(facility.id())), 401);
        assertProblem(fixtures.anonymous().delete("/api/feed-keys/" + issued.id()), 401);
        assertThat(Sql.row("SELECT revoked FROM feed_keys WHERE id = ?", issued.id())).containsEntry("revoked", false);
        assertThat(asFeed(issued.string("key")).put(countsOf(facility.programId()), COUNTS).status()).isEqualTo(200);
    }

    @Test
    void unknownFacilitiesKeysAndOddIdsAreClearRefusals() {
        assertProblem(admin.get(keysOf(987_654_321L)), 404);
        assertProblem(admin.delete("/api/feed-keys/987654321"), 404);
        assertProblem(admin.delete("/api/feed-keys/abc"), 400);
        assertProblem(admin.get("/api/facilities/abc/feed-keys"), 400);
    }

    private static Map<String, Object> keyIn(Http.Reply list, long keyId) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.list().stream().filter(k -> ((Number) k.get("id")).longValue() == keyId).findFirst().orElseThrow();
    }

    private static long audits(long keyId, String action) {
        return Sql.number("SELECT COUNT(*) FROM audit_log WHERE object_type = 'FEED_KEY' AND object_id = ? AND action = ?",
                keyId, action);
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
}
