package org.harbour.availability;

import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * When counts become stale ({@code harbour.stale-after}), for features that rank by it in SQL: a plain bean, so
 * asking costs no transaction (unlike {@link Counts}, transactional as a whole).
 */
@Singleton
public class Freshness {

    private final AvailabilityRows rows;

    Freshness(AvailabilityRows rows) {
        this.rows = rows;
    }

    /** Counts updated before this instant are stale at {@code now}. */
    public Instant staleBefore(Instant now) {
        return rows.staleBefore(now);
    }
}
