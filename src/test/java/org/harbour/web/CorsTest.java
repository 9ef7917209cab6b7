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

import static org.assertj.core.api.Assertions.assertThat;

/** CORS is closed by default: another origin's page gets no Access-Control-Allow-Origin, preflight or not. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorsTest implements HarbourTest {

    static final String EVIL = "https://evil.example";

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
    }

    @Test
    void anotherOriginIsAllowedNothing() {
        Http fromEvil = fixtures.admin().withHeader("Origin", EVIL);
        List<Http.Reply> replies = List.of(
                preflight(fixtures.anonymous(), EVIL, "/api/clients", "POST"),
                preflight(fixtures.anonymous(), EVIL, "/api/login", "POST"),
                fromEvil.get("/api/availability"),
                fromEvil.get("/api/clients"),
                fixtures.anonymous().withHeader("Origin", EVIL).post("/api/login", java.util.Map.of("username", "admin",
                        "password", "wrong-password-here")));
        for (Http.Reply reply : replies) {
            assertThat(reply.header("Access-Control-Allow-Origin")).as(reply.status() + " " + reply.body()).isNull();
            assertThat(reply.header("Access-Control-Allow-Credentials")).isNull();
            assertThat(reply.status()).isLessThan(500);
        }
    }

    static Http.Reply preflight(Http http, String origin, String path, String method) {
        return http.withHeader("Origin", origin).withHeader("Access-Control-Request-Method", method)
                .withHeader("Access-Control-Request-Headers", "authorization,content-type")
                .send("OPTIONS", path, null, null);
    }
}
