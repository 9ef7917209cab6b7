package org.harbour.hold;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** What the hold routes take and answer. */
public final class HoldApi {

    private HoldApi() {
    }

    @Serdeable
    record NewHold(@Nullable Long clientId, @Nullable Integer minutes) {
    }

    @Serdeable
    public record HoldView(long id, long programId, @Nullable Long clientId, Instant expiresAt, HoldStatus status) {
        static HoldView of(Hold h) {
            return new HoldView(h.id(), h.programId(), h.clientId(), h.expiresAt(), h.status());
        }
    }
}
