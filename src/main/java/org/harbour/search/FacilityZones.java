package org.harbour.search;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The facilities' time zones and, for a given instant, the local second of the week in each (Monday 00:00 = 0):
 * what the candidate queries need to tell, in SQL, whether a facility takes intake now (the database has no time
 * zone tables to rely on). The distinct zones are few (a province or two each) and remembered; a query that meets
 * a zone not in the list says so and is asked again after {@link #refresh}, so a new facility's zone is right at once.
 */
@Singleton
class FacilityZones {

    private static final long REFRESH_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final JdbcOperations jdbc;
    private volatile Map<String, ZoneId> zones;
    private volatile long readAt;

    FacilityZones(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** {"America/Toronto": 123456, ...}: each known zone's local second of the week at {@code now}, as JSON. */
    @Connectable
    String secondsOfWeekJson(Instant now) {
        Map<String, ZoneId> known = zones;
        if (known == null || System.nanoTime() - readAt > REFRESH_NANOS) {
            known = refresh();
        }
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, ZoneId> zone : known.entrySet()) {
            ZonedDateTime local = now.atZone(zone.getValue());
            long second = (local.getDayOfWeek().getValue() - 1) * 86_400L
                    + local.toLocalTime().truncatedTo(ChronoUnit.SECONDS).toSecondOfDay();
            json.append(json.length() == 1 ? "" : ",").append('"').append(escape(zone.getKey())).append("\":").append(second);
        }
        return json.append('}').toString();
    }

    /** Reads the zones again (a query met one not in the list). */
    @Connectable
    Map<String, ZoneId> refresh() {
        Map<String, ZoneId> read = jdbc.prepareStatement("SELECT DISTINCT time_zone FROM facilities", statement -> {
            Map<String, ZoneId> found = new LinkedHashMap<>();
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    if (name != null) {
                        found.put(name, zone(name));
                    }
                }
            }
            return found;
        });
        zones = Map.copyOf(read);
        readAt = System.nanoTime();
        return zones;
    }

    /** As elsewhere (count history, reports): a zone Java does not know counts as UTC. */
    private static ZoneId zone(String name) {
        try {
            return ZoneId.of(name);
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }

    /** Zone names are IANA names; a name typed by hand with a quote or backslash must not break the JSON. */
    private static String escape(String name) {
        return name.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
