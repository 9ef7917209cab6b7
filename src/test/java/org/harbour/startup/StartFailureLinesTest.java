package org.harbour.startup;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.harbour.Application;
import org.harbour.platform.Startup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API.md "Running", the failures that need no database server: the jar's own start (a child JVM, as an
 * operator runs it) against a port nobody listens on, and without a usable JWT secret. Each ends in one line
 * that says why.
 */
class StartFailureLinesTest {

    static final String DB_PASSWORD = "db-password-never-logged-7731";
    static final String JWT_SECRET = "jwt-secret-never-logged-0123456789abcdef";
    static final Path HOME = Path.of("target", "startup-lines").toAbsolutePath();

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aPortNobodyListensOnIsNamedAsUnreachableWithoutThePassword() throws Exception {
        int port = StartupMariaDb.freePort();
        // the password in the URL too, as Connector/J allows: it must not come out with the host
        try (HarbourProcess harbour = HarbourProcess.start(HOME.resolve("unreachable"), Map.of(
                "DATASOURCES_DEFAULT_URL", "jdbc:mysql://127.0.0.1:" + port + "/harbour?password=" + DB_PASSWORD,
                "DATASOURCES_DEFAULT_USERNAME", "harbour",
                "DATASOURCES_DEFAULT_PASSWORD", DB_PASSWORD,
                "HARBOUR_JWT_SECRET", JWT_SECRET))) {
            OneLineCause.of(harbour, List.of(DB_PASSWORD, JWT_SECRET),
                    "the database at 127.0.0.1:" + port + " is unreachable (connection refused)", "DATASOURCES_DEFAULT_URL");
        }
    }

    // The JWT secret is checked before anything starts, so these run in this JVM (Startup.run is main without
    // System.exit); what they log is captured from the root logger.

    @Test
    void anExternalDatabaseWithoutAJwtSecretSaysWhichSettingIsMissing() {
        String line = failedStart(Map.of("DATASOURCES_DEFAULT_URL", "jdbc:mysql://127.0.0.1:3306/harbour",
                "DATASOURCES_DEFAULT_PASSWORD", DB_PASSWORD), DB_PASSWORD);

        assertThat(line).isEqualTo("Harbour cannot start: HARBOUR_JWT_SECRET is required with an external database; set it"
                + " to 32 or more random characters (for example the output of `openssl rand -base64 48`), the same on every"
                + " instance");
    }

    @Test
    void aShortJwtSecretIsRefusedWithoutPrintingIt() {
        String shortSecret = "short-secret-xyz";

        String line = failedStart(Map.of("DATASOURCES_DEFAULT_URL", "jdbc:mysql://127.0.0.1:3306/harbour",
                "HARBOUR_JWT_SECRET", shortSecret), shortSecret);

        assertThat(line).startsWith("Harbour cannot start: HARBOUR_JWT_SECRET is 16 characters; it must be at least 32");
    }

    /** Runs the start in this JVM; checks status 1 and exactly one ERROR event, without exception or secret. */
    private static String failedStart(Map<String, String> env, String secret) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try {
            assertThat(Startup.run(Application.class, new String[0], env)).isEqualTo(1);
        } finally {
            root.detachAppender(log);
        }
        List<ILoggingEvent> errors = log.list.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getThrowableProxy()).isNull();
        assertThat(log.list).noneMatch(e -> e.getFormattedMessage().contains(secret));
        return errors.get(0).getFormattedMessage();
    }
}
