package org.harbour.placement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

@MappedEntity("placements")
public record Placement(
        @Id @GeneratedValue @Nullable Long id,
        long clientId,
        long programId,
        long organizationId,
        @Nullable Long holdId,
        @Nullable Long movedFromId,
        LocalDate startDate,
        @Nullable LocalDate expectedEndDate,
        @Nullable LocalDate endDate,
        @Nullable String endReason,
        @Nullable String moveReason,
        PlacementStatus status,
        @Nullable BigDecimal nightlyCost,
        boolean endingNotified,
        long createdBy,
        Instant createdAt,
        @Nullable Instant endedAt) {
}
