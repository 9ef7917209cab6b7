package org.harbour.privacy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Captures every application log event while open (at the level asked for, DEBUG included), and
 * gives each back twice: as the raw event (message, arguments, exception with its messages, MDC) and
 * as the line the configured JSON encoder (logback.xml's STDOUT) would have written.
 */
final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Level previous;

    LogCapture(Level level) {
        previous = root.getLevel();
        appender.start();
        root.addAppender(appender);
        root.setLevel(level);
    }

    @Override
    public void close() {
        root.setLevel(previous);
        root.detachAppender(appender);
    }

    /** Raw text of every event: all a careless appender or encoder could write. */
    List<String> rawLines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(appender.list)) {
            StringBuilder text = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
            if (event.getArgumentArray() != null) {
                for (Object argument : event.getArgumentArray()) {
                    text.append(' ').append(argument);
                }
            }
            if (event.getThrowableProxy() != null) {
                text.append(' ').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            text.append(' ').append(event.getMDCPropertyMap());
            lines.add(text.toString());
        }
        return lines;
    }

    /** What the application's own encoder writes for each event. */
    @SuppressWarnings("unchecked")
    List<String> encodedLines() {
        Appender<ILoggingEvent> stdout = root.getAppender("STDOUT");
        if (!(stdout instanceof OutputStreamAppender<ILoggingEvent> configured)) {
            throw new AssertionError("logback.xml's STDOUT appender is missing");
        }
        Encoder<ILoggingEvent> encoder = configured.getEncoder();
        return List.copyOf(appender.list).stream()
                .map(event -> new String(encoder.encode(event), StandardCharsets.UTF_8)).toList();
    }

    int size() {
        return appender.list.size();
    }
}
