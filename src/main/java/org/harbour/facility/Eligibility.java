package org.harbour.facility;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.List;

/** Who a program admits, as shown to caseworkers before anyone drives there. */
@Serdeable
public record Eligibility(
        List<Gender> genders,
        @Nullable Integer minAge,
        @Nullable Integer maxAge,
        boolean acceptsChildren,
        boolean acceptsPets,
        SubstancePolicy substanceUse,
        boolean acceptsCurrentSexTrade,
        boolean mandatoryActivities,
        boolean wheelchairAccessible,
        boolean traffickingSpecialized,
        List<String> languages,
        @Nullable String culturallySpecific) {

    static Eligibility of(Program p) {
        return new Eligibility(
                splitList(p.genders()).stream().map(Gender::valueOf).toList(),
                p.minAge(), p.maxAge(), p.acceptsChildren(), p.acceptsPets(), p.substanceUse(),
                p.acceptsCurrentSexTrade(), p.mandatoryActivities(), p.wheelchairAccessible(),
                p.traffickingSpecialized(), splitList(p.languages()), p.culturallySpecific());
    }

    static List<String> splitList(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }
}
