package org.harbour.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** A program that fails one or two conditions: the match's fields and the {@code reasons} it was left out. */
@Serdeable
public record NearMiss(
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
        List<Preference> matchedPreferences,
        List<MissReason> reasons) {

    static NearMiss of(Match m, List<MissReason> reasons) {
        return new NearMiss(m.programId(), m.facilityId(), m.facilityName(), m.programName(), m.type(), m.regionCode(),
                m.municipality(), m.bookable(), m.intakeOpenNow(), m.intakePhone(), m.updatedAt(), m.stale(),
                m.maxStayDays(), m.traffickingSpecialized(), m.culturallySpecific(), m.address(), m.intakeOpensAt(),
                m.intakeClosesAt(), m.matchedPreferences(), List.copyOf(reasons));
    }
}
