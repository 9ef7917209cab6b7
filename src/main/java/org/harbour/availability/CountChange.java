package org.harbour.availability;

/**
 * The count changes holds and placements make, each a SET with the guard that keeps it honest:
 * a bed is held or taken only while one is bookable, and a freed bed never lifts available above
 * capacity - outOfService.
 */
public enum CountChange {
    HOLD("a.held = a.held + 1", "a.available - a.held > 0"),
    RELEASE_HOLD("a.held = a.held - 1", "a.held > 0"),
    PLACE_FROM_HOLD("a.held = a.held - 1, a.available = a.available - 1", "a.held > 0 AND a.available > 0"),
    PLACE("a.available = a.available - 1", "a.available - a.held > 0"),
    FREE_BED("a.available = LEAST(a.available + 1, GREATEST(0, p.capacity - a.out_of_service))", "TRUE");

    final String assignments;
    final String guard;

    CountChange(String assignments, String guard) {
        this.assignments = assignments;
        this.guard = guard;
    }
}
