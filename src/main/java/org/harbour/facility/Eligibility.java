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
        return stored(p.genders(), p.minAge(), p.maxAge(), p.acceptsChildren(), p.acceptsPets(), p.substanceUse(),
                p.acceptsCurrentSexTrade(), p.mandatoryActivities(), p.wheelchairAccessible(),
                p.traffickingSpecialized(), p.languages(), p.culturallySpecific());
    }

    /** As the programs table stores it: genders and languages as comma-separated lists (empty for none). */
    public static Eligibility stored(@Nullable String genders, @Nullable Integer minAge, @Nullable Integer maxAge,
                                     boolean acceptsChildren, boolean acceptsPets, SubstancePolicy substanceUse,
                                     boolean acceptsCurrentSexTrade, boolean mandatoryActivities,
                                     boolean wheelchairAccessible, boolean traffickingSpecialized,
                                     @Nullable String languages, @Nullable String culturallySpecific) {
        return new Eligibility(splitList(genders).stream().map(Gender::valueOf).toList(), minAge, maxAge,
                acceptsChildren, acceptsPets, substanceUse, acceptsCurrentSexTrade, mandatoryActivities,
                wheelchairAccessible, traffickingSpecialized, splitList(languages), culturallySpecific);
    }

    static List<String> splitList(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }
}
