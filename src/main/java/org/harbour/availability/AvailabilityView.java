package org.harbour.availability;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A program's counts as API.md shows them, with where and what the program is (never an address), and
 * how often people matched to it were refused at the door.
 */
@Serdeable
public record AvailabilityView(
        long programId,
        long facilityId,
        String facilityName,
        String programName,
        String regionCode,
        String municipality,
        String type,
        String population,
        String capacityType,
        int capacity,
        int available,
        int held,
        int bookable,
        int outOfService,
        int occupied,
        Instant updatedAt,
        String updatedBy,
        long version,
        boolean stale,
        @Nullable Double refusalRate,
        int doorOutcomes) {
}
