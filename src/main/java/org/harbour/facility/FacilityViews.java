package org.harbour.facility;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

final class FacilityViews {

    private FacilityViews() {
    }

    /** {@code address} is null for a confidential facility unless the caller is ADMIN or its staff. */
    @Serdeable
    record FacilityView(long id, String name, String organization, String regionCode, String municipality,
                        String timeZone, @Nullable String address, boolean confidential,
                        @Nullable String intakePhone, IntakeHours intakeHours, List<ProgramView> programs) {
    }

    @Serdeable
    record ProgramView(long id, long facilityId, String name, ProgramType type, Population population,
                       CapacityType capacityType, int capacity, @Nullable Integer maxStayDays,
                       @Nullable BigDecimal nightlyCost, Eligibility eligibility) {

        static ProgramView of(Program p) {
            return new ProgramView(p.id(), p.facilityId(), p.name(), p.type(), p.population(), p.capacityType(),
                    p.capacity(), p.maxStayDays(), p.nightlyCost(), p.eligibility());
        }
    }
}
