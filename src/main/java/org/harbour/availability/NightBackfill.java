package org.harbour.availability;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Async;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.harbour.platform.SqlQuery;
import org.harbour.platform.TransactionRetries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Stores the night of history rows written before V16 (or by hand, as the demo data and some tests do),
 * in the background after start so it never delays /health; reports compute a missing night themselves
 * meanwhile, with the same rule (NightCutoffs), so the figures do not change when it is filled.
 */
@Singleton
public class NightBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(NightBackfill.class);
    private static final int BATCH = 5_000;

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final TransactionRetries retries;

    NightBackfill(JdbcOperations jdbc, TransactionOperations<Connection> transactions, TransactionRetries retries) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.retries = retries;
    }

    @EventListener
    @Async(TaskExecutors.BLOCKING)
    void onStartup(ServerStartupEvent event) {
        try {
            int filled = fill();
            if (filled > 0) {
                LOG.info("Stored the night of {} older availability history rows", filled);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not store the nights of older history rows (reports compute them): {}",
                    e.getClass().getSimpleName());
        }
    }

    /**
     * Fills every missing night, a batch of rows per statement (each its own short transaction). The rows
     * are picked by a plain read and updated by id, so only they are locked, never the table's new rows.
     */
    public int fill() {
        Instant[] range = transactions.executeRead(status -> jdbc.prepareStatement(
                "SELECT MIN(changed_at), MAX(changed_at) FROM availability_history WHERE night IS NULL", statement -> {
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        Timestamp min = rs.getTimestamp(1);
                        return min == null ? null : new Instant[]{min.toInstant(), rs.getTimestamp(2).toInstant()};
                    }
                }));
        if (range == null) {
            return 0;
        }
        Set<ZoneId> zones = new LinkedHashSet<>();
        transactions.executeRead(status -> jdbc.prepareStatement("SELECT DISTINCT time_zone FROM facilities", statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    try {
                        zones.add(ZoneId.of(rs.getString(1)));
                    } catch (DateTimeException | NullPointerException unknown) {
                        // counted as UTC, as the report does
                    }
                }
            }
            return null;
        }));
        int total = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = transactions.executeRead(status -> jdbc.prepareStatement("SELECT id FROM availability_history WHERE night IS NULL AND id > ?"
                    + " ORDER BY id LIMIT " + BATCH, statement -> {
                statement.setLong(1, from);
                List<Long> found = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getLong(1));
                    }
                }
                return found;
            }));
            if (ids.isEmpty()) {
                return total;
            }
            SqlQuery s = new SqlQuery().add("UPDATE availability_history h JOIN programs p ON p.id = h.program_id"
                    + " JOIN facilities f ON f.id = p.facility_id SET h.night = FROM_DAYS(");
            NightCutoffs.night(s, "f.time_zone", "h.changed_at", zones, range[0], range[1].plusSeconds(1));
            s.add(") WHERE h.night IS NULL AND h.id IN (" + String.join(",", ids.stream().map(String::valueOf).toList())
                    + ")");
            total += retries.write(status -> jdbc.prepareStatement(s.sql(), statement -> {
                s.bind(statement);
                return statement.executeUpdate();
            }));
            after = ids.get(ids.size() - 1);
        }
    }
}
