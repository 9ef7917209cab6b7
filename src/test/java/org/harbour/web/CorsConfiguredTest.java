package org.harbour.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** CORS opened through Micronaut's micronaut.server.cors settings lets exactly the listed origin in. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorsConfiguredTest implements HarbourTest {

    static final String DASHBOARD = "https://dashboard.example.org";

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(HarbourTest.super.getProperties());
        properties.put("micronaut.server.cors.enabled", "true");
        properties.put("micronaut.server.cors.configurations.web.allowed-origins", DASHBOARD);
        return properties;
    }

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
    }

    @Test
    void theListedOriginIsAllowedAndNoOther() {
        var allowed = CorsTest.preflight(fixtures.anonymous(), DASHBOARD, "/api/clients", "POST");
        var refused = CorsTest.preflight(fixtures.anonymous(), CorsTest.EVIL, "/api/clients", "POST");
        var get = fixtures.admin().withHeader("Origin", DASHBOARD).get("/api/availability");

        assertThat(allowed.header("Access-Control-Allow-Origin")).as(allowed.status() + " " + allowed.body()).isEqualTo(DASHBOARD);
        assertThat(get.header("Access-Control-Allow-Origin")).isEqualTo(DASHBOARD);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
        assertThat(refused.status()).isLessThan(500);
    }
}
