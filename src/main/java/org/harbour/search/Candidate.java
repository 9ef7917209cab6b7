package org.harbour.search;

import io.micronaut.core.annotation.Nullable;
import org.harbour.facility.Eligibility;
import org.harbour.facility.IntakeHours;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A program (with a bookable bed, or a near miss's possibly without), with everything the matcher and the
 * caseworker need to know. {@code address} is already null for a confidential facility: the query never reads it.
 */
public record Candidate(
        long programId,
        long facilityId,
        String facilityName,
        String programName,
        String type,
        String regionCode,
        String municipality,
        @Nullable String intakePhone,
        @Nullable String address,
        ZoneId timeZone,
        IntakeHours intakeHours,
        @Nullable Integer maxStayDays,
        int bookable,
        Instant updatedAt,
        Eligibility eligibility) {
}
