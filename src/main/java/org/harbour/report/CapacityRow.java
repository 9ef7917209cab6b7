package org.harbour.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** One group of the capacity report; null means unknown, not applicable, or suppressed (clients). */
@Serdeable
record CapacityRow(String group, long capacityNights, long occupiedNights, @Nullable BigDecimal occupancyRate,
                   long bedRequests, long unmetRequests, @Nullable BigDecimal unmetRate, long afterHoursRequests,
                   long placements, @Nullable Long clients, @Nullable BigDecimal movesPerEpisode,
                   @Nullable BigDecimal medianWaitDays, long hotelNights, BigDecimal hotelCost) {

    /** The CSV header: the JSON field names, in the same order. */
    static final List<String> COLUMNS = Arrays.stream(CapacityRow.class.getRecordComponents())
            .map(c -> c.getName()).toList();

    List<Object> values() {
        return Arrays.asList(group, capacityNights, occupiedNights, occupancyRate, bedRequests, unmetRequests, unmetRate,
                afterHoursRequests, placements, clients, movesPerEpisode, medianWaitDays, hotelNights, hotelCost);
    }

    @Serdeable
    record Report(List<CapacityRow> rows) {
    }
}
