package org.harbour.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.HarbourTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The built dashboard is served at / to anyone, hardened by headers, while /api keeps its own rules. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardServingTest implements HarbourTest {

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void dashboardIsBuilt() {
        assumeTrue(getClass().getResource("/public/index.html") != null,
                "ui/ was not built into target/classes/public (-Dui.skip=true?): nothing to serve");
    }

    @Test
    void theDashboardIsServedAnonymouslyWithSecurityHeaders() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.body()).contains("<harbour-app>").doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'").doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(get("/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void itsScriptIsServedAnonymouslyAndCachedForGood() throws Exception {
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(get("/").body());
        assertThat(script.find()).as("index.html loads a built script").isTrue();

        HttpResponse<String> js = get(script.group(1));

        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("javascript"));
        assertThat(js.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("immutable"));
        assertThat(get("/favicon.svg").statusCode()).isEqualTo(200);
    }

    @Test
    void apiRoutesStillNeedATokenAndCarryTheHeadersToo() throws Exception {
        HttpResponse<String> api = get("/api/availability");

        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(get("/api/users/me").statusCode()).isEqualTo(401);
    }

    @Test
    void unknownPathsAreNotFoundRatherThanTheDashboard() throws Exception {
        // The dashboard routes with #/ hashes, so a server path it does not serve stays a 404.
        assertThat(get("/no-such-page").statusCode()).isEqualTo(404);
        assertThat(get("/assets/no-such-file.js").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
