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
        String status,
        Instant createdAt,
        @Nullable Instant offeredAt,
        @Nullable Instant offerExpiresAt,
        @Nullable Long offeredProgramId,
        @Nullable Long holdId,
        @Nullable Instant closedAt) {

    public static final String WAITING = "WAITING";
    public static final String OFFERED = "OFFERED";
    public static final String PLACED = "PLACED";
    public static final String WITHDRAWN = "WITHDRAWN";
    public static final String EXPIRED = "EXPIRED";
}
