package org.harbour.platform;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md "Running": health, the published OpenAPI document and metrics. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsTest implements HarbourTest {

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(server.getURI());
    }

    @Test
    void healthIsUpForAnonymousCallersWithoutDetails() {
        Http.Reply health = fixtures.anonymous().get("/health");

        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.map()).isEqualTo(java.util.Map.of("status", "UP"));
        assertThat(health.body()).doesNotContain("jdbc", "mysql", "mariadb", "diskSpace", "127.0.0.1");
    }

    @Test
    void healthAsksTheDatabaseAtMostAboutOnceASecondHoweverOftenItIsCalled() {
        long selectsBefore = selectsSoFar();
        long start = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            assertThat(fixtures.anonymous().get("/health").status()).isEqualTo(200);
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L + 1;
        long selects = selectsSoFar() - selectsBefore;

        // each instance's event tailer also polls (10 a second), so the bound leaves room for them; 200 calls that
        // each asked the database would have made 200 at least
        assertThat(selects).as("SELECTs during 200 calls of /health in %d s", seconds).isLessThan(100);
    }

    @Test
    void livenessAnswersWithoutTheDatabaseForAnonymousCallers() {
        Http.Reply live = fixtures.anonymous().get("/health/live");

        assertThat(live.status()).isEqualTo(200);
        assertThat(live.map()).isEqualTo(java.util.Map.of("status", "UP"));
    }

    private static long selectsSoFar() {
        return org.harbour.testdata.Sql.number("SELECT CAST(VARIABLE_VALUE AS UNSIGNED) FROM information_schema.GLOBAL_STATUS"
                + " WHERE VARIABLE_NAME = 'COM_SELECT'");
    }

    @Test
    void theOpenApiDocumentIsPublishedAndDescribesTheContract() {
        Http.Reply openApi = fixtures.anonymous().withHeader("Accept", "*/*").get("/openapi.yml");

        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.contentType()).contains("yaml");
        assertThat(openApi.body()).startsWith("openapi: 3");
        for (String path : List.of("/api/facilities", "/api/facilities/{id}", "/api/facilities/{id}/programs",
                "/api/programs/{id}", "/api/programs/{id}/availability", "/api/availability")) {
            assertThat(pathSection(openApi.body(), path)).as(path).isNotEmpty()
                    .as("the caller is never a parameter or a body field of " + path).doesNotContain("CurrentUser");
        }
        assertThat(pathSection(openApi.body(), "/api/facilities")).contains("\"201\"");
    }

    /** The lines of one path in the OpenAPI document, up to the next path. */
    private static String pathSection(String document, String path) {
        int start = document.indexOf("\n  " + path + ":\n");
        if (start < 0) {
            return "";
        }
        int end = document.indexOf("\n  /", start + 1);
        return document.substring(start, end < 0 ? document.length() : end);
    }

    @Test
    void prometheusExposesJvmAndRequestMetricsToAnAdminOnly() {
        fixtures.admin().get("/api/availability");

        Http.Reply metrics = fixtures.admin().withHeader("Accept", "text/plain").get("/prometheus");

        assertThat(metrics.status()).as(metrics.body()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "http_server_requests_seconds_count");

        Problems.assertProblem(fixtures.anonymous().withHeader("Accept", "text/plain").get("/prometheus"), 401);
        Http staff = fixtures.staffOf(fixtures.facilityWithBeds(4, 0).id());
        Problems.assertProblem(staff.withHeader("Accept", "text/plain").get("/prometheus"), 403);
    }
}
