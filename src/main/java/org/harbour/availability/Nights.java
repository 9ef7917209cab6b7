package org.harbour.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Which night a change of counts belongs to, the rule funders' reports count by (Toronto's open-data
 * convention): night D's counts are those in force at 04:00 local on D+1, so a change made between
 * 04:00 on D and 04:00 on D+1, local time, is a change of night D.
 */
public final class Nights {

    public static final LocalTime CUTOFF = LocalTime.of(4, 0);

    private Nights() {
    }

    public static LocalDate of(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDateTime().minusSeconds(CUTOFF.toSecondOfDay()).toLocalDate();
    }
}
