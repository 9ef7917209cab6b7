package org.harbour.security;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.testdata.Problems.assertProblem;

/**
 * Issue 18 finding 6: the login throttle counts failures against the name as typed, normalized alike for
 * every name, never against the account the database finds for it. Ten tries as "fúnder" once locked out
 * "funder" (and so told that "funder" exists); now they lock out only "fúnder", and a name nobody has is
 * throttled exactly as an account's. Its own server, so its throttle starts empty.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThrottleByTypedNameTest implements HarbourTest {

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;
    Http anonymous;

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        anonymous = fixtures.anonymous();
    }

    @Test
    void tenFailuresUnderAnAccentedSpellingDoNotLockOutTheAccount() {
        String username = fixtures.createUser("FUNDER", "Ontario Housing Fund"); // "funder-123"
        String accented = "f\u00FAnder" + username.substring("funder".length()); // "fúnder-123"
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertProblem(login(accented, "wrong-password-" + attempt), 401);
        }

        assertProblem(login(accented, Fixtures.PASSWORD), 429); // that name is spent
        Http.Reply owner = login(username, Fixtures.PASSWORD);
        assertThat(owner.status()).as(owner.body()).isEqualTo(200);
    }

    @Test
    void spellingsThatSignInToTheAccountShareItsCount() {
        String username = fixtures.createUser("CASEWORKER", "Street Outreach Toronto"); // "caseworker-123"
        // String.equalsIgnoreCase, which decides whether a typed name is the account's, takes the Kelvin sign for "k"
        String kelvin = username.replace('k', '\u212A');
        Http.Reply signedIn = login(kelvin, Fixtures.PASSWORD);
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        List<String> spellings = List.of(username, username.toUpperCase(), kelvin);
        for (int attempt = 0; attempt < 10; attempt++) {
            assertProblem(login(spellings.get(attempt % spellings.size()), "wrong-password"), 401);
        }

        for (String spelling : spellings) {
            assertProblem(login(spelling, Fixtures.PASSWORD), 429);
        }
    }

    @Test
    void aNameNobodyHasIsThrottledExactlyLikeAnAccount() {
        String existing = fixtures.createUser("FUNDER", "Ontario Housing Fund");
        String missing = "nobody-" + existing.substring("funder-".length());
        List<Http.Reply> forExisting = new ArrayList<>();
        List<Http.Reply> forMissing = new ArrayList<>();
        for (int attempt = 1; attempt <= 11; attempt++) { // interleaved, so both meet the same clock
            forExisting.add(login(existing, "wrong-password-" + attempt));
            forMissing.add(login(missing, "wrong-password-" + attempt));
        }

        for (int i = 0; i < 11; i++) {
            Http.Reply a = forExisting.get(i);
            Http.Reply b = forMissing.get(i);
            int expected = i < 10 ? 401 : 429;
            assertProblem(a, expected);
            assertProblem(b, expected);
            assertThat(b.body()).as("attempt " + (i + 1)).isEqualTo(a.body());
            assertThat(b.header("Retry-After") == null).isEqualTo(a.header("Retry-After") == null);
        }
        long existingWait = Long.parseLong(forExisting.get(10).header("Retry-After"));
        long missingWait = Long.parseLong(forMissing.get(10).header("Retry-After"));
        assertThat(Math.abs(existingWait - missingWait)).as("Retry-After").isLessThanOrEqualTo(1);
        assertProblem(login(existing, Fixtures.PASSWORD), 429);
    }

    private Http.Reply login(String username, String password) {
        return anonymous.post("/api/login", Map.of("username", username, "password", password));
    }
}
