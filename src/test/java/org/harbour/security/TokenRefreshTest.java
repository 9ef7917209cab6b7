package org.harbour.security;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
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

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.testdata.Problems.assertProblem;

/** Token lifetime and POST /api/login/refresh; password rules at account creation. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenRefreshTest implements HarbourTest {

    @Inject
    EmbeddedServer server;
    @Inject
    CurrentUsers currentUsers;

    Fixtures fixtures;

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
    }

    @Test
    void aTokenLivesAsLongAsItsExpiresInSays() throws Exception {
        String username = fixtures.createUser("FUNDER", "Ontario Housing Fund");
        Http.Reply login = fixtures.anonymous().post("/api/login", Map.of("username", username, "password", Fixtures.PASSWORD));

        JWTClaimsSet claims = SignedJWT.parse(login.string("access_token")).getJWTClaimsSet();
        long expiresIn = ((Number) login.map().get("expires_in")).longValue();

        assertThat(expiresIn).isEqualTo(3600);
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()).toSeconds())
                .isEqualTo(expiresIn);
    }

    @Test
    void aValidTokenIsExchangedForAFreshOneOfTheSameUserAndRole() throws Exception {
        String username = fixtures.createUser("CASEWORKER", "Street Outreach Toronto");
        Http.Reply login = fixtures.anonymous().post("/api/login", Map.of("username", username, "password", Fixtures.PASSWORD));
        Thread.sleep(1100); // a second later, so the new token's times differ

        Http.Reply refreshed = fixtures.anonymous().as(login.string("access_token")).post("/api/login/refresh", Map.of());

        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.map()).containsEntry("token_type", "Bearer").containsEntry("username", username)
                .containsEntry("roles", List.of("CASEWORKER")).containsKey("expires_in");
        String fresh = refreshed.string("access_token");
        assertThat(fresh).isNotEqualTo(login.string("access_token"));
        JWTClaimsSet before = SignedJWT.parse(login.string("access_token")).getJWTClaimsSet();
        JWTClaimsSet after = SignedJWT.parse(fresh).getJWTClaimsSet();
        assertThat(after.getExpirationTime()).isAfter(before.getExpirationTime());
        assertThat(after.getClaim("auth_time")).as("the sign-in time is carried over").isEqualTo(before.getClaim("auth_time"));
        assertThat(fixtures.anonymous().as(fresh).get("/api/users/me").map()).containsEntry("username", username);
    }

    @Test
    void noRefreshForADisabledUserAnExpiredOrForgedTokenAFeedKeyOrAnOldSession() {
        String username = fixtures.createUser("ADMIN", null);
        Http disabled = fixtures.anonymous().login(username, Fixtures.PASSWORD);
        Sql.update("UPDATE users SET active = FALSE WHERE username = ?", username);
        currentUsers.forget(username);
        var facility = fixtures.facilityWithBeds(2, 1);
        String feedKey = fixtures.admin().post("/api/facilities/" + facility.id() + "/feed-keys", Map.of()).string("key");
        long now = Instant.now().getEpochSecond();

        assertProblem(disabled.post("/api/login/refresh", Map.of()), 401);
        assertProblem(fixtures.anonymous().as(token(now, Instant.now().minusSeconds(5))).post("/api/login/refresh", Map.of()), 401);
        assertProblem(fixtures.anonymous().as(Tokens.hs256("another-secret-that-is-also-long-enough-for-hs256",
                claims(now, Instant.now().plusSeconds(600)))).post("/api/login/refresh", Map.of()), 401);
        assertProblem(fixtures.anonymous().post("/api/login/refresh", Map.of()), 401);
        assertProblem(fixtures.anonymous().withHeader("X-Feed-Key", feedKey).post("/api/login/refresh", Map.of()), 403);
        long thirteenHoursAgo = now - Duration.ofHours(13).toSeconds();
        assertProblem(fixtures.anonymous().as(token(thirteenHoursAgo, Instant.now().plusSeconds(600)))
                .post("/api/login/refresh", Map.of()), 401);
        // the same token signed in an hour ago is refreshed: the age of the sign-in is what refused it
        assertThat(fixtures.anonymous().as(token(now - 3600, Instant.now().plusSeconds(600)))
                .post("/api/login/refresh", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void passwordsMustBeLongAndNotTheFirstThingsAnAttackerTries() {
        String username = "pw-rules-" + System.nanoTime();
        for (String weak : List.of("eleven-char", username, new StringBuilder(username).reverse().toString(),
                username.toUpperCase(), "aaaaaaaaaaaaaaaa", "abababababababab", "123456789012", "qwertyuiopas",
                "Password1234", "passwordpassword", "x".repeat(73))) {
            Http.Reply reply = fixtures.admin().post("/api/users", Map.of("username", username, "password", weak,
                    "role", "FUNDER"));
            assertThat(org.harbour.testdata.Problems.errorFields(reply)).as(weak).containsExactly("password");
            assertThat(reply.body()).doesNotContain(weak.length() > 11 ? weak : "\u0000");
        }
        assertThat(fixtures.admin().post("/api/users", Map.of("username", username, "password", "harbour lights at dawn",
                "role", "FUNDER")).status()).isEqualTo(201);
    }

    private static String token(long authTime, Instant expires) {
        return Tokens.hs256(TestDatabase.JWT_SECRET, claims(authTime, expires));
    }

    private static JWTClaimsSet claims(long authTime, Instant expires) {
        return new JWTClaimsSet.Builder(Tokens.claims(TestDatabase.ADMIN_USERNAME, "ADMIN", expires))
                .claim("auth_time", authTime).issueTime(Date.from(Instant.now().minusSeconds(60))).build();
    }
}
