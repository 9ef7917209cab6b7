package org.harbour.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Collection;
import java.util.StringJoiner;

/**
 * Local-time boundaries turned into UTC instants here, in Java, because the database has no time-zone
 * tables (CONVERT_TZ with named zones answers NULL). The SQL receives them as small JSON tables.
 */
final class NightCutoffs {

    /** Toronto open-data convention: a night's counts are those in force at 04:00 the next morning. */
    static final LocalTime CUTOFF = LocalTime.of(4, 0);

    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private NightCutoffs() {
    }

    /**
     * One entry per zone and night D in [from, to]: {"z": zone, "d": D, "o": opens, "c": closes}, where
     * the night runs from 04:00 local on D (o) to 04:00 local on D+1 (c), in UTC. The counts of night D
     * are the last change before c; an imported row belongs to the night whose window holds it.
     */
    static String nightsJson(Collection<ZoneId> zones, DateRange range) {
        StringJoiner json = new StringJoiner(",", "[", "]");
        for (ZoneId zone : zones) {
            String opens = utc(range.from(), zone);
            for (LocalDate night = range.from(); !night.isAfter(range.to()); night = night.plusDays(1)) {
                String closes = utc(night.plusDays(1), zone);
                json.add("{\"z\":\"" + zone.getId() + "\",\"d\":\"" + night + "\",\"o\":\"" + opens
                        + "\",\"c\":\"" + closes + "\"}");
                opens = closes;
            }
        }
        return json.toString();
    }

    /**
     * The UTC offset of each zone over [start, end), as periods between transitions:
     * {"z": zone, "s": from UTC, "e": until UTC, "o": offset seconds}. Local time = UTC + offset.
     */
    static String offsetsJson(Collection<ZoneId> zones, Instant start, Instant end) {
        StringJoiner json = new StringJoiner(",", "[", "]");
        for (ZoneId zone : zones) {
            ZoneRules rules = zone.getRules();
            Instant periodStart = start;
            while (periodStart.isBefore(end)) {
                ZoneOffsetTransition next = rules.nextTransition(periodStart);
                Instant periodEnd = next == null || next.getInstant().isAfter(end) ? end : next.getInstant();
                json.add("{\"z\":\"" + zone.getId() + "\",\"s\":\"" + sql(periodStart) + "\",\"e\":\"" + sql(periodEnd)
                        + "\",\"o\":" + rules.getOffset(periodStart).getTotalSeconds() + "}");
                periodStart = periodEnd;
            }
        }
        return json.toString();
    }

    /** 04:00 local on the day, in UTC, as the database's DATETIME text. */
    static String utc(LocalDate day, ZoneId zone) {
        return sql(day.atTime(CUTOFF).atZone(zone).toInstant());
    }

    static String sql(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).format(SQL_TIME);
    }
}
