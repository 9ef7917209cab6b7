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
        String status,
        @Nullable Instant endedAt) {

    public static final String ACTIVE = "ACTIVE";
    public static final String RELEASED = "RELEASED";
    public static final String EXPIRED = "EXPIRED";
    public static final String CONSUMED = "CONSUMED";

    public boolean isActive() {
        return ACTIVE.equals(status);
    }
}
