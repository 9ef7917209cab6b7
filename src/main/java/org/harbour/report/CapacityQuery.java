package org.harbour.report;

import io.micronaut.core.annotation.Nullable;
import org.harbour.facility.CapacityType;
import org.harbour.facility.Population;
import org.harbour.facility.ProgramType;
import org.harbour.problem.FieldCode;
import org.harbour.problem.Checks;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** A validated capacity report request: the range, the grouping (one or two dimensions) and the optional filters. */
record CapacityQuery(DateRange range, GroupBy groupBy, @Nullable String regionCode, @Nullable ProgramType type,
                     @Nullable Population population, @Nullable CapacityType capacityType) {

    /** Every problem is named at once (422); a date that is not a date is a 400. Both dates are required. */
    static CapacityQuery parse(@Nullable String from, @Nullable String to, @Nullable String groupBy,
                               @Nullable String regionCode, @Nullable String type, @Nullable String population,
                               @Nullable String capacityType, Predicate<String> knownRegion) {
        return parse(from, to, groupBy, regionCode, type, population, capacityType, knownRegion, null);
    }

    /**
     * The same; with neither from nor to, the range is {@code dataRange}'s (the dates that have data), so a first
     * look covers the history. One date without the other is still a 422.
     */
    static CapacityQuery parse(@Nullable String from, @Nullable String to, @Nullable String groupBy,
                               @Nullable String regionCode, @Nullable String type, @Nullable String population,
                               @Nullable String capacityType, Predicate<String> knownRegion,
                               @Nullable Supplier<DateRange> dataRange) {
        Checks checks = new Checks();
        boolean noDates = blankToNull(from) == null && blankToNull(to) == null;
        DateRange range = noDates && dataRange != null ? dataRange.get() : DateRange.parse(from, to, checks);
        GroupBy grouping = GroupBy.parse(groupBy, checks);
        String region = blankToNull(regionCode);
        if (region != null) {
            region = region.toUpperCase(Locale.ROOT);
            if (!knownRegion.test(region)) {
                checks.fail("regionCode", FieldCode.UNKNOWN_REGION, "unknown region; see GET /api/regions");
            }
        }
        ProgramType programType = checks.enumValue("type", blankToNull(type), ProgramType.class);
        Population people = checks.enumValue("population", blankToNull(population), Population.class);
        CapacityType capacity = checks.enumValue("capacityType", blankToNull(capacityType), CapacityType.class);
        checks.throwIfAny();
        return new CapacityQuery(range, grouping, region, programType, people, capacity);
    }

    @Nullable
    static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
