package org.harbour.account;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.LiveClient;
import org.harbour.testdata.Sql;
import org.harbour.testdata.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.WebSocketHandshakeException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.harbour.account.UserAdministrationTest.audited;
import static org.harbour.account.UserAdministrationTest.idOf;
import static org.harbour.account.UserAdministrationTest.userChangedEvents;
import static org.harbour.testdata.Problems.assertInvalidField;
import static org.harbour.testdata.Problems.assertProblem;

/**
 * Passwords an administrator sets (issue 18, item 3): a reset answers a temporary password once; that user, and
 * every user an administrator creates, must change it at the next sign-in, and until then every route but the few
 * that lead there answers 403. The first admin from the configuration is not forced.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordResetTest implements HarbourTest {

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;
    Http admin;
    long facilityId;

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        admin = fixtures.admin();
        facilityId = fixtures.facilityWithBeds(5, 2).id();
    }

    @Test
    void aResetAnswersAReadableRandomPasswordOnceAndKeepsOnlyItsHash() {
        long id = idOf(fixtures.createUser("CASEWORKER", "Street Outreach Toronto"));
        Set<String> seen = new HashSet<>();
        long events = userChangedEvents(id);

        for (int i = 0; i < 5; i++) {
            Http.Reply reply = admin.post("/api/users/" + id + "/password-reset", Map.of());
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.map()).containsOnlyKeys("temporaryPassword");
            String temporary = reply.string("temporaryPassword");
            assertThat(temporary).hasSizeGreaterThanOrEqualTo(16).matches("[A-HJ-NP-Za-km-z2-9-]+")
                    .doesNotContain("0", "O", "1", "I", "l");
            assertThat(seen.add(temporary)).as("a new one each time").isTrue();
            Map<String, Object> row = Sql.row("SELECT * FROM users WHERE id = ?", id);
            assertThat(row.values()).noneMatch(value -> value != null && value.toString().contains(temporary));
            assertThat(Sql.rows("SELECT * FROM audit_log WHERE object_type = 'USER' AND object_id = ?", id))
                    .allSatisfy(audit -> assertThat(audit.toString()).doesNotContain(temporary));
            assertThat(Sql.number("SELECT COUNT(*) FROM events WHERE payload LIKE ?", "%" + temporary + "%")).isZero();
        }
        assertThat(audited(id, "PASSWORD_RESET")).isEqualTo(5);
        assertThat(userChangedEvents(id)).as("each reset tells the other instances").isEqualTo(events + 5);
        assertThat(admin.get("/api/users").body()).doesNotContain(seen.iterator().next());
    }

    @Test
    void afterAResetTheUserMayOnlyChangeHerPasswordUntilSheHas() {
        String username = fixtures.createUser("CASEWORKER", "Street Outreach Toronto");
        Http before = fixtures.anonymous().login(username, Fixtures.PASSWORD);
        assertThat(before.get("/api/clients").status()).isEqualTo(200);
        long id = idOf(username);

        String temporary = admin.post("/api/users/" + id + "/password-reset", Map.of()).string("temporaryPassword");

        // the old password is gone; the session she had is held to the password change like a new one
        assertProblem(fixtures.anonymous().post("/api/login", Map.of("username", username, "password", Fixtures.PASSWORD)), 401);
        assertChangeRequired(before.get("/api/clients"));
        Http.Reply login = fixtures.anonymous().post("/api/login", Map.of("username", username, "password", temporary));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.map()).containsEntry("mustChangePassword", true);
        Http user = fixtures.anonymous().as(login.string("access_token"));
        assertHeldToThePasswordChange(user);
        assertThat(user.get("/api/users/me").map()).containsEntry("mustChangePassword", true);
        Http.Reply refreshed = user.post("/api/login/refresh", Map.of());
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.map()).containsEntry("mustChangePassword", true);

        assertInvalidField(user.post("/api/users/me/password", Map.of("currentPassword", temporary, "newPassword", temporary)),
                "newPassword");
        assertInvalidField(user.post("/api/users/me/password", Map.of("currentPassword", temporary, "newPassword", "short")),
                "newPassword");
        assertInvalidField(user.post("/api/users/me/password", Map.of("currentPassword", "not-the-temporary-one",
                "newPassword", "my-own-new-password")), "currentPassword");
        assertChangeRequired(user.get("/api/clients"));
        long changedEvents = userChangedEvents(id);
        long changes = audited(id, "PASSWORD_CHANGED");

        Http.Reply changed = user.post("/api/users/me/password", Map.of("currentPassword", temporary,
                "newPassword", "my-own-new-password"));

        assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        assertThat(user.get("/api/clients").status()).as("the same token, at once").isEqualTo(200);
        assertThat(before.get("/api/clients").status()).as("and her earlier one").isEqualTo(200);
        assertThat(fixtures.anonymous().post("/api/login", Map.of("username", username, "password", "my-own-new-password"))
                .map()).containsEntry("mustChangePassword", false);
        assertProblem(fixtures.anonymous().post("/api/login", Map.of("username", username, "password", temporary)), 401);
        assertThat(audited(id, "PASSWORD_CHANGED")).isEqualTo(changes + 1);
        assertThat(userChangedEvents(id)).as("the other instances forget the forced change").isEqualTo(changedEvents + 1);
    }

    @Test
    void aUserAnAdminCreatesMustChangeTheAdminsPasswordAtFirstSignIn() {
        String username = fixtures.createUserWithInitialPassword("SHELTER_STAFF", "Harbour Society", facilityId);

        Http.Reply login = fixtures.anonymous().post("/api/login", Map.of("username", username, "password",
                Fixtures.INITIAL_PASSWORD));

        assertThat(login.map()).containsEntry("mustChangePassword", true);
        Http user = fixtures.anonymous().as(login.string("access_token"));
        assertHeldToThePasswordChange(user);
        Fixtures.changePassword(user, Fixtures.INITIAL_PASSWORD, "a-password-of-her-own");
        assertThat(user.get("/api/programs/" + fixtures.facilityWithBeds(1, 1).programId() + "/availability").status())
                .isEqualTo(200);
    }

    @Test
    void anAdminMadeByAnAdminIsHeldToo() {
        String username = fixtures.createUserWithInitialPassword("ADMIN", null);
        Http user = fixtures.anonymous().login(username, Fixtures.INITIAL_PASSWORD);

        assertHeldToThePasswordChange(user);
        assertChangeRequired(user.get("/api/users"));
        assertChangeRequired(user.get("/api/audit"));
        assertChangeRequired(user.post("/api/users/" + idOf(TestDatabase.ADMIN_USERNAME) + "/password-reset", Map.of()));
        assertThat(Sql.row("SELECT must_change_password FROM users WHERE username = ?", TestDatabase.ADMIN_USERNAME))
                .containsEntry("must_change_password", false);
    }

    @Test
    void theConfiguredFirstAdminAndAUserWhoChangedHerPasswordAreNotAsked() {
        assertThat(fixtures.anonymous().post("/api/login", Map.of("username", TestDatabase.ADMIN_USERNAME,
                "password", TestDatabase.ADMIN_PASSWORD)).map()).containsEntry("mustChangePassword", false);
        assertThat(fixtures.anonymous().post("/api/login", Map.of("username", fixtures.createUser("FUNDER", "Fund"),
                "password", Fixtures.PASSWORD)).map()).containsEntry("mustChangePassword", false);
    }

    @Test
    void aHeldUserCannotOpenALiveSocket() {
        String username = fixtures.createUserWithInitialPassword("FUNDER", "Fund");
        String token = fixtures.anonymous().login(username, Fixtures.INITIAL_PASSWORD).token();

        assertThatThrownBy(() -> LiveClient.connect(server.getURI(), token, null))
                .satisfies(e -> assertThat(handshake(e).getResponse().statusCode()).isEqualTo(403));
        Fixtures.changePassword(fixtures.anonymous().as(token), Fixtures.INITIAL_PASSWORD, "a-password-of-her-own");
        try (LiveClient live = LiveClient.connect(server.getURI(), token, null)) {
            assertThat(live.next(java.time.Duration.ofSeconds(10))).as("the snapshot, once changed").isNotEmpty();
        }
    }

    private static WebSocketHandshakeException handshake(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebSocketHandshakeException refused) {
                return refused;
            }
        }
        throw new AssertionError("not a refused handshake", e);
    }

    @Test
    void wrongCurrentPasswordsCountAgainstTheSignInThrottle() {
        String username = fixtures.createUser("FUNDER", "Fund");
        Http user = fixtures.anonymous().login(username, Fixtures.PASSWORD);
        Map<String, Object> wrong = Map.of("currentPassword", "a-wrong-guess-at-it", "newPassword", "a-brand-new-password");

        int attempts = 0;
        Http.Reply reply;
        do {
            reply = user.post("/api/users/me/password", wrong);
            attempts++;
        } while (reply.status() == 422 && attempts < 20);

        assertProblem(reply, 429);
        assertThat(reply.header("Retry-After")).isNotBlank();
        assertThat(attempts).as("the sign-in allowance: 10 failures").isEqualTo(11);
        // the right password does not slip past the throttle either, and signing in is throttled alike
        assertProblem(user.post("/api/users/me/password", Map.of("currentPassword", Fixtures.PASSWORD,
                "newPassword", "a-brand-new-password")), 429);
        assertProblem(fixtures.anonymous().post("/api/login", Map.of("username", username, "password", Fixtures.PASSWORD)), 429);
    }

    @Test
    void anAdminCannotResetHerOwnPassword() {
        String username = fixtures.createUser("ADMIN", null);
        Http self = fixtures.anonymous().login(username, Fixtures.PASSWORD);

        Map<String, Object> problem = assertProblem(self.post("/api/users/" + idOf(username) + "/password-reset", Map.of()), 409);

        assertThat(problem.get("detail").toString()).contains("/api/users/me/password");
        assertThat(Sql.row("SELECT must_change_password FROM users WHERE username = ?", username))
                .containsEntry("must_change_password", false);
    }

    @Test
    void aFeedKeyHasNoPasswordToChangeAndBadBodiesAreClearRefusals() {
        String key = admin.post("/api/facilities/" + facilityId + "/feed-keys", Map.of()).string("key");
        Http user = fixtures.anonymous().login(fixtures.createUser("FUNDER", "Fund"), Fixtures.PASSWORD);

        assertProblem(fixtures.anonymous().withHeader("X-Feed-Key", key).post("/api/users/me/password",
                Map.of("currentPassword", "x", "newPassword", "a-brand-new-password")), 403);
        assertProblem(fixtures.anonymous().post("/api/users/me/password",
                Map.of("currentPassword", "x", "newPassword", "a-brand-new-password")), 401);
        assertInvalidField(user.post("/api/users/me/password", Map.of()), "currentPassword");
        assertInvalidField(user.post("/api/users/me/password", Map.of("currentPassword", Fixtures.PASSWORD)), "newPassword");
        assertProblem(user.post("/api/users/me/password", "{\"currentPassword\": 5, \"newPassword\": []}"), 400);
        assertProblem(user.post("/api/users/me/password", "not json"), 400);
        assertInvalidField(user.post("/api/users/me/password", Map.of("currentPassword", Fixtures.PASSWORD,
                "newPassword", "x".repeat(73))), "newPassword");
    }

    /** Every route but sign-in, refresh, me and the password change: 403, saying what to do. */
    private void assertHeldToThePasswordChange(Http user) {
        // routes every role may call otherwise, so the password change is the only reason for the 403
        List<Http.Reply> refused = List.of(
                user.get("/api/availability"),
                user.get("/api/regions"),
                user.get("/api/facilities"),
                user.get("/api/facilities/" + facilityId),
                user.get("/api/programs/987654321/availability"));
        for (Http.Reply reply : refused) {
            assertChangeRequired(reply);
        }
        assertThat(user.get("/api/users/me").status()).isEqualTo(200);
    }

    private static void assertChangeRequired(Http.Reply reply) {
        Map<String, Object> problem = assertProblem(reply, 403);
        assertThat(problem).containsEntry("type", "/problems/password-change-required");
        assertThat(problem.get("detail").toString()).contains("Change your password first");
    }
}
