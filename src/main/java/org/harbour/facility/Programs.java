package org.harbour.facility;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.Optional;

/** The facility feature's read API for programs: other features ask here, never the tables. */
@Singleton
public class Programs {

    private final JdbcOperations jdbc;
    private final ProgramRepository programs;

    Programs(JdbcOperations jdbc, ProgramRepository programs) {
        this.jdbc = jdbc;
        this.programs = programs;
    }

    /** The program with its facility's name and region, in one read. */
    public Optional<ProgramRef> find(long programId) {
        return jdbc.prepareStatement("""
                SELECT p.id, p.name, p.facility_id, f.name, p.type, f.region_code, p.nightly_cost
                  FROM programs p JOIN facilities f ON f.id = p.facility_id
                 WHERE p.id = ?""", statement -> {
            statement.setLong(1, programId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(new ProgramRef(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getString(4), ProgramType.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getBigDecimal(7))) : Optional.empty();
            }
        });
    }

    /** Just the program's facility, without mapping the whole program. */
    public Optional<Long> facilityIdOf(long programId) {
        return programs.findFacilityIdById(programId);
    }

    /** The program's eligibility rules (what the search and the waitlist's offers apply). */
    public Optional<Eligibility> eligibilityOf(long programId) {
        return programs.findById(programId).map(Program::eligibility);
    }

    public boolean exists(long programId) {
        return programs.existsById(programId);
    }
}
