package org.harbour.platform;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import org.harbour.problem.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * How the jar starts (API.md "Running"): the environment becomes configuration (Bootstrap), then the
 * Micronaut server. A start that fails ends in one ERROR line saying why ("Harbour cannot start: ...",
 * StartupDiagnosis) and exit status 1, instead of Micronaut's own "Error starting Micronaut server",
 * whose text the log's redaction has to blank because a library's message may quote personal data.
 * The stack trace, without messages, is logged at DEBUG only.
 */
public final class Startup {

    private static final Logger LOG = LoggerFactory.getLogger(Startup.class);
    private static final String NETTY_FLIGHT_EVENTS = "io.netty.jfr.enabled";

    private Startup() {
    }

    /** Serves until shut down (0), or returns the exit status of a failed start. */
    public static int run(Class<?> mainClass, String[] args, Map<String, String> env) {
        // Netty's flight-recorder events (buffer allocations) are off unless asked for: registering them made the
        // JVM build its event machinery on the main thread, 0.2 s of each start (issue 20), for events no one records
        if (System.getProperty(NETTY_FLIGHT_EVENTS) == null) {
            System.setProperty(NETTY_FLIGHT_EVENTS, "false");
        }
        DatabaseTarget target = DatabaseTarget.UNKNOWN;
        try {
            Bootstrap bootstrap = Bootstrap.fromEnvironment(env);
            target = DatabaseTarget.of(bootstrap.properties());
            ApplicationContext context = new Launcher().args(args).mainClass(mainClass)
                    .properties(bootstrap.properties()).banner(false).start();
            if (ClassDataTraining.wanted()) {
                ClassDataTraining.exercise(context);
                context.close();
            }
            return 0;
        } catch (RuntimeException | Error failure) {
            LOG.error(StartupDiagnosis.line(failure, target));
            if (LOG.isDebugEnabled()) {
                LOG.debug("The failed start's stack trace", LogSafe.withoutMessages(failure));
            }
            return 1;
        }
    }

    /** Micronaut that hands a failed start back to {@link #run} instead of logging it and exiting itself. */
    static final class Launcher extends Micronaut {

        @Override
        protected void handleStartupException(Environment environment, Throwable exception) {
            if (exception instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (exception instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(exception.getClass().getName(), exception);
        }
    }
}
