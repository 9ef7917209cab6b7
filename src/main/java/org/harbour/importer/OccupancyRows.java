package org.harbour.importer;

import org.apache.commons.csv.CSVRecord;
import org.harbour.facility.CapacityType;
import org.harbour.facility.Population;
import org.harbour.facility.ProgramType;
import org.harbour.importer.OccupancyNight.Counts;
import org.harbour.importer.OccupancyNight.Location;
import org.harbour.importer.OccupancyNight.ProgramSpec;

import java.util.List;
import java.util.Map;

/** Maps a row of Toronto's "Daily Shelter & Overnight Service Occupancy & Capacity" file (API.md "Importing open data"). */
final class OccupancyRows {

    static final String WHAT = "Toronto daily shelter occupancy file";

    static final List<String> COLUMNS = List.of("OCCUPANCY_DATE", "ORGANIZATION_NAME", "SHELTER_GROUP", "LOCATION_ID",
            "LOCATION_NAME", "LOCATION_ADDRESS", "LOCATION_CITY", "PROGRAM_ID", "PROGRAM_NAME", "SECTOR", "PROGRAM_MODEL",
            "OVERNIGHT_SERVICE_TYPE", "CAPACITY_TYPE",
            "CAPACITY_ACTUAL_BED", "OCCUPIED_BEDS", "UNOCCUPIED_BEDS", "UNAVAILABLE_BEDS",
            "CAPACITY_ACTUAL_ROOM", "OCCUPIED_ROOMS", "UNOCCUPIED_ROOMS", "UNAVAILABLE_ROOMS");

    private static final Map<String, Population> SECTORS = Map.of(
            "Families", Population.FAMILIES, "Mixed Adult", Population.MIXED_ADULT, "Men", Population.MEN,
            "Women", Population.WOMEN, "Youth", Population.YOUTH);

    private static final Map<String, CapacityType> CAPACITY_TYPES = Map.of(
            "Bed Based Capacity", CapacityType.BED, "Room Based Capacity", CapacityType.ROOM);

    // Every location in the file is in the City of Toronto; a few rows leave LOCATION_CITY empty.
    private static final String DEFAULT_MUNICIPALITY = "Toronto";

    private OccupancyRows() {
    }

    static OccupancyNight map(CSVRecord row, int columns) throws BadRow {
        if (row.size() != columns) {
            throw new BadRow("expected " + columns + " columns, found " + row.size());
        }
        var night = BadRow.date("OCCUPANCY_DATE", row.get("OCCUPANCY_DATE"));
        String city = row.get("LOCATION_CITY");
        var location = new Location(
                BadRow.required("LOCATION_ID", row.get("LOCATION_ID"), 40),
                BadRow.required("LOCATION_NAME", locationName(row), 200),
                BadRow.required("ORGANIZATION_NAME", row.get("ORGANIZATION_NAME"), 200),
                city == null || city.isBlank() ? DEFAULT_MUNICIPALITY : BadRow.required("LOCATION_CITY", city, 100),
                optional("LOCATION_ADDRESS", row.get("LOCATION_ADDRESS"), 300));
        String sector = row.get("SECTOR");
        Population population = SECTORS.get(sector == null ? "" : sector.trim());
        if (population == null) {
            throw new BadRow("unknown SECTOR '" + BadRow.shorten(String.valueOf(sector)) + "'");
        }
        String capacityColumn = row.get("CAPACITY_TYPE");
        CapacityType capacityType = CAPACITY_TYPES.get(capacityColumn == null ? "" : capacityColumn.trim());
        if (capacityType == null) {
            throw new BadRow("unknown CAPACITY_TYPE '" + BadRow.shorten(String.valueOf(capacityColumn)) + "'");
        }
        var program = new ProgramSpec(
                BadRow.required("PROGRAM_ID", row.get("PROGRAM_ID"), 40),
                BadRow.required("PROGRAM_NAME", row.get("PROGRAM_NAME"), 200),
                population,
                type(row.get("OVERNIGHT_SERVICE_TYPE"), row.get("PROGRAM_MODEL"), population),
                capacityType);
        return new OccupancyNight(night, location, program, counts(row, capacityType));
    }

    /**
     * Toronto leaves LOCATION_NAME (and the address) empty where a location is not disclosed (a women's
     * shelter such as Nellie's): the shelter group, or failing that the organization, names the facility.
     */
    private static String locationName(CSVRecord row) {
        for (String column : List.of("LOCATION_NAME", "SHELTER_GROUP", "ORGANIZATION_NAME")) {
            String value = row.get(column);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** API.md: the first rule that applies. */
    static ProgramType type(String overnightServiceType, String programModel, Population population) {
        String service = overnightServiceType == null ? "" : overnightServiceType.trim();
        if (service.equals("Motel/Hotel Shelter")) {
            return ProgramType.HOTEL_MOTEL;
        }
        if (service.equals("24-Hour Respite Site")) {
            return ProgramType.RESPITE;
        }
        if (programModel != null && programModel.trim().equals("Transitional")) {
            return ProgramType.TRANSITIONAL_HOUSING;
        }
        return population == Population.YOUTH ? ProgramType.YOUTH_SHELTER : ProgramType.EMERGENCY_SHELTER;
    }

    /** Bed-based rows fill the *_BED(S) columns, room-based rows the *_ROOM(S) columns; the others are empty. */
    private static Counts counts(CSVRecord row, CapacityType type) throws BadRow {
        String unit = type == CapacityType.BED ? "BED" : "ROOM";
        int actual = BadRow.count("CAPACITY_ACTUAL_" + unit, row.get("CAPACITY_ACTUAL_" + unit));
        int occupied = BadRow.count("OCCUPIED_" + unit + "S", row.get("OCCUPIED_" + unit + "S"));
        int unoccupied = BadRow.count("UNOCCUPIED_" + unit + "S", row.get("UNOCCUPIED_" + unit + "S"));
        int unavailable = unavailable(row, "UNAVAILABLE_" + unit + "S");
        // Reports rely on occupied = capacity - available - outOfService, as for live counts.
        if ((long) occupied + unoccupied != actual) {
            throw new BadRow("OCCUPIED_" + unit + "S + UNOCCUPIED_" + unit + "S (" + ((long) occupied + unoccupied)
                    + ") differs from CAPACITY_ACTUAL_" + unit + " (" + actual + ")");
        }
        long capacity = (long) actual + unavailable;
        if (capacity > Integer.MAX_VALUE) {
            throw new BadRow("CAPACITY_ACTUAL_" + unit + " + UNAVAILABLE_" + unit + "S is too large");
        }
        return new Counts((int) capacity, unoccupied, unavailable, occupied);
    }

    /**
     * UNAVAILABLE is CAPACITY_FUNDING - CAPACITY_ACTUAL: negative when a program runs above its funded capacity
     * (Friends of Ruby has 6 beds funded for 5, UNAVAILABLE_BEDS -1 on every night). Then no bed is out of
     * service and capacity is the actual capacity, so capacity - outOfService stays Toronto's actual capacity.
     */
    private static int unavailable(CSVRecord row, String column) throws BadRow {
        String value = row.get(column);
        try {
            if (value != null && Integer.parseInt(value.trim()) < 0) {
                return 0;
            }
        } catch (NumberFormatException e) {
            // BadRow.count reports it
        }
        return BadRow.count(column, value);
    }

    private static String optional(String column, String value, int maxLength) throws BadRow {
        return value == null || value.isBlank() ? null : BadRow.required(column, value, maxLength);
    }
}
