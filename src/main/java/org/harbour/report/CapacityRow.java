package org.harbour.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.harbour.hold.HoldDoor.DeclineReason;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One group of the capacity report (a cell, group and group2, with two dimensions; group2 is left out with one);
 * null means unknown, not applicable, or suppressed (figures about people).
 * {@code doorRefusalsByReason} names every reason a door may give, each suppressed on its own.
 */
@Serdeable
record CapacityRow(String group, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String group2,
                   long capacityNights, long occupiedNights, @Nullable BigDecimal occupancyRate,
                   long bedRequests, long unmetRequests, @Nullable BigDecimal unmetRate, long afterHoursRequests,
                   long placements, @Nullable Long clients, @Nullable BigDecimal movesPerEpisode,
                   @Nullable BigDecimal medianWaitDays, @Nullable Long hotelNights, @Nullable BigDecimal hotelCost,
                   @Nullable Long doorArrivals, @Nullable Long doorNoShows, @Nullable Long doorRefusals,
                   Map<String, Long> doorRefusalsByReason) {

    private static final String BY_REASON = "doorRefusalsByReason";

    /**
     * The CSV header: the JSON field names in the same order, the refusals by reason spread over one column per
     * reason ("doorRefusalsByReason.GENDER"), so every row has the same columns.
     */
    static final List<String> COLUMNS = Arrays.stream(CapacityRow.class.getRecordComponents())
            .flatMap(c -> c.getName().equals(BY_REASON)
                    ? Arrays.stream(DeclineReason.values()).map(r -> BY_REASON + "." + r.name())
                    : Stream.of(c.getName()))
            .toList();

    /** The header of a report with one dimension: no group2 column, as its JSON rows have no group2. */
    static List<String> columns(GroupBy groupBy) {
        return groupBy.second() == null ? COLUMNS.stream().filter(c -> !c.equals("group2")).toList() : COLUMNS;
    }

    /** The cells under {@link #columns(GroupBy)}. */
    List<Object> values(GroupBy groupBy) {
        List<Object> values = values();
        if (groupBy.second() == null) {
            values.remove(1);
        }
        return values;
    }

    private List<Object> values() {
        List<Object> values = new ArrayList<>(Arrays.asList(group, group2, capacityNights, occupiedNights, occupancyRate,
                bedRequests, unmetRequests, unmetRate, afterHoursRequests, placements, clients, movesPerEpisode,
                medianWaitDays, hotelNights, hotelCost, doorArrivals, doorNoShows, doorRefusals));
        for (DeclineReason reason : DeclineReason.values()) {
            values.add(doorRefusalsByReason.get(reason.name()));
        }
        return values;
    }

    /**
     * The range the figures cover (the asked one, or the dates with data when none was asked), the rows, and the
     * whole months their figures about people cover ({@link Suppression#period}).
     */
    @Serdeable
    record Report(DateRange range, List<CapacityRow> rows, DateRange personFiguresPeriod) {
    }
}
