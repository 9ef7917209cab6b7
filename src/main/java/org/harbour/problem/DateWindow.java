package org.harbour.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The one window of dates Harbour accepts, wherever a date or a time comes in (placements, reports, the
 * audit log, imported rows). Everything Harbour records happens in it, and it keeps every date inside what
 * the database, the time-zone rules and date arithmetic handle: a year past 9999 answered 500, and a
 * placement starting on 9999-12-31 was taken.
 */
public final class DateWindow {

    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    /** The rule as a field error says it. */
    public static final String RULE = "must be between " + EARLIEST + " and " + LATEST;
    /** The window as a field error's params. */
    public static final Map<String, Object> PARAMS = Map.of("min", EARLIEST.toString(), "max", LATEST.toString());

    private static final Instant FIRST_INSTANT = EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant END_INSTANT = LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private DateWindow() {
    }

    public static boolean contains(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    /** An instant is in the window when its UTC date is. */
    public static boolean contains(Instant instant) {
        return !instant.isBefore(FIRST_INSTANT) && instant.isBefore(END_INSTANT);
    }
}
