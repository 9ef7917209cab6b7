package org.harbour.availability;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A program's counts as API.md shows them, with where and what the program is. No address. */
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
        boolean stale) {

    AvailabilityView withStale(boolean isStale) {
        return new AvailabilityView(programId, facilityId, facilityName, programName, regionCode, municipality,
                type, population, capacityType, capacity, available, held, bookable, outOfService, occupied,
                updatedAt, updatedBy, version, isStale);
    }
}
