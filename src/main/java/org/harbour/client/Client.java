package org.harbour.client;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("clients")
public record Client(
        @Id @GeneratedValue @Nullable Long id,
        long organizationId,
        String alias,
        @Nullable Integer birthYear,
        @Nullable String gender,
        String needs,
        boolean consentToShare,
        long createdBy,
        Instant createdAt,
        Instant updatedAt) {
}
