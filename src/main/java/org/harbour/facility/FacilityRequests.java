package org.harbour.facility;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/** Request bodies as sent; enums are strings so an unknown value becomes a 422 naming its field. */
final class FacilityRequests {

    private FacilityRequests() {
    }

    @Serdeable
    record FacilityRequest(@Nullable String name, @Nullable String organization, @Nullable String regionCode,
                           @Nullable String municipality, @Nullable String timeZone, @Nullable String address,
                           @Nullable Boolean confidential, @Nullable String intakePhone,
                           @Nullable IntakeHoursRequest intakeHours, @Nullable List<ProgramRequest> programs) {
    }

    @Serdeable
    record IntakeHoursRequest(@Nullable Boolean alwaysOpen, @Nullable List<WindowRequest> weekly) {
    }

    @Serdeable
    record WindowRequest(@Nullable String day, @Nullable String open, @Nullable String close) {
    }

    @Serdeable
    record ProgramRequest(@Nullable String name, @Nullable String type, @Nullable String population,
                          @Nullable String capacityType, @Nullable Integer capacity, @Nullable Integer maxStayDays,
                          @Nullable BigDecimal nightlyCost, @Nullable EligibilityRequest eligibility) {
    }

    @Serdeable
    record EligibilityRequest(@Nullable List<String> genders, @Nullable Integer minAge, @Nullable Integer maxAge,
                              @Nullable Boolean acceptsChildren, @Nullable Boolean acceptsPets,
                              @Nullable String substanceUse, @Nullable Boolean acceptsCurrentSexTrade,
                              @Nullable Boolean mandatoryActivities, @Nullable Boolean wheelchairAccessible,
                              @Nullable Boolean traffickingSpecialized, @Nullable List<String> languages,
                              @Nullable String culturallySpecific) {
    }
}
