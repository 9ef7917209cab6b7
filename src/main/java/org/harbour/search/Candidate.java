package org.harbour.search;

import io.micronaut.core.annotation.Nullable;
import org.harbour.facility.Eligibility;
import org.harbour.facility.IntakeHours;

import java.time.Instant;
import java.time.ZoneId;

/** A program with a bookable bed, with everything the matcher and the caseworker need to know. */
public record Candidate(
        long programId,
        long facilityId,
        String facilityName,
        String programName,
        String type,
        String regionCode,
        String municipality,
        @Nullable String intakePhone,
        ZoneId timeZone,
        IntakeHours intakeHours,
        @Nullable Integer maxStayDays,
        int bookable,
        Instant updatedAt,
        Eligibility eligibility) {
}
