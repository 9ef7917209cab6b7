package org.harbour.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser hardening on every kind of answer: the dashboard's pages and assets (served or not: a build
 * without ui/ answers 404 with the same headers), API successes and errors. API answers are never cached.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersTest implements HarbourTest {

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
    }

    @Test
    void everyAnswerCarriesTheHardeningHeaders() {
        Http admin = fixtures.admin();
        Http anonymous = fixtures.anonymous().withHeader("Accept", "*/*");
        List<Http.Reply> replies = List.of(anonymous.get("/"), anonymous.get("/index.html"), anonymous.get("/favicon.svg"),
                anonymous.get("/assets/index.js"), anonymous.get("/health"), admin.get("/api/availability"),
                admin.get("/api/users/me"), anonymous.get("/api/clients"), admin.get("/api/clients/987654321"),
                admin.post("/api/clients", "{"), admin.get("/openapi.yml"));
        for (Http.Reply reply : replies) {
            String what = reply.status() + " " + reply.body().substring(0, Math.min(80, reply.body().length()));
            assertThat(reply.header("Content-Security-Policy")).as(what)
                    .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(reply.header("X-Frame-Options")).as(what).isEqualTo("DENY");
            assertThat(reply.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            assertThat(reply.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
            assertThat(reply.header("Cross-Origin-Opener-Policy")).as(what).isEqualTo("same-origin");
        }
    }

    @Test
    void apiAnswersAreNeverStoredByABrowserOrAProxy() {
        Http caseworker = fixtures.caseworker("Header outreach");
        long client = caseworker.post("/api/clients", Map.of("alias", "Cached?", "needs", Map.of())).id();

        for (Http.Reply reply : List.of(caseworker.get("/api/clients/" + client), caseworker.get("/api/clients"),
                caseworker.get("/api/clients/987654321"), fixtures.anonymous().get("/api/clients"))) {
            assertThat(reply.header("Cache-Control")).as(reply.status() + "").isEqualTo("no-store");
        }
    }
}
