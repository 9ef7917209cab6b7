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

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.testdata.Problems.assertProblem;

/**
 * With no trusted proxy configured (the default), X-Forwarded-For is anyone's to write and is ignored:
 * a guesser who invents a new address for every try is still one address to the throttle and the audit.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForwardedForThrottleTest implements HarbourTest {

    static final int PER_ADDRESS = 5;

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;
    Http caseworker;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(HarbourTest.super.getProperties());
        properties.put("harbour.login.failures-per-address", Integer.toString(PER_ADDRESS));
        return properties;
    }

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        caseworker = fixtures.caseworker("Forwarded outreach"); // before the allowance of 127.0.0.1 runs out
    }

    @Test
    void aSpoofedForwardedForFromAnUntrustedPeerDoesNotEscapeThePerAddressThrottle() {
        for (int attempt = 1; attempt <= PER_ADDRESS; attempt++) {
            // a different username each time, so only the per-address allowance can run out
            assertProblem(spoofed("203.0.113." + attempt).post("/api/login", Map.of("username", "nobody-" + attempt,
                    "password", "wrong-password-" + attempt)), 401);
        }

        Http.Reply fresh = spoofed("198.51.100.77").post("/api/login", Map.of("username", "nobody-else",
                "password", "wrong-password"));
        Http.Reply honest = fixtures.anonymous().post("/api/login", Map.of("username", "nobody-honest",
                "password", "wrong-password"));

        for (Http.Reply refused : java.util.List.of(fresh, honest)) {
            assertProblem(refused, 429);
            assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        }
    }

    @Test
    void theAuditRecordsThePeerNotTheHeader() {
        Http spoofing = spoofed("203.0.113.99").as(caseworker.token());
        long client = spoofing.post("/api/clients", Map.of("alias", "Forwarded", "needs", Map.of())).id();

        var entries = fixtures.admin().get("/api/audit?objectType=CLIENT&objectId=" + client).list();

        assertThat(entries).singleElement().satisfies(e -> assertThat(e).containsEntry("remoteAddress", "127.0.0.1"));
    }

    private Http spoofed(String address) {
        return fixtures.anonymous().withHeader("X-Forwarded-For", address);
    }
}
