package org.harbour.account;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.security.CurrentUsers;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.Sql;
import org.harbour.testdata.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.testdata.Problems.assertInvalidField;
import static org.harbour.testdata.Problems.assertProblem;

/**
 * GET/PUT /api/users (issue 18, item 3): an administrator sees every account without a secret, changes its
 * access, and disables it; a disabled account's tokens are refused at once, the change is audited and announced
 * to the other instances (user.changed), and no administrator can lock Harbour out of its own administration.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserAdministrationTest implements HarbourTest {

    @Inject
    EmbeddedServer server;
    @Inject
    CurrentUsers currentUsers;

    Fixtures fixtures;
    Http admin;
    long facilityId;
    long otherFacilityId;

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        admin = fixtures.admin();
        facilityId = fixtures.facilityWithBeds(5, 1).id();
        otherFacilityId = fixtures.facilityWithBeds(5, 1).id();
    }

    @Test
    void theListShowsEachAccountsAccessAndStateButNoSecret() {
        String staff = fixtures.createUser("SHELTER_STAFF", "Harbour Society", facilityId);
        String fresh = fixtures.createUserWithInitialPassword("FUNDER", "Ontario Housing Fund");

        Http.Reply reply = admin.get("/api/users");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).doesNotContain("$2", Fixtures.PASSWORD, Fixtures.INITIAL_PASSWORD);
        assertThat(reply.list()).allSatisfy(user -> assertThat(user.keySet()).containsExactlyInAnyOrder(
                "id", "username", "role", "organization", "facilityIds", "active", "mustChangePassword"));
        assertThat(user(reply, staff)).containsEntry("role", "SHELTER_STAFF").containsEntry("organization", "Harbour Society")
                .containsEntry("facilityIds", List.of((int) facilityId)).containsEntry("active", true)
                .containsEntry("mustChangePassword", false);
        assertThat(user(reply, fresh)).as("made by an admin, not yet signed in").containsEntry("mustChangePassword", true);
        assertThat(user(reply, TestDatabase.ADMIN_USERNAME)).as("the first admin, from the configuration")
                .containsEntry("mustChangePassword", false).containsEntry("role", "ADMIN");
    }

    @Test
    void anAdminChangesRoleOrganizationAndFacilitiesAndTheUserHasThemAtOnce() {
        String username = fixtures.createUser("CASEWORKER", "Street Outreach Toronto");
        Http user = fixtures.anonymous().login(username, Fixtures.PASSWORD);
        long id = idOf(username);
        assertThat(user.get("/api/clients").status()).isEqualTo(200);
        long events = userChangedEvents(id);

        Http.Reply reply = admin.put("/api/users/" + id, change("SHELTER_STAFF", "Harbour Society", List.of(facilityId, otherFacilityId), true));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.map()).containsEntry("role", "SHELTER_STAFF").containsEntry("organization", "Harbour Society")
                .containsEntry("facilityIds", List.of((int) facilityId, (int) otherFacilityId)).containsEntry("active", true);
        // the token names the old role: it is refused at once rather than acting with either role
        assertProblem(user.get("/api/clients"), 401);
        Http again = fixtures.anonymous().login(username, Fixtures.PASSWORD);
        assertThat(again.get("/api/users/me").map()).containsEntry("role", "SHELTER_STAFF");
        assertProblem(again.get("/api/clients"), 403);
        assertThat(audited(id, "USER_UPDATED")).isEqualTo(1);
        assertThat(userChangedEvents(id)).isEqualTo(events + 1);

        Http.Reply narrower = admin.put("/api/users/" + id, change("SHELTER_STAFF", "Harbour Society", List.of(otherFacilityId), true));
        assertThat(narrower.map()).containsEntry("facilityIds", List.of((int) otherFacilityId));
        assertThat(Sql.number("SELECT COUNT(*) FROM user_facilities WHERE user_id = ?", id)).isEqualTo(1);
    }

    @Test
    void disablingRefusesTheUsersTokenAtOnceAndEnablingLetsHerSignInAgain() {
        String username = fixtures.createUser("CASEWORKER", "Street Outreach Toronto");
        Http user = fixtures.anonymous().login(username, Fixtures.PASSWORD);
        long id = idOf(username);
        assertThat(user.get("/api/clients").status()).as("the token works and is cached").isEqualTo(200);
        long events = userChangedEvents(id);

        Http.Reply reply = admin.put("/api/users/" + id, change("CASEWORKER", "Street Outreach Toronto", List.of(), false));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.map()).containsEntry("active", false);
        assertProblem(user.get("/api/clients"), 401);
        assertProblem(user.post("/api/login/refresh", Map.of()), 401);
        assertProblem(fixtures.anonymous().post("/api/login", Map.of("username", username, "password", Fixtures.PASSWORD)), 401);
        assertThat(audited(id, "USER_DISABLED")).isEqualTo(1);
        assertThat(audited(id, "USER_UPDATED")).as("only the state changed").isZero();
        Map<String, Object> event = Sql.row("SELECT payload, program_id, facility_id, organization_id FROM events"
                + " WHERE type = 'user.changed' AND JSON_VALUE(payload, '$.userId') = ? ORDER BY seq DESC LIMIT 1", id);
        assertThat(userChangedEvents(id)).isEqualTo(events + 1);
        assertThat(Http.parse(event.get("payload").toString())).isEqualTo(Map.of("userId", (int) id, "username", username));
        assertThat(event.get("organization_id")).as("delivered to no organization").isNull();

        Http.Reply enabled = admin.put("/api/users/" + id, change("CASEWORKER", "Street Outreach Toronto", List.of(), true));

        assertThat(enabled.map()).containsEntry("active", true);
        assertThat(fixtures.anonymous().login(username, Fixtures.PASSWORD).get("/api/clients").status()).isEqualTo(200);
        assertThat(audited(id, "USER_ENABLED")).isEqualTo(1);
    }

    @Test
    void aChangeThatChangesNothingIsNotAuditedOrAnnounced() {
        String username = fixtures.createUser("FUNDER", "Ontario Housing Fund");
        long id = idOf(username);
        long audits = Sql.number("SELECT COUNT(*) FROM audit_log WHERE object_type = 'USER' AND object_id = ?", id);
        long events = userChangedEvents(id);

        Http.Reply reply = admin.put("/api/users/" + id, change("FUNDER", "Ontario Housing Fund", List.of(), true));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(Sql.number("SELECT COUNT(*) FROM audit_log WHERE object_type = 'USER' AND object_id = ?", id)).isEqualTo(audits);
        assertThat(userChangedEvents(id)).isEqualTo(events);
    }

    @Test
    void anAdminCannotDisableOrDemoteHerself() {
        String username = fixtures.createUser("ADMIN", null);
        Http self = fixtures.anonymous().login(username, Fixtures.PASSWORD);
        long id = idOf(username);

        Map<String, Object> disable = assertProblem(self.put("/api/users/" + id, change("ADMIN", null, List.of(), false)), 409);
        Map<String, Object> demote = assertProblem(self.put("/api/users/" + id, change("FUNDER", "Fund", List.of(), true)), 409);

        assertThat(disable.get("detail").toString()).contains("yourself");
        assertThat(demote.get("detail").toString()).contains("your own ADMIN role");
        assertThat(Sql.row("SELECT role, active FROM users WHERE id = ?", id)).containsEntry("role", "ADMIN").containsEntry("active", true);
        assertThat(self.put("/api/users/" + id, change("ADMIN", "Harbour Society", List.of(), true)).status())
                .as("her own organization she may change").isEqualTo(200);
        // another administrator may do what she may not
        assertThat(admin.put("/api/users/" + id, change("FUNDER", "Fund", List.of(), true)).status()).isEqualTo(200);
    }

    @Test
    void theLastActiveAdminStaysEvenWhenTwoAdminsDisableEachOtherAtOnce() throws Exception {
        // Two administrators each disabling the other: without a lock both see the other active and both succeed.
        // The other active admins of the shared database are set aside meanwhile and put back after.
        List<Long> others = Sql.rows("SELECT id FROM users WHERE role = 'ADMIN' AND active").stream()
                .map(r -> ((Number) r.get("id")).longValue()).toList();
        int refusedByTheRule = 0;
        try {
            for (int round = 0; round < 4; round++) {
                String first = fixtures.createUser("ADMIN", null);
                String second = fixtures.createUser("ADMIN", null);
                Http a = fixtures.anonymous().login(first, Fixtures.PASSWORD);
                Http b = fixtures.anonymous().login(second, Fixtures.PASSWORD);
                long aId = idOf(first);
                long bId = idOf(second);
                setActive(others, false);

                List<Http.Reply> replies = inParallel(List.of(
                        () -> a.put("/api/users/" + bId, change("ADMIN", null, List.of(), false)),
                        () -> b.put("/api/users/" + aId, change("ADMIN", null, List.of(), false))));

                assertThat(Sql.number("SELECT COUNT(*) FROM users WHERE id IN (?, ?) AND active", aId, bId))
                        .as("one of the two stays active: " + replies).isEqualTo(1);
                assertThat(replies).extracting(Http.Reply::status).as(replies.toString()).contains(200)
                        .containsAnyOf(409, 401);
                for (Http.Reply refused : replies.stream().filter(r -> r.status() == 409).toList()) {
                    assertThat(refused.map().get("detail").toString()).contains("last active ADMIN");
                    refusedByTheRule++;
                }
                // the loser may instead be refused before the rule (401: her token died with her account)
                setActive(others, true);
                Sql.update("UPDATE users SET active = FALSE WHERE id IN (?, ?)", aId, bId);
            }
        } finally {
            setActive(others, true);
        }
        System.out.printf("last active ADMIN: %d of 4 races refused by the rule, the rest by a dead token%n", refusedByTheRule);
    }

    @ParameterizedTest(name = "{0} -> 422 on {1}")
    @CsvSource({
            "no role,                   role",
            "unknown role,              role",
            "no active,                 active",
            "caseworker without org,    organization",
            "staff without facilities,  facilityIds",
            "unknown facility,          facilityIds",
            "organization too long,     organization"})
    void anInvalidChangeIsRefusedWithItsFieldAndChangesNothing(String mistake, String field) {
        String username = fixtures.createUser("FUNDER", "Ontario Housing Fund");
        long id = idOf(username);
        Map<String, Object> body = switch (mistake.trim()) {
            case "no role" -> change(null, "Fund", List.of(), true);
            case "unknown role" -> change("SUPERUSER", "Fund", List.of(), true);
            case "no active" -> change("FUNDER", "Fund", List.of(), null);
            case "caseworker without org" -> change("CASEWORKER", " ", List.of(), true);
            case "staff without facilities" -> change("SHELTER_STAFF", "Fund", List.of(), true);
            case "unknown facility" -> change("SHELTER_STAFF", "Fund", List.of(facilityId, 987_654_321L), true);
            default -> change("FUNDER", "x".repeat(201), List.of(), true);
        };
        String before = Sql.row("SELECT role, organization_id, active FROM users WHERE id = ?", id).toString();

        assertInvalidField(admin.put("/api/users/" + id, body), field);

        assertThat(Sql.row("SELECT role, organization_id, active FROM users WHERE id = ?", id).toString()).isEqualTo(before);
    }

    @Test
    void badTypesUnknownUsersAndOddIdsAreClearRefusals() {
        long id = idOf(fixtures.createUser("FUNDER", "Ontario Housing Fund"));

        assertProblem(admin.put("/api/users/" + id, "{\"role\": \"FUNDER\", \"active\": \"no\"}"), 400);
        assertProblem(admin.put("/api/users/" + id, "{\"role\": \"FUNDER\", \"active\": 0}"), 400);
        assertProblem(admin.put("/api/users/" + id, "{\"role\": \"FUNDER\", \"active\": true, \"facilityIds\": \"1\"}"), 400);
        assertProblem(admin.put("/api/users/" + id, "[]"), 400);
        assertProblem(admin.put("/api/users/987654321", change("FUNDER", null, List.of(), true)), 404);
        assertProblem(admin.put("/api/users/abc", change("FUNDER", null, List.of(), true)), 400);
        assertProblem(admin.post("/api/users/987654321/password-reset", Map.of()), 404);
        assertThat(Sql.row("SELECT active FROM users WHERE id = ?", id)).containsEntry("active", true);
    }

    @Test
    void onlyAnAdminChangesUsers() {
        long id = idOf(fixtures.createUser("FUNDER", "Ontario Housing Fund"));
        Map<String, Object> disable = change("FUNDER", "Ontario Housing Fund", List.of(), false);
        List<Http> others = List.of(fixtures.staffOf(facilityId), fixtures.caseworker("Street Outreach Toronto"), fixtures.funder());

        for (Http caller : others) {
            assertProblem(caller.put("/api/users/" + id, disable), 403);
            assertProblem(caller.post("/api/users/" + id + "/password-reset", Map.of()), 403);
            assertProblem(caller.get("/api/users"), 403);
        }
        assertProblem(fixtures.anonymous().put("/api/users/" + id, disable), 401);
        assertProblem(fixtures.anonymous().post("/api/users/" + id + "/password-reset", Map.of()), 401);
        assertThat(Sql.row("SELECT active, must_change_password FROM users WHERE id = ?", id))
                .containsEntry("active", true).containsEntry("must_change_password", false);
    }

    static Map<String, Object> change(String role, String organization, List<Long> facilityIds, Boolean active) {
        Map<String, Object> body = new HashMap<>();
        body.put("role", role);
        body.put("organization", organization);
        body.put("facilityIds", facilityIds);
        body.put("active", active);
        return body;
    }

    static long idOf(String username) {
        return Sql.number("SELECT id FROM users WHERE username = ?", username);
    }

    static long audited(long userId, String action) {
        return Sql.number("SELECT COUNT(*) FROM audit_log WHERE object_type = 'USER' AND object_id = ? AND action = ?",
                userId, action);
    }

    static long userChangedEvents(long userId) {
        return Sql.number("SELECT COUNT(*) FROM events WHERE type = 'user.changed' AND JSON_VALUE(payload, '$.userId') = ?",
                userId);
    }

    private static Map<String, Object> user(Http.Reply list, String username) {
        return list.list().stream().filter(u -> username.equals(u.get("username"))).findFirst().orElseThrow();
    }

    /** Straight in the database (a test's setting aside, not an administrator's act), then forgotten by the cache. */
    private void setActive(List<Long> ids, boolean active) {
        for (long id : ids) {
            Sql.update("UPDATE users SET active = ? WHERE id = ?", active, id);
            currentUsers.forget(Sql.row("SELECT username FROM users WHERE id = ?", id).get("username").toString());
        }
    }

    private static List<Http.Reply> inParallel(List<Callable<Http.Reply>> calls) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Http.Reply> replies = new ArrayList<>();
            for (Future<Http.Reply> future : pool.invokeAll(calls, 60, TimeUnit.SECONDS)) {
                try {
                    replies.add(future.get());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
