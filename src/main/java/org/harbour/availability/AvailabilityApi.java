package org.harbour.availability;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable.Deserializable;
import io.micronaut.serde.annotation.Serdeable;
import org.harbour.problem.StrictInteger;

/** What the availability routes take and answer. */
public final class AvailabilityApi {

    private AvailabilityApi() {
    }

    @Serdeable
    record CountsReport(@Nullable @Deserializable(using = StrictInteger.class) Integer available,
                        @Nullable @Deserializable(using = StrictInteger.class) Integer outOfService,
                        @Nullable Long version) {
    }
}
