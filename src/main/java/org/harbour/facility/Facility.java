package org.harbour.facility;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("facilities")
public record Facility(
        @Id @GeneratedValue @Nullable Long id,
        String name,
        long organizationId,
        String regionCode,
        String municipality,
        String timeZone,
        @Nullable String address,
        boolean confidential,
        @Nullable String intakePhone,
        boolean intakeAlwaysOpen,
        @Nullable String intakeWeekly,
        @Nullable String externalRef,
        Instant createdAt,
        Instant updatedAt) {
}
