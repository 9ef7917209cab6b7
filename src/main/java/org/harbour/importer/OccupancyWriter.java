package org.harbour.importer;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.harbour.security.Organizations;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Writes imported nights: one availability_history row per program and night, upserted by import_key in JDBC
 * batches, with the facilities and programs they belong to (TorontoPlaces). No live availability row is created:
 * imported history is for funders' reports, not for the live board or search.
 */
@Singleton
class OccupancyWriter {

    static final String CHANGED_BY = "import:toronto-occupancy";
    static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    // Toronto counts a night as it stands at 04:00 the next morning; 23:00 is inside that night whatever the DST.
    static final LocalTime COUNTED_AT = LocalTime.of(23, 0);
    static final int BATCH = 1000;

    // A later file may correct a night: its counts replace the old ones; the same file changes nothing.
    private static final String UPSERT_HISTORY = """
            INSERT INTO availability_history (program_id, capacity, available, held, out_of_service, occupied, version,
                                              changed_at, changed_by, source, import_key, night)
            VALUES (?, ?, ?, 0, ?, ?, 0, ?, '%s', 'IMPORT', ?, ?)
            ON DUPLICATE KEY UPDATE capacity = VALUES(capacity), available = VALUES(available),
                out_of_service = VALUES(out_of_service), occupied = VALUES(occupied), night = VALUES(night)
            """.formatted(CHANGED_BY);

    private final JdbcOperations jdbc;
    private final Organizations organizations;
    private final Clock clock;

    OccupancyWriter(JdbcOperations jdbc, Organizations organizations, Clock clock) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** The facilities and programs of a new import. */
    TorontoPlaces places() {
        return new TorontoPlaces(organizations);
    }

    @Transactional
    void write(List<OccupancyNight> nights, TorontoPlaces places) {
        Instant now = clock.instant();
        jdbc.execute(connection -> {
            try (PreparedStatement history = connection.prepareStatement(UPSERT_HISTORY)) {
                int batched = 0;
                for (OccupancyNight night : nights) {
                    bindHistory(history, night, places.programId(connection, night, now));
                    history.addBatch();
                    if (++batched == BATCH) {
                        history.executeBatch();
                        batched = 0;
                    }
                }
                if (batched > 0) {
                    history.executeBatch();
                }
            }
            return null;
        });
    }

    @Transactional
    void finish(TorontoPlaces places) {
        Instant now = clock.instant();
        jdbc.execute(connection -> {
            places.refresh(connection, now);
            return null;
        });
    }

    private static void bindHistory(PreparedStatement history, OccupancyNight night, long programId) throws SQLException {
        var counts = night.counts();
        history.setLong(1, programId);
        history.setInt(2, counts.capacity());
        history.setInt(3, counts.available());
        history.setInt(4, counts.outOfService());
        history.setInt(5, counts.occupied());
        history.setTimestamp(6, Timestamp.from(night.night().atTime(COUNTED_AT).atZone(TORONTO).toInstant()));
        history.setString(7, night.importKey());
        history.setObject(8, night.night()); // the night it counts for: D 23:00 local is inside night D
    }
}
