package org.harbour.report;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The sums the SQL returned for one group, turned into a row: ratios rounded here, and figures about
 * people suppressed by {@link Suppression} (privacy rule 3).
 */
final class GroupFigures {

    long capacityNights;
    long occupiedNights;
    long bedRequests;
    long unmetRequests;
    long afterHoursRequests;
    long placements;
    long clients;
    long moves;
    long episodes;
    long episodePeople;
    BigDecimal medianWaitDays;
    long waitingPeople;
    long hotelNights;
    long hotelPeople;
    BigDecimal hotelCost = BigDecimal.ZERO;
    final DoorFigures door = new DoorFigures();

    CapacityRow toRow(String group, @Nullable String group2) {
        return new CapacityRow(group, group2, capacityNights, occupiedNights, ratio(occupiedNights, capacityNights),
                bedRequests, unmetRequests, ratio(unmetRequests, bedRequests), afterHoursRequests, placements,
                Suppression.count(clients, clients),
                // 4.0 moves per episode over one episode would tell one person's moves
                Suppression.figure(episodePeople, ratio(moves, episodes)),
                // a median of fewer than five people's waits would tell one person's wait
                Suppression.figure(waitingPeople, medianWaitDays == null ? null
                        : medianWaitDays.setScale(1, RoundingMode.HALF_UP)),
                Suppression.figure(hotelPeople, hotelNights),
                Suppression.figure(hotelPeople, hotelCost.setScale(2, RoundingMode.HALF_UP)), door.arrivals(), door.noShows(),
                door.refusals(), door.refusalsByReason());
    }

    static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
