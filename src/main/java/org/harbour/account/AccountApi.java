package org.harbour.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.annotation.Serdeable.Deserializable;
import org.harbour.problem.StrictBoolean;

import java.time.Instant;
import java.util.List;

/** What the account routes take and answer. */
public final class AccountApi {

    private AccountApi() {
    }

    @Serdeable
    record LoginRequest(@Nullable String username, @Nullable String password) {
    }

    @Serdeable
    record LoginResponse(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") Integer expiresIn,
                         String username,
                         List<String> roles,
                         boolean mustChangePassword) {
    }

    @Serdeable
    record NewUser(@Nullable String username, @Nullable String password, @Nullable String role,
                   @Nullable String organization, @Nullable List<Long> facilityIds) {
    }

    /** PUT /api/users/{id}: the whole of what an administrator may change of an account. */
    @Serdeable
    record UserChange(@Nullable String role, @Nullable String organization, @Nullable List<Long> facilityIds,
                      @Nullable @Deserializable(using = StrictBoolean.class) Boolean active) {
    }

    @Serdeable
    record PasswordChange(@Nullable String currentPassword, @Nullable String newPassword) {
    }

    /** Shown once to the administrator who reset the password; Harbour keeps only its hash. */
    @Serdeable
    record TemporaryPassword(String temporaryPassword) {
    }

    /** An account as administrators see it: never a password or its hash. */
    @Serdeable
    record UserView(long id, String username, String role, @Nullable String organization, List<Long> facilityIds,
                    boolean active, boolean mustChangePassword) {
    }

    /** A feed key as GET /api/facilities/{id}/feed-keys lists it: never the key or its hash. */
    @Serdeable
    record ListedFeedKey(long id, Instant createdAt, @Nullable Instant lastUsedAt, boolean revoked,
                         @Nullable Instant revokedAt) {
        static ListedFeedKey of(FeedKeys.Listed key) {
            return new ListedFeedKey(key.id(), key.createdAt(), key.lastUsedAt(), key.revoked(), key.revokedAt());
        }
    }

    /** The key is in this answer only; Harbour keeps just its hash. */
    @Serdeable
    record FeedKeyView(long id, long facilityId, String key) {
    }
}
