package org.harbour.placement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

final class PlacementApi {

    private PlacementApi() {
    }

    @Serdeable
    record NewPlacement(@Nullable Long clientId, @Nullable Long programId, @Nullable Long holdId,
                        @Nullable LocalDate startDate, @Nullable LocalDate expectedEndDate,
                        @Nullable BigDecimal nightlyCost) {
    }

    @Serdeable
    record EndPlacement(@Nullable LocalDate endDate, @Nullable String reason) {
    }

    @Serdeable
    record MovePlacement(@Nullable Long toProgramId, @Nullable Long holdId, @Nullable LocalDate date,
                         @Nullable String reason, @Nullable LocalDate expectedEndDate,
                         @Nullable BigDecimal nightlyCost) {
    }

    @Serdeable
    record PlacementView(long id, long clientId, long programId, String programName, String facilityName,
                         String programType, LocalDate startDate, @Nullable LocalDate expectedEndDate,
                         @Nullable LocalDate endDate, @Nullable String endReason, @Nullable String moveReason,
                         PlacementStatus status, @Nullable BigDecimal nightlyCost, @Nullable Long movedFromId, long nights) {
    }

    /** The patchwork quilt of one client: every placement, and how broken up the stay was. */
    @Serdeable
    record ClientPlacements(long clientId, List<PlacementView> placements, int moves, long nights, int episodes) {
    }
}
