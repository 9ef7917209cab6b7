package org.harbour.problem;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * Privacy rule 5 for log lines we do not write ourselves: a library that logs an exception (Micronaut's
 * "Unexpected error occurred: " + message, a driver's warning) may quote the data it choked on. Such an
 * event is replaced by the same one with its text arguments blanked and its exception reduced to class
 * names and frames ({@link LogSafe}). Registered in logback.xml.
 */
public class MessageFreeExceptions extends TurboFilter {

    private static final Marker SANITIZED = MarkerFactory.getMarker("SANITIZED");

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (format == null || marker == SANITIZED || logger.getName().startsWith("org.harbour")
                || !logger.isEnabledFor(level)) {
            return FilterReply.NEUTRAL;
        }
        Throwable error = t;
        if (error == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
            error = last;
        }
        if (error == null || error instanceof LogSafe.Redacted) {
            return FilterReply.NEUTRAL;
        }
        Object[] blanked = params == null ? new Object[0] : params.clone();
        for (int i = 0; i < blanked.length; i++) {
            if (!(blanked[i] instanceof Number || blanked[i] instanceof Enum<?> || blanked[i] instanceof Throwable)) {
                blanked[i] = "[redacted]";
            }
        }
        Object[] arguments = new Object[blanked.length + 1];
        System.arraycopy(blanked, 0, arguments, 0, blanked.length);
        arguments[blanked.length] = LogSafe.withoutMessages(error);
        if (blanked.length > 0 && blanked[blanked.length - 1] instanceof Throwable) {
            arguments = java.util.Arrays.copyOf(arguments, arguments.length);
            arguments[blanked.length - 1] = "";
        }
        switch (level.toInt()) {
            case Level.ERROR_INT -> logger.error(SANITIZED, format, arguments);
            case Level.WARN_INT -> logger.warn(SANITIZED, format, arguments);
            case Level.INFO_INT -> logger.info(SANITIZED, format, arguments);
            case Level.DEBUG_INT -> logger.debug(SANITIZED, format, arguments);
            default -> logger.trace(SANITIZED, format, arguments);
        }
        return FilterReply.DENY;
    }
}
