package org.harbour.facility;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable.Deserializable;
import io.micronaut.serde.annotation.Serdeable;
import org.harbour.problem.StrictBoolean;
import org.harbour.problem.StrictInteger;

import java.math.BigDecimal;
import java.util.List;

/**
 * Request bodies as sent; enums are strings so an unknown value becomes a 422 naming its field.
 * Booleans and counts are read strictly: "yes" or 2.5 is a 400, never silently false or 2.
 */
final class FacilityApi {

    private FacilityApi() {
    }

    @Serdeable
    record FacilityRequest(@Nullable String name,
                           @Nullable String organization,
                           @Nullable String regionCode,
                           @Nullable String municipality,
                           @Nullable String timeZone,
                           @Nullable String address,
                           @Nullable @Deserializable(using = StrictBoolean.class) Boolean confidential,
                           @Nullable String intakePhone,
                           @Nullable IntakeHoursRequest intakeHours,
                           @Nullable List<ProgramRequest> programs) {
    }

    @Serdeable
    record IntakeHoursRequest(@Nullable @Deserializable(using = StrictBoolean.class) Boolean alwaysOpen,
                              @Nullable List<WindowRequest> weekly) {
    }

    @Serdeable
    record WindowRequest(@Nullable String day, @Nullable String open, @Nullable String close) {
    }

    @Serdeable
    record ProgramRequest(@Nullable String name,
                          @Nullable String type,
                          @Nullable String population,
                          @Nullable String capacityType,
                          @Nullable @Deserializable(using = StrictInteger.class) Integer capacity,
                          @Nullable @Deserializable(using = StrictInteger.class) Integer maxStayDays,
                          @Nullable BigDecimal nightlyCost,
                          @Nullable EligibilityRequest eligibility) {
    }

    @Serdeable
    record EligibilityRequest(@Nullable List<String> genders,
                              @Nullable @Deserializable(using = StrictInteger.class) Integer minAge,
                              @Nullable @Deserializable(using = StrictInteger.class) Integer maxAge,
                              @Nullable @Deserializable(using = StrictBoolean.class) Boolean acceptsChildren,
                              @Nullable @Deserializable(using = StrictBoolean.class) Boolean acceptsPets,
                              @Nullable String substanceUse,
                              @Nullable @Deserializable(using = StrictBoolean.class) Boolean acceptsCurrentSexTrade,
                              @Nullable @Deserializable(using = StrictBoolean.class) Boolean mandatoryActivities,
                              @Nullable @Deserializable(using = StrictBoolean.class) Boolean wheelchairAccessible,
                              @Nullable @Deserializable(using = StrictBoolean.class) Boolean traffickingSpecialized,
                              @Nullable List<String> languages,
                              @Nullable String culturallySpecific) {
    }

    /** {@code address} is null for a confidential facility unless the caller is ADMIN or its staff. */
    @Serdeable
    record FacilityView(long id, String name, String organization, String regionCode, String municipality,
                        String timeZone, @Nullable String address, boolean confidential,
                        @Nullable String intakePhone, IntakeHours intakeHours, List<ProgramView> programs) {
    }

    @Serdeable
    record ProgramView(long id, long facilityId, String name, ProgramType type, Population population,
                       CapacityType capacityType, int capacity, @Nullable Integer maxStayDays,
                       @Nullable BigDecimal nightlyCost, Eligibility eligibility) {

        static ProgramView of(Program p) {
            return new ProgramView(p.id(), p.facilityId(), p.name(), p.type(), p.population(), p.capacityType(),
                    p.capacity(), p.maxStayDays(), p.nightlyCost(), p.eligibility());
        }
    }
}
