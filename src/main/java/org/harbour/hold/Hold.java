package org.harbour.hold;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("holds")
public record Hold(
        @Id @GeneratedValue @Nullable Long id,
        long programId,
        @Nullable Long clientId,
        @Nullable Long organizationId,
        long createdBy,
        Instant createdAt,
        Instant expiresAt,
        HoldStatus status,
        @Nullable Instant endedAt,
        @Nullable String arrivalCode,
        int wrongCodes,
        @Nullable String intakeFacts,
        @Nullable DoorOutcome doorOutcome,
        @Nullable String doorReason) {

    public boolean isActive() {
        return status == HoldStatus.ACTIVE;
    }
}
