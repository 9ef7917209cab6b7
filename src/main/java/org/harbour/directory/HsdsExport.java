package org.harbour.directory;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every program as an HSDS 3.1 service, for 211 directories (issue 19). A directory is public, so the export is the
 * same whoever asks, an ADMIN included: a confidential facility's address never leaves the database (the statement
 * reads NULL in its place), and its programs are listed as services with their intake phone and service area but no
 * location, no service_at_location and no facility name: a safe house has no place in a public directory. A facility
 * without an address (Toronto's undisclosed sites among them) has no location either.
 */
@Singleton
@ReadOnly // one snapshot for the whole export
class HsdsExport {

    private static final String PROGRAMS = """
            SELECT p.id AS program_id, p.name AS program_name, p.type, p.population, p.capacity_type, p.capacity,
                   p.min_age, p.max_age, p.genders, p.accepts_children, p.accepts_pets, p.substance_use,
                   p.wheelchair_accessible, p.trafficking_specialized, p.culturally_specific, p.languages,
                   p.updated_at AS program_updated,
                   f.id AS facility_id, f.confidential, f.municipality, f.intake_phone, g.name AS region_name, g.province,
                   IF(f.confidential, NULL, f.name) AS facility_name,
                   IF(f.confidential, NULL, f.address) AS public_address,
                   o.id AS organization_id, o.name AS organization_name,
                   a.available, a.held, a.out_of_service, a.updated_at AS counts_updated
              FROM programs p
              JOIN facilities f ON f.id = p.facility_id
              JOIN organizations o ON o.id = f.organization_id
              JOIN regions g ON g.code = f.region_code
              LEFT JOIN availability a ON a.program_id = p.id
             ORDER BY o.id, f.id, p.id""";

    private final JdbcOperations jdbc;
    private final Clock clock;

    HsdsExport(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Hsds.Bundle run() {
        Map<Long, String> organizationNames = new LinkedHashMap<>();
        Map<Long, Integer> programsPerOrganization = new LinkedHashMap<>();
        Map<Long, Hsds.Location> locations = new LinkedHashMap<>();
        List<Hsds.Service> services = new ArrayList<>();
        List<Hsds.ServiceAtLocation> links = new ArrayList<>();
        jdbc.prepareStatement(PROGRAMS, statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long organization = rs.getLong("organization_id");
                    organizationNames.put(organization, rs.getString("organization_name"));
                    programsPerOrganization.merge(organization, 1, Integer::sum);
                    Hsds.Service service = service(rs);
                    services.add(service);
                    String address = rs.getString("public_address");
                    if (!rs.getBoolean("confidential") && address != null && !address.isBlank()) {
                        long facility = rs.getLong("facility_id");
                        String name = rs.getString("facility_name");
                        String city = rs.getString("municipality");
                        String province = rs.getString("province");
                        Hsds.Location location = locations.computeIfAbsent(facility,
                                id -> location(id, organization, name, address, city, province));
                        links.add(new Hsds.ServiceAtLocation(HsdsIds.of("service_at_location", rs.getLong("program_id")),
                                service.id(), location.id()));
                    }
                }
            }
            return null;
        });
        List<Hsds.Organization> organizations = new ArrayList<>();
        organizationNames.forEach((id, name) -> organizations.add(new Hsds.Organization(HsdsIds.of("organization", id),
                name, name + " runs " + programsPerOrganization.get(id)
                + (programsPerOrganization.get(id) == 1 ? " program" : " programs")
                + " of shelter, housing or recovery beds listed in Harbour.")));
        return new Hsds.Bundle(Hsds.VERSION, clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(), organizations,
                services, List.copyOf(locations.values()), links);
    }

    private static Hsds.Service service(ResultSet rs) throws SQLException {
        long program = rs.getLong("program_id");
        String id = HsdsIds.of("service", program);
        String where = rs.getString("municipality") + ", " + rs.getString("region_name");
        String facility = rs.getString("facility_name");
        String words = ProgramWords.type(rs.getString("type")) + " for " + ProgramWords.population(rs.getString("population"))
                + ", " + rs.getInt("capacity") + " " + ProgramWords.units(rs.getString("capacity_type"), rs.getInt("capacity"))
                + (facility == null ? " in " + where + " (confidential location: call intake)." : " at " + facility + ", " + where + ".");
        List<Hsds.Phone> phones = new ArrayList<>();
        String phone = rs.getString("intake_phone");
        if (phone != null && !phone.isBlank()) {
            phones.add(new Hsds.Phone(HsdsIds.of("phone", program), id, phone, "voice", "Intake"));
        }
        List<Hsds.Language> languages = new ArrayList<>();
        for (String code : rs.getString("languages").split(",")) {
            if (!code.isBlank()) {
                languages.add(new Hsds.Language(HsdsIds.of("language", program + ":" + code.trim()), id, code.trim()));
            }
        }
        List<Hsds.ServiceArea> areas = List.of(new Hsds.ServiceArea(HsdsIds.of("service_area", program), id,
                rs.getString("municipality"), where));
        return new Hsds.Service(id, HsdsIds.of("organization", rs.getLong("organization_id")),
                rs.getString("program_name"), words, "active", ProgramWords.eligibility(rs),
                (Integer) rs.getObject("min_age", Integer.class), (Integer) rs.getObject("max_age", Integer.class),
                instant(rs, "program_updated"), phones, languages, areas, capacities(rs, program, id));
    }

    /** None for a program without live counts (one imported from open data has history only). */
    private static List<Hsds.ServiceCapacity> capacities(ResultSet rs, long program, String serviceId) throws SQLException {
        Integer available = rs.getObject("available", Integer.class);
        if (available == null) {
            return List.of();
        }
        String capacityType = rs.getString("capacity_type");
        Hsds.Unit unit = new Hsds.Unit(HsdsIds.of("unit", capacityType), ProgramWords.units(capacityType, 1));
        int bookable = Math.max(0, available - rs.getInt("held"));
        int inService = rs.getInt("capacity") - rs.getInt("out_of_service");
        return List.of(new Hsds.ServiceCapacity(HsdsIds.of("service_capacity", program), serviceId, unit, unit.id(),
                BigDecimal.valueOf(bookable), BigDecimal.valueOf(inService),
                "Free and not held as of updated; maximum is the number in service.", instant(rs, "counts_updated")));
    }

    private static Hsds.Location location(long facility, long organization, String name, String address,
                                          String city, String province) {
        String id = HsdsIds.of("location", facility);
        Hsds.Address physical = new Hsds.Address(HsdsIds.of("address", facility), id, address, city, province,
                PostalCodes.find(address), "CA", "physical");
        return new Hsds.Location(id, "physical", HsdsIds.of("organization", organization), name, List.of(physical));
    }

    /** Millisecond accuracy, as HSDS asks, in UTC. */
    private static String instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime utc = rs.getObject(column, LocalDateTime.class);
        return utc.truncatedTo(ChronoUnit.MILLIS).toInstant(ZoneOffset.UTC).toString();
    }

}
