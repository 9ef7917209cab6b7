package org.harbour.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.harbour.security.Role;

import java.time.Instant;

@MappedEntity("users")
public record User(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String passwordHash,
        Role role,
        @Nullable Long organizationId,
        boolean active,
        Instant createdAt) {
}
