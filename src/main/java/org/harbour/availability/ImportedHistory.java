package org.harbour.availability;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Nights imported from outside sources (open data): one availability_history row per program and night, upserted
 * by import key in JDBC batches. No live count row is created: imported history is for funders' reports, not for
 * the live board or search. Imports write history through here; availability owns the table.
 */
@Singleton
public class ImportedHistory {

    static final int BATCH = 1000;

    // A later file may correct a night: its counts replace the old ones; the same file changes nothing.
    private static final String UPSERT = """
            INSERT INTO availability_history (program_id, capacity, available, held, out_of_service, occupied, version,
                                              changed_at, changed_by, source, import_key, night)
            VALUES (?, ?, ?, 0, ?, ?, 0, ?, ?, 'IMPORT', ?, ?)
            ON DUPLICATE KEY UPDATE capacity = VALUES(capacity), available = VALUES(available),
                out_of_service = VALUES(out_of_service), occupied = VALUES(occupied), night = VALUES(night)
            """;

    /** One program's counts for one night, as the source reported them, counted at {@code countedAt}. */
    public record ImportedNight(long programId, int capacity, int available, int outOfService, int occupied,
                                Instant countedAt, LocalDate night, String importKey) {
    }

    private final JdbcOperations jdbc;

    ImportedHistory(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the nights in the caller's transaction, {@value #BATCH} rows per batch. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void upsert(List<ImportedNight> nights, String changedBy) {
        jdbc.prepareStatement(UPSERT, history -> {
            int batched = 0;
            for (ImportedNight night : nights) {
                bind(history, night, changedBy);
                history.addBatch();
                if (++batched == BATCH) {
                    history.executeBatch();
                    batched = 0;
                }
            }
            if (batched > 0) {
                history.executeBatch();
            }
            return null;
        });
    }

    private static void bind(PreparedStatement history, ImportedNight night, String changedBy) throws SQLException {
        history.setLong(1, night.programId());
        history.setInt(2, night.capacity());
        history.setInt(3, night.available());
        history.setInt(4, night.outOfService());
        history.setInt(5, night.occupied());
        history.setTimestamp(6, Timestamp.from(night.countedAt()));
        history.setString(7, changedBy);
        history.setString(8, night.importKey());
        history.setObject(9, night.night());
    }
}
