package org.harbour.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.harbour.security.Role;

import java.time.Instant;

/**
 * An account. {@code mustChangePassword}: the password was set by an administrator (a new account or a reset),
 * so its owner may do nothing but change it (see {@link PasswordChangeGate}).
 */
@MappedEntity("users")
public record User(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String passwordHash,
        Role role,
        @Nullable Long organizationId,
        boolean active,
        boolean mustChangePassword,
        Instant createdAt) {
}
