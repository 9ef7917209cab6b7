package org.harbour.privacy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18 finding 5, at the configuration: logback.xml read with HARBOUR_LOG_LEVEL=TRACE lets our own code
 * write at TRACE, while every library logger that writes bound values, rows, bodies, headers or tokens below
 * INFO writes nothing below INFO, even when its own level is lowered as Micronaut's logger.levels.* would.
 */
class LevelFloorsTest {

    /** Where each library writes what it must not: named after the logger, not the reason. */
    static final List<String> TALKATIVE = List.of(
            "io.micronaut.data.query",                                      // statements, bound values (TRACE)
            "io.micronaut.data.jdbc.operations.DefaultJdbcRepositoryOperations", // rows read
            "io.micronaut.jdbc",
            "io.micronaut.http.client.netty.DefaultHttpClient",              // request and response bodies, headers
            "io.micronaut.http.server.netty.RoutingInBoundHandler",
            "io.micronaut.http.server.netty.handler.accesslog",
            "io.micronaut.http.netty.stream",
            "io.micronaut.websocket",
            "io.micronaut.security.token.jwt",                              // tokens, claims
            "io.micronaut.security.authentication",
            "io.micronaut.context.event",                                   // events printed with their source
            "io.micronaut.context.DefaultApplicationContext$RuntimeConfiguredEnvironment", // resolved secrets
            "io.micronaut.inject",                                          // beans with their configuration
            "io.micronaut.web.router",
            "io.netty.handler.logging.LoggingHandler",                      // wire bytes
            "com.zaxxer.hikari.HikariConfig",                               // configuration, the JDBC URL
            "org.flywaydb.core.internal.sqlscript",                         // statements
            "com.mysql.cj",                                                 // Connector/J through SLF4J
            "MySQL");                                                       // Connector/J's Slf4JLogger's own name

    final LoggerContext context = new LoggerContext();
    final ListAppender<ILoggingEvent> written = new ListAppender<>();

    @BeforeEach
    void configureAsAtStartWithTrace() throws Exception {
        context.putProperty("HARBOUR_LOG_LEVEL", "TRACE");
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LevelFloorsTest.class.getResource("/logback.xml"));
        written.setContext(context);
        written.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(written);
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void theRootLevelFollowsTheVariable() {
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.TRACE);
        Logger ours = context.getLogger("org.harbour.placement.Placements");
        ours.trace("ours at trace");
        assertThat(ours.isTraceEnabled()).isTrue();
        assertThat(written.list).extracting(ILoggingEvent::getMessage).containsExactly("ours at trace");
    }

    @Test
    void noTalkativeLibraryWritesBelowInfoEvenWithItsOwnLevelLowered() {
        for (String name : TALKATIVE) {
            Logger logger = context.getLogger(name);
            for (boolean lowered : List.of(false, true)) {
                if (lowered) {
                    logger.setLevel(Level.TRACE); // LOGGER_LEVELS_IO_MICRONAUT_DATA_QUERY=TRACE does this
                }
                logger.trace("{} trace", name);
                logger.debug("{} debug", name);
                assertThat(logger.isTraceEnabled()).as(name).isFalse();
                assertThat(logger.isDebugEnabled()).as(name).isFalse();
            }
        }
        assertThat(written.list).extracting(ILoggingEvent::getFormattedMessage).isEmpty();

        Logger query = context.getLogger("io.micronaut.data.query");
        query.info("info still written");
        assertThat(written.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("info still written");
    }
}
