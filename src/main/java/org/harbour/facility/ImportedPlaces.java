package org.harbour.facility;

import io.micronaut.core.annotation.Nullable;
import org.harbour.facility.ExternalPlace.Service;
import org.harbour.facility.ExternalPlace.Site;
import org.harbour.organization.Organizations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The facilities and programs of one import, by external reference. Existing ones are read once at the start, new
 * ones inserted when first met, and at the end each is brought to its latest night in the import with batched
 * updates of only what changed, so importing the same file again writes nothing. Not thread-safe: one per import.
 */
public final class ImportedPlaces {

    record FacilityRow(long id, String name, long organizationId, String municipality, @Nullable String address) {
    }

    record ProgramRow(long id, long facilityId, String name, String type, String population, String capacityType,
                      int capacity) {
    }

    /** A site or service as its latest night in the import describes it. */
    private record Latest<T>(LocalDate night, Site site, T place) {
    }

    private final PlaceRows rows;
    private final Organizations organizations;
    private final String siteRefPrefix;
    private final String serviceRefPrefix;
    private final Map<String, Long> organizationIds = new HashMap<>();
    private final Map<String, FacilityRow> facilities = new HashMap<>();
    private final Map<String, ProgramRow> programs = new HashMap<>();
    private final Map<String, Latest<Site>> latestOfSite = new HashMap<>();
    private final Map<String, Latest<Service>> latestOfService = new HashMap<>();
    private boolean loaded;

    ImportedPlaces(PlaceRows rows, Organizations organizations, String siteRefPrefix, String serviceRefPrefix) {
        this.rows = rows;
        this.organizations = organizations;
        this.siteRefPrefix = siteRefPrefix;
        this.serviceRefPrefix = serviceRefPrefix;
    }

    /** The program's id; the program (and its facility) is created the first time any import meets it. */
    public long programId(Site site, Service service, int capacity, LocalDate night, Instant now) {
        if (!loaded) {
            organizationIds.putAll(organizations.idsByName());
            facilities.putAll(rows.facilities(siteRefPrefix));
            programs.putAll(rows.programs(serviceRefPrefix));
            loaded = true;
        }
        latestOfSite.merge(site.externalRef(), new Latest<>(night, site, site), ImportedPlaces::later);
        latestOfService.merge(service.externalRef(), new Latest<>(night, site, service), ImportedPlaces::later);
        FacilityRow facility = facilities.get(site.externalRef());
        if (facility == null) {
            long id = rows.insertFacility(facilityRow(0, site), site, now);
            facility = facilityRow(id, site);
            facilities.put(site.externalRef(), facility);
        }
        ProgramRow program = programs.get(service.externalRef());
        if (program == null) {
            // eligibility is set here only: an ADMIN's refinement (PUT /api/programs/{id}) survives the next import
            long id = rows.insertProgram(programRow(0, facility.id(), service, capacity), service, now);
            program = programRow(id, facility.id(), service, capacity);
            programs.put(service.externalRef(), program);
        }
        return program.id();
    }

    /**
     * After the last row: names and places as of each one's latest night in the import, and each program's
     * capacity as of its latest night in the database (so an older file imported later does not turn it back).
     */
    public void refresh(Instant now) {
        List<FacilityRow> changedFacilities = new ArrayList<>();
        for (Latest<Site> latest : latestOfSite.values()) {
            FacilityRow current = facilities.get(latest.site().externalRef());
            FacilityRow wanted = facilityRow(current.id(), latest.site());
            if (!wanted.equals(current)) {
                changedFacilities.add(wanted);
            }
        }
        rows.updateFacilities(changedFacilities, now);
        Map<Long, Integer> capacities = rows.latestCapacities(latestOfService.values().stream()
                .map(latest -> programs.get(latest.place().externalRef()).id()).toList());
        List<ProgramRow> changedPrograms = new ArrayList<>();
        for (Latest<Service> latest : latestOfService.values()) {
            ProgramRow current = programs.get(latest.place().externalRef());
            long facilityId = facilities.get(latest.site().externalRef()).id();
            ProgramRow wanted = programRow(current.id(), facilityId, latest.place(),
                    capacities.getOrDefault(current.id(), current.capacity()));
            if (!wanted.equals(current)) {
                changedPrograms.add(wanted);
            }
        }
        rows.updatePrograms(changedPrograms, now);
    }

    private FacilityRow facilityRow(long id, Site site) {
        Long organizationId = organizationIds.get(site.organization());
        if (organizationId == null) {
            organizationId = organizations.idFor(site.organization());
            organizationIds.put(site.organization(), organizationId);
        }
        return new FacilityRow(id, site.name(), organizationId, site.municipality(), site.address());
    }

    private static ProgramRow programRow(long id, long facilityId, Service service, int capacity) {
        return new ProgramRow(id, facilityId, service.name(), service.type().name(), service.population().name(),
                service.capacityType().name(), capacity);
    }

    private static <T> Latest<T> later(Latest<T> old, Latest<T> next) {
        return next.night().isBefore(old.night()) ? old : next;
    }
}
