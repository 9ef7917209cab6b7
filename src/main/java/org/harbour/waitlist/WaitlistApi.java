package org.harbour.waitlist;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** What the waitlist routes take and answer. */
final class WaitlistApi {

    private WaitlistApi() {
    }

    @Serdeable
    record JoinRequest(@Nullable Long clientId, @Nullable Long programId, @Nullable String type,
                       @Nullable String regionCode, @Nullable Integer priority) {
    }

    @Serdeable
    record EntryView(long id, long clientId, @Nullable Long programId, @Nullable String type,
                     @Nullable String regionCode, int priority, WaitlistStatus status, int position, Instant createdAt,
                     @Nullable Long offeredProgramId, @Nullable Long holdId, @Nullable Instant offerExpiresAt,
                     @Nullable Integer bookableNow) {

        /** The join answer adds how many programs that fit her have a bed now (she need not wait for those). */
        EntryView withBookableNow(int count) {
            return new EntryView(id, clientId, programId, type, regionCode, priority, status, position, createdAt,
                    offeredProgramId, holdId, offerExpiresAt, count);
        }
    }
}
