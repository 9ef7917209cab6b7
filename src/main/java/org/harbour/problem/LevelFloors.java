package org.harbour.problem;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Privacy rule 5 against the log level: libraries that write bound values, rows, bodies, headers or tokens
 * below some level (Micronaut Data's query log at TRACE writes every alias, confidential address and password
 * hash a statement binds or reads) are held at or above it, whatever HARBOUR_LOG_LEVEL, Micronaut's
 * {@code logger.levels.*} (LOGGER_LEVELS_IO_MICRONAUT_DATA=TRACE) or any other change of a logger's level
 * says. A logger's level can be lowered at run time; this filter is consulted before any level, in
 * {@code isTraceEnabled()} too, so the library does not even build the line.
 * <p>
 * Configured in logback.xml, one {@code <floor>name=LEVEL</floor>} per logger family; the longest name that
 * is the logger's own or one of its parents decides.
 */
public class LevelFloors extends TurboFilter {

    /** No floor: the logger's own level decides. */
    private static final Level NONE = Level.ALL;

    private final Map<String, Level> floors = new HashMap<>();
    /** Each logger's floor, found once: filters are asked on every call, isTraceEnabled() included. */
    private final Map<String, Level> byLogger = new ConcurrentHashMap<>();

    /** {@code io.micronaut.data=INFO}: that logger and its children write nothing below INFO. */
    public void addFloor(String floor) {
        int equals = floor.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("A floor is name=LEVEL: " + floor);
        }
        Level level = Level.toLevel(floor.substring(equals + 1).trim(), null);
        if (level == null) {
            throw new IllegalArgumentException("Unknown level in floor " + floor);
        }
        floors.put(floor.substring(0, equals).trim(), level);
        byLogger.clear();
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        Level floor = byLogger.computeIfAbsent(logger.getName(), this::floorOf);
        return level.isGreaterOrEqual(floor) ? FilterReply.NEUTRAL : FilterReply.DENY;
    }

    /** The floor of a logger: its own, or its nearest parent's; {@link #NONE} when there is none. */
    Level floorOf(String name) {
        String candidate = name;
        while (true) {
            Level floor = floors.get(candidate);
            if (floor != null) {
                return floor;
            }
            int dot = candidate.lastIndexOf('.');
            if (dot < 0) {
                return NONE;
            }
            candidate = candidate.substring(0, dot);
        }
    }
}
