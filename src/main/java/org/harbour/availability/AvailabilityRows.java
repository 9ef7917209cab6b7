package org.harbour.availability;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

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

    /**
     * Reads the columns by position, in {@link Counts}' SELECT order: GET /api/availability and every socket's
     * snapshot map all 10,000 programs, and a lookup by label is a map search per column per row, as is the
     * Calendar that getTimestamp builds (issue 20; a quarter of that request's CPU).
     */
    AvailabilityView map(ResultSet rs, Instant now) throws SQLException {
        int capacity = rs.getInt(10);
        int available = rs.getInt(11);
        int held = rs.getInt(12);
        int outOfService = rs.getInt(13);
        // DATETIME as stored: UTC, the session's zone (application.yml)
        Instant updatedAt = rs.getObject(14, LocalDateTime.class).toInstant(ZoneOffset.UTC);
        int outcomes = rs.getInt(17);
        return new AvailabilityView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                capacity, available, held, Math.max(0, available - held), outOfService,
                Math.max(0, capacity - available - outOfService), updatedAt, rs.getString(15), rs.getLong(16),
                isStale(updatedAt, now), refusalRate(outcomes, rs.getInt(18)), outcomes);
    }

    /** Share of recorded door outcomes that were refusals; unknown until something was recorded. */
    private static Double refusalRate(int outcomes, int refused) {
        return outcomes == 0 ? null : Math.round(10_000.0 * refused / outcomes) / 10_000.0;
    }
}
