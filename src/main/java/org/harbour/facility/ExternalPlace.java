package org.harbour.facility;

import io.micronaut.core.annotation.Nullable;

/**
 * A facility and program as an outside source (open data) describes them, keyed by the source's own
 * references: what {@link PlaceImports} turns into Harbour facilities and programs.
 */
public final class ExternalPlace {

    private ExternalPlace() {
    }

    /** A site: becomes a facility (never confidential: open data names only public sites). */
    public record Site(String externalRef, String name, String organization, String municipality,
                       @Nullable String address, String regionCode, String timeZone) {
    }

    /** A service at a site: becomes a program with the eligibility the source implies. */
    public record Service(String externalRef, String name, ProgramType type, Population population,
                          CapacityType capacityType, Eligibility rules) {
    }
}
