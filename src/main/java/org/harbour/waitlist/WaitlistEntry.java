package org.harbour.waitlist;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("waitlist_entries")
public record WaitlistEntry(
        @Id @GeneratedValue @Nullable Long id,
        long clientId,
        long organizationId,
        @Nullable Long programId,
        @Nullable String type,
        @Nullable String regionCode,
        int priority,
        WaitlistStatus status,
        Instant createdAt,
        @Nullable Instant offeredAt,
        @Nullable Instant offerExpiresAt,
        @Nullable Long offeredProgramId,
        @Nullable Long holdId,
        @Nullable Instant closedAt) {
}
