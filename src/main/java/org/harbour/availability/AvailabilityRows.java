package org.harbour.availability;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns a row of {@link Counts}' SELECT into a view. Deliberately not transactional: it runs once
 * per row, inside whatever read or change is going on, and an interceptor per row would cost more than the row.
 */
@Singleton
class AvailabilityRows {

    private final Duration staleAfter;

    AvailabilityRows(@Value("${harbour.stale-after:PT4H}") Duration staleAfter) {
        this.staleAfter = staleAfter;
    }

    boolean isStale(Instant updatedAt, Instant now) {
        return updatedAt.isBefore(staleBefore(now));
    }

    Instant staleBefore(Instant now) {
        return now.minus(staleAfter);
    }

    AvailabilityView map(ResultSet rs, Instant now) throws SQLException {
        int capacity = rs.getInt("capacity");
        int available = rs.getInt("available");
        int held = rs.getInt("held");
        int outOfService = rs.getInt("out_of_service");
        Instant updatedAt = rs.getTimestamp("updated_at").toInstant();
        return new AvailabilityView(rs.getLong("program_id"), rs.getLong("facility_id"),
                rs.getString("facility_name"), rs.getString("program_name"), rs.getString("region_code"),
                rs.getString("municipality"), rs.getString("type"), rs.getString("population"),
                rs.getString("capacity_type"), capacity, available, held, Math.max(0, available - held),
                outOfService, Math.max(0, capacity - available - outOfService), updatedAt,
                rs.getString("updated_by"), rs.getLong("version"), isStale(updatedAt, now),
                refusalRate(rs.getInt("outcomes"), rs.getInt("refused")), rs.getInt("outcomes"));
    }

    /** Share of recorded door outcomes that were refusals; unknown until something was recorded. */
    private static Double refusalRate(int outcomes, int refused) {
        return outcomes == 0 ? null : Math.round(10_000.0 * refused / outcomes) / 10_000.0;
    }
}
