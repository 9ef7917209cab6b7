package org.harbour.importer;

import io.micronaut.core.annotation.Nullable;
import org.harbour.facility.CapacityType;
import org.harbour.facility.Population;
import org.harbour.facility.ProgramType;

import java.time.LocalDate;

/** One row of Toronto's daily occupancy file: one program's counts for one night, and where it is. */
record OccupancyNight(LocalDate night, Location location, ProgramSpec program, Counts counts) {

    /** A LOCATION_ID: becomes a facility. */
    record Location(String id, String name, String organization, String municipality, @Nullable String address) {

        static final String REF_PREFIX = "toronto-location:";

        String externalRef() {
            return REF_PREFIX + id;
        }
    }

    /** A PROGRAM_ID: becomes a program. */
    record ProgramSpec(String id, String name, Population population, ProgramType type, CapacityType capacityType) {

        static final String REF_PREFIX = "toronto-program:";

        String externalRef() {
            return REF_PREFIX + id;
        }
    }

    /** In Harbour's terms: capacity includes the out-of-service beds, as a live program's does. */
    record Counts(int capacity, int available, int outOfService, int occupied) {
    }

    /** The history row's natural key: the same program and night imported again is the same row. */
    String importKey() {
        return "toronto:" + program.id() + ":" + night;
    }
}
