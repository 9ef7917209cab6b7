package org.harbour.client;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What a person needs from a bed, as a caseworker states it. Every field is optional; a stated need
 * filters programs, except the preferences traffickingSpecialized and culturallySpecific, which rank.
 */
@Serdeable
public record Needs(
        @Nullable String gender,
        @Nullable Integer age,
        @Nullable Integer children,
        @Nullable Boolean pets,
        @Nullable Boolean substanceUse,
        @Nullable Boolean currentSexTrade,
        @Nullable Boolean wheelchair,
        @Nullable String language,
        @Nullable Boolean traffickingSpecialized,
        @Nullable Boolean avoidMandatoryActivities,
        @Nullable String culturallySpecific) {

    public static final Needs NONE = new Needs(null, null, null, null, null, null, null, null, null, null, null);
}
