package org.harbour.facility;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;

/** A bookable pool of beds or rooms at a facility. Eligibility columns are flat for SQL filters. */
@MappedEntity("programs")
public record Program(
        @Id @GeneratedValue @Nullable Long id,
        long facilityId,
        String name,
        ProgramType type,
        Population population,
        CapacityType capacityType,
        int capacity,
        @Nullable Integer maxStayDays,
        @Nullable BigDecimal nightlyCost,
        String genders,
        @Nullable Integer minAge,
        @Nullable Integer maxAge,
        boolean acceptsChildren,
        boolean acceptsPets,
        SubstancePolicy substanceUse,
        boolean acceptsCurrentSexTrade,
        boolean mandatoryActivities,
        boolean wheelchairAccessible,
        boolean traffickingSpecialized,
        String languages,
        @Nullable String culturallySpecific,
        @Nullable String externalRef,
        Instant createdAt,
        Instant updatedAt) {

    public Eligibility eligibility() {
        return Eligibility.of(this);
    }
}
