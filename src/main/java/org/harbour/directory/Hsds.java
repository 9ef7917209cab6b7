package org.harbour.directory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * The Open Referral Human Services Data Specification (HSDS) 3.1 objects Harbour publishes, with HSDS's own field
 * names. Each object has the fields HSDS 3.1 requires, and the foreign keys its tabular form requires too
 * (service.organization_id, service_capacity.service_id and unit_id, service_at_location.service_id and
 * location_id), so a directory may read it nested or as tables. Optional fields without a value are left out:
 * HSDS types them as strings or numbers, not null.
 */
final class Hsds {

    static final String VERSION = "3.1";

    private Hsds() {
    }

    /** The whole export: HSDS objects as tables, ids (UUIDs) linking them. */
    @Serdeable
    record Bundle(@JsonProperty("hsds_version") String hsdsVersion, String generated,
                  List<Organization> organizations, List<Service> services, List<Location> locations,
                  @JsonProperty("service_at_locations") List<ServiceAtLocation> serviceAtLocations) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Organization(String id, String name, String description) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Service(String id, @JsonProperty("organization_id") String organizationId, String name,
                   String description, String status,
                   @Nullable @JsonProperty("eligibility_description") String eligibilityDescription,
                   @Nullable @JsonProperty("minimum_age") Integer minimumAge,
                   @Nullable @JsonProperty("maximum_age") Integer maximumAge,
                   @JsonProperty("last_modified") String lastModified,
                   List<Phone> phones, List<Language> languages,
                   @JsonProperty("service_areas") List<ServiceArea> serviceAreas,
                   List<ServiceCapacity> capacities) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Phone(String id, @JsonProperty("service_id") String serviceId, String number, String type,
                 String description) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Language(String id, @JsonProperty("service_id") String serviceId, String code) {
    }

    /** Where a service is for: the municipality and region, also for a service without a published location. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ServiceArea(String id, @JsonProperty("service_id") String serviceId, String name, String description) {
    }

    /** Beds or rooms free and not held now, of the ones in service, with the time the counts last changed. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ServiceCapacity(String id, @JsonProperty("service_id") String serviceId, Unit unit,
                           @JsonProperty("unit_id") String unitId, BigDecimal available, BigDecimal maximum,
                           String description, String updated) {
    }

    @Serdeable
    record Unit(String id, String name) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Location(String id, @JsonProperty("location_type") String locationType,
                    @JsonProperty("organization_id") String organizationId, String name, List<Address> addresses) {
    }

    /** HSDS requires postal_code; Harbour keeps one address line, so it is the postal code found there, or empty. */
    @Serdeable
    record Address(String id, @JsonProperty("location_id") String locationId,
                   @JsonProperty("address_1") String address1, String city,
                   @JsonProperty("state_province") String stateProvince,
                   @JsonProperty("postal_code") String postalCode, String country,
                   @JsonProperty("address_type") String addressType) {
    }

    @Serdeable
    record ServiceAtLocation(String id, @JsonProperty("service_id") String serviceId,
                             @JsonProperty("location_id") String locationId) {
    }
}
