package org.harbour.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

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
                         List<String> roles) {
    }

    @Serdeable
    record NewUser(@Nullable String username, @Nullable String password, @Nullable String role,
                   @Nullable String organization, @Nullable List<Long> facilityIds) {
    }

    @Serdeable
    record UserView(long id, String username, String role, @Nullable String organization, List<Long> facilityIds) {
    }

    /** The key is in this answer only; Harbour keeps just its hash. */
    @Serdeable
    record FeedKeyView(long id, long facilityId, String key) {
    }
}
