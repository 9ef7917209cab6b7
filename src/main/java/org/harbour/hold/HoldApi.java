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

    /** A hold as its own organization sees it; {@code arrivalCode} is given to that organization only. */
    @Serdeable
    public record HoldView(long id, long programId, @Nullable Long clientId, Instant expiresAt, HoldStatus status,
                           @Nullable String arrivalCode) {
        static HoldView of(Hold h) {
            return new HoldView(h.id(), h.programId(), h.clientId(), h.expiresAt(), h.status(), null);
        }
    }

    /**
     * What the door needs to know of the person coming, instead of her name: stated at the hold, from her needs.
     * Never a client id, alias or code.
     */
    @Serdeable
    public record IntakeFacts(@Nullable String gender, @Nullable Integer age, @Nullable Integer children,
                              @Nullable Boolean pets, @Nullable Boolean substanceUse, @Nullable Boolean wheelchair,
                              @Nullable String language) {
        static final IntakeFacts UNKNOWN = new IntakeFacts(null, null, null, null, null, null, null);
    }

    /**
     * An active hold on a program's list: the facility's staff see who is coming (referring organization, intake
     * facts, until when); the hold's own organization also sees its client and the arrival code.
     */
    @Serdeable
    public record IncomingHold(long id, long programId, HoldStatus status, Instant createdAt, Instant expiresAt,
                               @Nullable String referringOrganization, IntakeFacts needs, @Nullable Long clientId,
                               @Nullable String arrivalCode) {
    }

    /** A check-in at the door. */
    @Serdeable
    public record Arrival(@Nullable String arrivalCode) {
    }

    /** A refusal at the door, with its reason. */
    @Serdeable
    record Decline(@Nullable String reason) {
    }
}
