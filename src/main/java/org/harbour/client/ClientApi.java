package org.harbour.client;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** What the client routes take and answer. */
public final class ClientApi {

    private ClientApi() {
    }

    @Serdeable
    public record NewClient(@Nullable String alias, @Nullable Integer birthYear, @Nullable String gender,
                            @Nullable Needs needs, @Nullable Boolean consentToShare, @Nullable String organization) {
    }

    /** A client's edit: every field given replaces the stored one; a field left out keeps its value. */
    @Serdeable
    public record ClientUpdate(@Nullable String alias, @Nullable Integer birthYear, @Nullable String gender,
                               @Nullable Needs needs) {
    }

    @Serdeable
    public record ClientView(long id, String alias, @Nullable Integer birthYear, @Nullable String gender, Needs needs,
                             boolean consentToShare, Instant createdAt) {
    }
}
