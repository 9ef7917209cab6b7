package org.harbour.facility;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;

/** What other features need to know of a program: where it is, what kind, and what a night costs. */
public record ProgramRef(
        long id,
        String name,
        long facilityId,
        String facilityName,
        ProgramType type,
        String regionCode,
        @Nullable BigDecimal nightlyCost) {
}
