package org.harbour.privacy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.harbour.problem.LogSafe;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log's second line of defence (privacy rule 5): logback.xml's encoder masks tokens and feed keys
 * wherever they appear, and exceptions are logged without the messages that may quote data.
 */
class LogMaskingTest {

    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";
    private static final String FEED_KEY = "hfk_" + "Q".repeat(43);

    @Test
    void tokensAndFeedKeysAreMaskedInEveryWrittenField() {
        Logger logger = (Logger) LoggerFactory.getLogger("org.harbour.test");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.WARN,
                "refused {} with key {} on /ws/live?access_token=opaque-token-1234&since=3 (Bearer raw-bearer-5678)",
                new IllegalStateException("token " + JWT), new Object[]{JWT, FEED_KEY});

        String line = encode(event);

        assertThat(line).contains("refused", "[redacted]", "/ws/live?access_token=[redacted]", "since=3")
                .doesNotContain(JWT, JWT.substring(JWT.lastIndexOf('.')), FEED_KEY, "opaque-token-1234", "raw-bearer-5678");
    }

    @Test
    void exceptionsAreLoggedWithTheirClassesAndFramesButNotTheirMessages() {
        SQLException driver = new SQLException("Incorrect string value: 'ALIAS-1234' for column 'alias'", "22007", 1366);
        RuntimeException wrapped = new RuntimeException("could not save ALIAS-1234", driver);

        Throwable safe = LogSafe.withoutMessages(wrapped);

        assertThat(safe.getMessage()).isEqualTo(RuntimeException.class.getName());
        assertThat(safe.getCause().getMessage()).contains(SQLException.class.getName(), "22007", "1366");
        assertThat(safe.getStackTrace()).isEqualTo(wrapped.getStackTrace());
        Logger logger = (Logger) LoggerFactory.getLogger("org.harbour.test");
        String line = encode(new LoggingEvent(Logger.class.getName(), logger, Level.ERROR, "failed", safe, null));
        assertThat(line).contains("java.sql.SQLException").doesNotContain("ALIAS-1234");
    }

    @SuppressWarnings("unchecked")
    private static String encode(LoggingEvent event) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var appender = (OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent>) root.getAppender("STDOUT");
        return new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);
    }
}
