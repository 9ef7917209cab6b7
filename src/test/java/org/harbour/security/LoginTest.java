package org.harbour.security;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.Sql;
import org.harbour.testdata.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.testdata.Problems.assertProblem;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginTest implements HarbourTest {

    private static final String OTHER_SECRET = "another-secret-that-is-also-long-enough-for-hs256";

    @Inject
    EmbeddedServer server;
    @Inject
    CurrentUsers currentUsers;

    Fixtures fixtures;
    Http anonymous;

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        anonymous = fixtures.anonymous();
    }

    @Test
    void goodLoginAnswersABearerTokenThatWorks() {
        String username = fixtures.createUser("CASEWORKER", "Street Outreach Toronto");

        Http.Reply reply = login(username, Fixtures.PASSWORD);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.map()).containsEntry("token_type", "Bearer").containsEntry("username", username)
                .containsEntry("roles", List.of("CASEWORKER"));
        assertThat(reply.string("access_token")).isNotBlank();
        assertThat(((Number) reply.map().get("expires_in")).intValue()).isPositive();
        Http.Reply me = anonymous.as(reply.string("access_token")).get("/api/users/me");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.map()).containsEntry("username", username);
    }

    @Test
    void wrongPasswordAndUnknownUserAnswerTheSame() {
        String username = fixtures.createUser("FUNDER", "Ontario Housing Fund");

        Http.Reply wrongPassword = login(username, "not-the-right-password");
        Http.Reply unknownUser = login(Fixtures.unique("nobody").replace(' ', '-'), "not-the-right-password");
        Http.Reply missingPassword = anonymous.post("/api/login", Map.of("username", username));
        Http.Reply overlongPassword = login(username, "x".repeat(200)); // longer than bcrypt takes: not a 500
        Http.Reply overlongUnknown = login("x".repeat(5000), "x".repeat(200));

        for (Http.Reply reply : List.of(wrongPassword, unknownUser, missingPassword, overlongPassword, overlongUnknown)) {
            assertProblem(reply, 401);
            assertThat(reply.body()).isEqualTo(wrongPassword.body());
        }
    }

    @Test
    void theEleventhFailureForOneUsernameIsRefusedWhileOthersStillSignIn() {
        String username = fixtures.createUser("CASEWORKER", "Street Outreach Toronto");
        String bystander = fixtures.createUser("CASEWORKER", "Street Outreach Toronto");
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertProblem(login(username, "wrong-password-" + attempt), 401);
        }

        Http.Reply eleventh = login(username, "wrong-password-11");
        Http.Reply rightPassword = login(username, Fixtures.PASSWORD);

        for (Http.Reply refused : List.of(eleventh, rightPassword)) {
            assertProblem(refused, 429);
            assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        }
        assertThat(login(bystander, Fixtures.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void parallelGuessesGetNoMoreThanTenTries() throws Exception {
        String username = fixtures.createUser("FUNDER", "Ontario Housing Fund");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Integer>> guesses = IntStream.range(0, 30)
                    .<Callable<Integer>>mapToObj(i -> () -> login(username, "guess-number-" + i).status()).toList();
            List<Integer> statuses = pool.invokeAll(guesses, 60, TimeUnit.SECONDS).stream().map(LoginTest::get).toList();

            assertThat(statuses).containsOnly(401, 429);
            assertThat(statuses.stream().filter(s -> s == 401).count()).isLessThanOrEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
        assertProblem(login(username, Fixtures.PASSWORD), 429);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String forged = Tokens.hs256(OTHER_SECRET, Tokens.claims("admin", "ADMIN", Instant.now().plusSeconds(600)));

        assertProblem(anonymous.as(forged).get("/api/users"), 401);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = Tokens.hs256(TestDatabase.JWT_SECRET, Tokens.claims("admin", "ADMIN", Instant.now().minusSeconds(600)));
        String current = Tokens.hs256(TestDatabase.JWT_SECRET, Tokens.claims("admin", "ADMIN", Instant.now().plusSeconds(600)));

        assertProblem(anonymous.as(expired).get("/api/users"), 401);
        assertThat(anonymous.as(current).get("/api/users").status()).as("the same token, not yet expired").isEqualTo(200);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String unsigned = Tokens.unsigned(Tokens.claims("admin", "ADMIN", Instant.now().plusSeconds(600)));

        assertProblem(anonymous.as(unsigned).get("/api/users"), 401);
    }

    @Test
    void noTokenOrATokenInTheQueryIsRefused() {
        assertProblem(anonymous.get("/api/users/me"), 401);
        assertProblem(anonymous.as("not-a-jwt").get("/api/users/me"), 401);
        assertProblem(anonymous.get("/api/users/me?access_token=" + fixtures.admin().token()), 401);
    }

    @Test
    void theTokenOfADisabledUserIsRefusedEverywhere() {
        String username = fixtures.createUser("ADMIN", null);
        Http disabled = anonymous.login(username, Fixtures.PASSWORD);
        Sql.update("UPDATE users SET active = FALSE WHERE username = ?", username);
        currentUsers.forget(username); // what disabling a user must do; otherwise the cache lets go within seconds

        assertProblem(disabled.get("/api/users/me"), 401);
        assertProblem(disabled.get("/api/users"), 401);
        assertProblem(disabled.post("/api/users", Map.of("username", Fixtures.unique("made-by").replace(' ', '-'),
                "password", Fixtures.PASSWORD, "role", "ADMIN")), 401);
        assertProblem(login(username, Fixtures.PASSWORD), 401);
    }

    @Test
    void aTokenForAUserThatDoesNotExistIsRefused() {
        String ghost = Tokens.hs256(TestDatabase.JWT_SECRET, Tokens.claims("ghost", "ADMIN", Instant.now().plusSeconds(600)));

        assertProblem(anonymous.as(ghost).get("/api/users"), 401);
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertProblem(anonymous.send("POST", "/api/login", "{\"username\": \"admin\", ", "application/json"), 400);
    }

    private Http.Reply login(String username, String password) {
        return anonymous.post("/api/login", Map.of("username", username, "password", password));
    }

    private static Integer get(Future<Integer> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
