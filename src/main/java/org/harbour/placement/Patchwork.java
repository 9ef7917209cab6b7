package org.harbour.placement;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The figures of a client's chain of placements. Placements with no gap of more than one night
 * between one's end and the next one's start form an episode; every placement after the first in an
 * episode is a move; nights run to the end date, or to today while a placement is active.
 */
final class Patchwork {

    private Patchwork() {
    }

    static long nights(Placement p, LocalDate today) {
        LocalDate end = p.endDate() != null ? p.endDate() : today;
        return Math.max(0, ChronoUnit.DAYS.between(p.startDate(), end));
    }

    /** @param chain oldest first */
    static int episodes(List<Placement> chain, LocalDate today) {
        int episodes = 0;
        LocalDate previousEnd = null;
        for (Placement p : chain) {
            if (previousEnd == null || ChronoUnit.DAYS.between(previousEnd, p.startDate()) > 1) {
                episodes++;
            }
            LocalDate end = p.endDate() != null ? p.endDate() : today;
            previousEnd = previousEnd == null || end.isAfter(previousEnd) ? end : previousEnd;
        }
        return episodes;
    }

    static int moves(List<Placement> chain, LocalDate today) {
        return chain.size() - episodes(chain, today);
    }
}
