package org.harbour.directory;

import org.harbour.facility.CapacityType;
import org.harbour.facility.Population;
import org.harbour.facility.ProgramType;
import org.harbour.facility.SubstancePolicy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A program's type, population and rules in plain English, for a directory's reader (HSDS descriptions). */
final class ProgramWords {

    private ProgramWords() {
    }

    static String type(String type) {
        return switch (ProgramType.valueOf(type)) {
            case EMERGENCY_SHELTER -> "Emergency shelter";
            case DV_SHELTER -> "Shelter for people fleeing violence";
            case YOUTH_SHELTER -> "Youth shelter";
            case SAFE_HOUSE -> "Safe house";
            case HOTEL_MOTEL -> "Hotel or motel program";
            case TRANSITIONAL_HOUSING -> "Transitional housing";
            case DETOX -> "Withdrawal management (detox)";
            case TREATMENT -> "Treatment";
            case RESPITE -> "Respite site";
        };
    }

    static String population(String population) {
        return switch (Population.valueOf(population)) {
            case WOMEN -> "women";
            case MEN -> "men";
            case MIXED_ADULT -> "adults";
            case YOUTH -> "youth";
            case FAMILIES -> "families";
        };
    }

    static String units(String capacityType, int count) {
        String unit = switch (CapacityType.valueOf(capacityType)) {
            case BED -> "bed";
            case ROOM -> "room";
        };
        return count == 1 ? unit : unit + "s";
    }

    /** Who is taken: the eligibility a caller needs to know before the drive (DESIGN.md, field research). */
    static String eligibility(ResultSet rs) throws SQLException {
        List<String> parts = new ArrayList<>();
        parts.add("genders: " + rs.getString("genders").replace(",", ", ").replace('_', ' ').toLowerCase());
        parts.add(rs.getBoolean("accepts_children") ? "children welcome" : "no children");
        parts.add(rs.getBoolean("accepts_pets") ? "pets welcome" : "no pets");
        parts.add(switch (SubstancePolicy.valueOf(rs.getString("substance_use"))) {
            case SOBRIETY_REQUIRED -> "sobriety required";
            case HARM_REDUCTION -> "harm reduction";
            case ALLOWED -> "substance use allowed";
        });
        if (rs.getBoolean("wheelchair_accessible")) {
            parts.add("wheelchair accessible");
        }
        if (rs.getBoolean("trafficking_specialized")) {
            parts.add("specialized for survivors of trafficking");
        }
        String culture = rs.getString("culturally_specific");
        if (culture != null) {
            parts.add("culturally specific: " + culture.toLowerCase().replace("2slgbtq", "2SLGBTQ"));
        }
        return String.join("; ", parts) + ".";
    }
}
