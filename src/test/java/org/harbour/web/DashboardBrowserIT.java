package org.harbour.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.harbour.testdata.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard's browser tests (ui/e2e/run.mjs: Playwright driving Debian's chromium) against this
 * service started in-process on the shared test MariaDB, serving the built dashboard from the classpath.
 * Runs in `mvn verify` (integration-test phase); screenshots land in target/screenshots/.
 */
@Tag("slow")
class DashboardBrowserIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("HARBOUR_E2E_CHROMIUM", "/usr/bin/chromium"));

    @Test
    void dashboardPassesItsBrowserTests() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM),
                "Browser tests skipped: no chromium at " + CHROMIUM + " (apt-get install -y chromium)");
        assumeTrue(Files.isDirectory(Path.of("ui", "node_modules", "playwright-core")),
                "Browser tests skipped: ui/node_modules is missing (npm install in ui/)");
        assumeTrue(getClass().getResource("/public/index.html") != null, "Browser tests skipped: ui/ was not built");

        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(TestDatabase.properties()))) {
            ProcessBuilder node = new ProcessBuilder("node", "e2e/run.mjs", server.getURL().toString())
                    .directory(Path.of("ui").toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target", "ui-e2e.log").toFile());
            node.environment().put("HARBOUR_E2E_ADMIN_USERNAME", TestDatabase.ADMIN_USERNAME);
            node.environment().put("HARBOUR_E2E_ADMIN_PASSWORD", TestDatabase.ADMIN_PASSWORD);
            node.environment().put("HARBOUR_E2E_CHROMIUM", CHROMIUM.toString());
            node.environment().put("HARBOUR_E2E_SCREENSHOTS", Path.of("target", "screenshots").toAbsolutePath().toString());
            Process process = node.start();
            boolean finished = process.waitFor(10, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly();
            }
            String log = Files.readString(Path.of("target", "ui-e2e.log"));
            System.out.println(log);
            assertThat(finished).as("browser tests finished within 10 minutes").isTrue();
            assertThat(process.exitValue()).as("browser tests (target/ui-e2e.log):%n%s", log).isZero();
        }
    }
}
