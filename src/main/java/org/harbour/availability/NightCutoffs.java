package org.harbour.availability;

import org.harbour.platform.SqlQuery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Local time in SQL without the database's time-zone tables (CONVERT_TZ with named zones answers NULL
 * there): Java turns each zone's rules into a CASE of UTC offsets between its transitions, so the
 * database adds the right offset to every instant, across DST changes.
 */
public final class NightCutoffs {

    /** Toronto open-data convention: a night's counts are those in force at 04:00 the next morning. */
    static final LocalTime CUTOFF = Nights.CUTOFF;

    /** TO_DAYS('1970-01-01'): SQL day numbers are TO_DAYS numbers, plain integers to compare and subtract. */
    private static final long TO_DAYS_EPOCH = 719_528;

    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private NightCutoffs() {
    }

    /**
     * Adds the night an instant belongs to, as a day number: night D runs from 04:00 local on D to 04:00
     * local on D+1, so it is the local date of (instant - 4 h). Right for instants in [start, end).
     */
    public static SqlQuery night(SqlQuery s, String zoneColumn, String instantColumn, Collection<ZoneId> zones,
                          Instant start, Instant end) {
        s.add("((TO_SECONDS(" + instantColumn + ") - ? + ", CUTOFF.toSecondOfDay());
        return offsetSeconds(s, zoneColumn, instantColumn, zones, start, end).add(") DIV 86400)");
    }

    /**
     * Adds the UTC offset in seconds (local = UTC + offset) of the instant in instantColumn in the zone
     * named by zoneColumn, right for instants in [start, end); an unknown zone counts as UTC.
     */
    public static SqlQuery offsetSeconds(SqlQuery s, String zoneColumn, String instantColumn, Collection<ZoneId> zones,
                                  Instant start, Instant end) {
        if (zones.isEmpty()) {
            return s.add("0"); // no zone known (no facility yet): a CASE without WHEN is a syntax error
        }
        s.add("(CASE " + zoneColumn);
        for (ZoneId zone : zones) {
            ZoneRules rules = zone.getRules();
            s.add(" WHEN ? THEN ", zone.getId());
            Instant at = start;
            StringBuilder periods = new StringBuilder();
            List<Object> params = new ArrayList<>();
            for (ZoneOffsetTransition next = rules.nextTransition(at); next != null && next.getInstant().isBefore(end);
                 next = rules.nextTransition(at)) {
                periods.append(" WHEN ").append(instantColumn).append(" < ? THEN ?");
                params.add(sql(next.getInstant()));
                params.add(rules.getOffset(at).getTotalSeconds());
                at = next.getInstant();
            }
            int last = rules.getOffset(at).getTotalSeconds();
            if (params.isEmpty()) {
                s.add("?", last);
            } else {
                s.add("CASE" + periods, params.toArray()).add(" ELSE ? END", last);
            }
        }
        return s.add(" ELSE 0 END)");
    }

    public static long dayNumber(LocalDate date) {
        return date.toEpochDay() + TO_DAYS_EPOCH;
    }

    public static String sql(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).format(SQL_TIME);
    }
}
