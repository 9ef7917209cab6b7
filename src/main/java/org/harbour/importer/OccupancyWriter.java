package org.harbour.importer;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.harbour.availability.ImportedHistory.ImportedNight;
import org.harbour.availability.ImportedHistory;
import org.harbour.facility.ExternalPlace.Service;
import org.harbour.facility.ExternalPlace.Site;
import org.harbour.facility.ImportedPlaces;
import org.harbour.facility.PlaceImports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes imported nights: the facilities and programs they belong to through the facility feature, one history
 * row per program and night through the availability feature, each chunk in one transaction.
 */
@Singleton
class OccupancyWriter {

    static final String CHANGED_BY = "import:toronto-occupancy";
    static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    static final String REGION = "ON-CENTRAL";
    // Toronto counts a night as it stands at 04:00 the next morning; 23:00 is inside that night whatever the DST.
    static final LocalTime COUNTED_AT = LocalTime.of(23, 0);

    private final PlaceImports placeImports;
    private final ImportedHistory history;
    private final Clock clock;

    OccupancyWriter(PlaceImports placeImports, ImportedHistory history, Clock clock) {
        this.placeImports = placeImports;
        this.history = history;
        this.clock = clock;
    }

    /** The facilities and programs of a new import. */
    ImportedPlaces places() {
        return placeImports.begin(OccupancyNight.Location.REF_PREFIX, OccupancyNight.ProgramSpec.REF_PREFIX);
    }

    @Transactional
    void write(List<OccupancyNight> nights, ImportedPlaces places) {
        Instant now = clock.instant();
        List<ImportedNight> rows = new ArrayList<>(nights.size());
        for (OccupancyNight night : nights) {
            long programId = places.programId(site(night.location()), service(night.program()),
                    night.counts().capacity(), night.night(), now);
            var counts = night.counts();
            rows.add(new ImportedNight(programId, counts.capacity(), counts.available(), counts.outOfService(),
                    counts.occupied(), night.night().atTime(COUNTED_AT).atZone(TORONTO).toInstant(),
                    night.night(), // the night it counts for: D 23:00 local is inside night D
                    night.importKey()));
        }
        history.upsert(rows, CHANGED_BY);
    }

    @Transactional
    void finish(ImportedPlaces places) {
        places.refresh(clock.instant());
    }

    private static Site site(OccupancyNight.Location location) {
        return new Site(location.externalRef(), location.name(), location.organization(), location.municipality(),
                location.address(), REGION, TORONTO.getId());
    }

    private static Service service(OccupancyNight.ProgramSpec program) {
        return new Service(program.externalRef(), program.name(), program.type(), program.population(),
                program.capacityType(), TorontoEligibility.of(program.population()));
    }
}
