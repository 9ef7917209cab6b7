package org.harbour.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * One matching program as the caseworker sees it (API.md "Search"), with its rules at a glance. The address
 * is null for a confidential facility (privacy rule 1); the intake instants are null when intake never closes.
 */
@Serdeable
public record Match(
        long programId,
        long facilityId,
        String facilityName,
        String programName,
        String type,
        String regionCode,
        String municipality,
        int bookable,
        boolean intakeOpenNow,
        @Nullable String intakePhone,
        Instant updatedAt,
        boolean stale,
        @Nullable Integer maxStayDays,
        boolean traffickingSpecialized,
        @Nullable String culturallySpecific,
        @Nullable String address,
        @Nullable Instant intakeOpensAt,
        @Nullable Instant intakeClosesAt,
        List<Preference> matchedPreferences) {
}
