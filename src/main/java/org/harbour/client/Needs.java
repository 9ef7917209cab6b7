package org.harbour.client;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What a person needs from a bed, as a caseworker states it. Every field is optional; a stated need
 * filters programs, except the preferences traffickingSpecialized, culturallySpecific and language, which
 * rank; {@code languageRequired: true} makes the language a filter again.
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
        @Nullable String culturallySpecific,
        @Nullable Boolean languageRequired) {

    public static final Needs NONE = new Needs(null, null, null, null, null, null, null, null, null, null, null, null);

    @Creator
    public Needs {
    }

    /** The needs without {@code languageRequired} (a preferred language, if any, only ranks). */
    public Needs(@Nullable String gender, @Nullable Integer age, @Nullable Integer children, @Nullable Boolean pets,
                 @Nullable Boolean substanceUse, @Nullable Boolean currentSexTrade, @Nullable Boolean wheelchair,
                 @Nullable String language, @Nullable Boolean traffickingSpecialized,
                 @Nullable Boolean avoidMandatoryActivities, @Nullable String culturallySpecific) {
        this(gender, age, children, pets, substanceUse, currentSexTrade, wheelchair, language, traffickingSpecialized,
                avoidMandatoryActivities, culturallySpecific, null);
    }

    /** True when the stated language is a filter, not only a preference. */
    public boolean languageIsRequired() {
        return language != null && Boolean.TRUE.equals(languageRequired);
    }

    public Needs withAge(@Nullable Integer newAge) {
        return new Needs(gender, newAge, children, pets, substanceUse, currentSexTrade, wheelchair, language,
                traffickingSpecialized, avoidMandatoryActivities, culturallySpecific, languageRequired);
    }

    public Needs withGender(@Nullable String newGender) {
        return new Needs(newGender, age, children, pets, substanceUse, currentSexTrade, wheelchair, language,
                traffickingSpecialized, avoidMandatoryActivities, culturallySpecific, languageRequired);
    }
}
