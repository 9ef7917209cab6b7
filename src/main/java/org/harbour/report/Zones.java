package org.harbour.report;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.ResultSet;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;

/** The time zones the database names, for working out local times in Java (see NightCutoffs). */
final class Zones {

    static final String FACILITIES = "SELECT DISTINCT time_zone FROM facilities";
    static final String REGIONS = "SELECT DISTINCT time_zone FROM regions";

    private Zones() {
    }

    /** Zones named by the query's first column; a name Java does not know has no local time to compute. */
    static Set<ZoneId> named(JdbcOperations jdbc, String sql) {
        return jdbc.prepareStatement(sql, statement -> {
            Set<ZoneId> zones = new LinkedHashSet<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    try {
                        zones.add(ZoneId.of(rs.getString(1)));
                    } catch (DateTimeException | NullPointerException e) {
                        // skipped: what happens in that zone cannot be placed in local time
                    }
                }
            }
            return zones;
        });
    }
}
