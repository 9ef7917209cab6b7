package org.harbour.availability;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.harbour.platform.MultiStatements;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The statements behind every count change: the guarded UPDATE, its history row and the view read, sent as
 * one packet so the count row is locked for that round trip and the commit's only. Used by the ledger alone.
 */
@Singleton
class CountWrites {

    /** The counts as they now stand, with the capacity in force and the night they count for (see {@link Nights}). */
    private static final String HISTORY = """
            INSERT INTO availability_history
                   (program_id, capacity, available, held, out_of_service, occupied, version, changed_at, changed_by,
                    source, night)
            SELECT a.program_id, p.capacity, a.available, a.held, a.out_of_service,
                   GREATEST(0, p.capacity - a.available - a.out_of_service), a.version, ?, ?, ?, ?
              FROM availability a JOIN programs p ON p.id = a.program_id
             WHERE a.program_id = ?""";

    /**
     * Appended last to a guarded UPDATE's WHERE: keeps what was bookable before the change (the WHERE sees the
     * row as it was), so the ledger can tell whether the change freed a bed without another read.
     */
    static final String KEEP_BOOKABLE_BEFORE = " AND (@harbour_bookable_before := GREATEST(0, a.available - a.held)) >= 0";

    private static final String SELECT_CHANGED = Counts.selectOneWith("@harbour_bookable_before AS bookable_before");

    private final JdbcOperations jdbc;
    private final AvailabilityRows rows;

    CountWrites(JdbcOperations jdbc, AvailabilityRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    /** A changed program's counts, and whether the change made more beds bookable than before. */
    record Changed(AvailabilityView view, boolean freedBeds) {
    }

    /** Binds a guarded UPDATE's parameters; answers the index of the first parameter after them. */
    interface UpdateBinder {
        int bind(PreparedStatement statement) throws SQLException;
    }

    /** The program's facility and zone, in one read; empty when there is no such program. */
    Optional<CountedProgram> counted(long programId) {
        return jdbc.prepareStatement("SELECT p.facility_id, f.time_zone FROM programs p"
                + " JOIN facilities f ON f.id = p.facility_id WHERE p.id = ?", statement -> {
                    statement.setLong(1, programId);
                    try (ResultSet rs = statement.executeQuery()) {
                        return rs.next() ? Optional.of(new CountedProgram(programId, rs.getLong(1), zone(rs.getString(2))))
                                : Optional.empty();
                    }
                });
    }

    private static ZoneId zone(String name) {
        try {
            return name == null ? ZoneOffset.UTC : ZoneId.of(name);
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC; // reports count an unknown zone as UTC too
        }
    }

    /**
     * The guarded UPDATE (its WHERE ending with {@link #KEEP_BOOKABLE_BEFORE}), its history row and the view
     * read. The history row is written only if the UPDATE changed the row (ROW_COUNT() is the statement
     * before's). Empty when the guard failed.
     */
    Optional<Changed> change(String guardedUpdate, UpdateBinder binder, CountedProgram program, Instant now, String by,
                             String source) {
        return Optional.ofNullable(jdbc.prepareStatement(guardedUpdate + ";\n" + HISTORY + " AND ROW_COUNT() > 0;\n"
                + SELECT_CHANGED, statement -> {
            int next = binder.bind(statement);
            next = bindHistory(statement, next, program, now, by, source);
            statement.setLong(next, program.programId());
            statement.execute(); // the UPDATE's count comes first
            if (statement.getUpdateCount() == 0) {
                return null;
            }
            try (ResultSet rs = MultiStatements.queryAfter(statement)) {
                rs.next();
                AvailabilityView view = rows.map(rs, now);
                return new Changed(view, view.bookable() > rs.getInt("bookable_before"));
            }
        }));
    }

    /** A change that cannot fail (a new program, a new capacity): its history row and view read, together. */
    AvailabilityView record(CountedProgram program, Instant now, String by, String source) {
        return jdbc.prepareStatement(HISTORY + ";\n" + Counts.SELECT_ONE, statement -> {
            statement.setLong(bindHistory(statement, 1, program, now, by, source), program.programId());
            try (ResultSet rs = MultiStatements.execute(statement)) {
                rs.next();
                return rows.map(rs, now);
            }
        });
    }

    private static int bindHistory(PreparedStatement statement, int first, CountedProgram program, Instant now,
                                   String by, String source) throws SQLException {
        statement.setTimestamp(first, Timestamp.from(now));
        statement.setString(first + 1, by);
        statement.setString(first + 2, source);
        statement.setObject(first + 3, Nights.of(now, program.zone()));
        statement.setLong(first + 4, program.programId());
        return first + 5;
    }
}
