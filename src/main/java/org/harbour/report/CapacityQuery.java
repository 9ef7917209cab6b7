package org.harbour.report;

import io.micronaut.core.annotation.Nullable;
import org.harbour.facility.CapacityType;
import org.harbour.facility.Population;
import org.harbour.facility.ProgramType;
import org.harbour.problem.Checks;

import java.util.Locale;
import java.util.function.Predicate;

/** A validated capacity report request: the range, the grouping and the optional filters. */
record CapacityQuery(DateRange range, Grouping groupBy, @Nullable String regionCode, @Nullable ProgramType type,
                     @Nullable Population population, @Nullable CapacityType capacityType) {

    /** Every problem is named at once (422); a date that is not a date is a 400. */
    static CapacityQuery parse(@Nullable String from, @Nullable String to, @Nullable String groupBy,
                               @Nullable String regionCode, @Nullable String type, @Nullable String population,
                               @Nullable String capacityType, Predicate<String> knownRegion) {
        Checks checks = new Checks();
        DateRange range = DateRange.parse(from, to, checks);
        Grouping grouping = checks.required("groupBy", groupBy) ? checks.enumValue("groupBy", groupBy, Grouping.class) : null;
        String region = blankToNull(regionCode);
        if (region != null) {
            region = region.toUpperCase(Locale.ROOT);
            if (!knownRegion.test(region)) {
                checks.fail("regionCode", "unknown region; see GET /api/regions");
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
