package org.harbour.retention;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.harbour.audit.AuditLog;
import org.harbour.client.ClientRecords;
import org.harbour.hold.HoldRecords;
import org.harbour.placement.PlacementRecords;
import org.harbour.platform.TransactionRetries;
import org.harbour.search.BedRequestRecords;
import org.harbour.waitlist.WaitlistRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes client records {@code harbour.retention.client-days} after the last trace of the person: her last
 * placement's end, and any later search, waitlist entry, hold or edit (a client still waiting, held or
 * placed is never due). What funders' reports read stays, de-identified: her placements and closed waitlist
 * entries are re-keyed to a fresh negative subject number (still one person's episodes and waits, naming
 * no one, mapped back by nothing); holds and searches lose their client link; the client row goes. So the
 * capacity and turnaway reports give the same figures before and after. Each run is recorded and audited
 * as counts only.
 */
@Singleton
public class ClientRetention {

    private static final Logger LOG = LoggerFactory.getLogger(ClientRetention.class);
    private static final int BATCH = 500;

    /** What one run did, in counts. */
    public record Run(int clientsRemoved, int placementsDeidentified, int waitlistEntriesDeidentified,
                      int holdsUnlinked, int bedRequestsUnlinked) {
        Run plus(Run other) {
            return new Run(clientsRemoved + other.clientsRemoved, placementsDeidentified + other.placementsDeidentified,
                    waitlistEntriesDeidentified + other.waitlistEntriesDeidentified, holdsUnlinked + other.holdsUnlinked,
                    bedRequestsUnlinked + other.bedRequestsUnlinked);
        }
    }

    private static final Run NOTHING = new Run(0, 0, 0, 0, 0);

    // every trace of the person is older than the cutoff, and nothing of hers is open
    private static final String DUE = """
            SELECT c.id FROM clients c
             WHERE c.updated_at < ? AND c.created_at < ?
               AND NOT EXISTS (SELECT 1 FROM placements p WHERE p.client_id = c.id
                                  AND (p.status = 'ACTIVE' OR p.end_date IS NULL OR p.end_date >= ?))
               AND NOT EXISTS (SELECT 1 FROM waitlist_entries w WHERE w.client_id = c.id
                                  AND (w.status IN ('WAITING', 'OFFERED') OR w.created_at >= ? OR w.closed_at >= ?))
               AND NOT EXISTS (SELECT 1 FROM holds h WHERE h.client_id = c.id AND (h.status = 'ACTIVE' OR h.created_at >= ?))
               AND NOT EXISTS (SELECT 1 FROM bed_requests q WHERE q.client_id = c.id AND q.created_at >= ?)
            """;

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final TransactionRetries retries;
    private final AuditLog audit;
    private final Clock clock;
    private final int clientDays;
    private final ClientRecords clientRecords;
    private final PlacementRecords placementRecords;
    private final WaitlistRecords waitlistRecords;
    private final HoldRecords holdRecords;
    private final BedRequestRecords bedRequestRecords;

    ClientRetention(JdbcOperations jdbc, TransactionOperations<Connection> transactions, TransactionRetries retries, AuditLog audit, Clock clock,
                    @Value("${harbour.retention.client-days:730}") int clientDays, ClientRecords clientRecords,
                    PlacementRecords placementRecords, WaitlistRecords waitlistRecords, HoldRecords holdRecords,
                    BedRequestRecords bedRequestRecords) {
        this.clientRecords = clientRecords;
        this.placementRecords = placementRecords;
        this.waitlistRecords = waitlistRecords;
        this.holdRecords = holdRecords;
        this.bedRequestRecords = bedRequestRecords;
        if (clientDays < 1) {
            throw new IllegalArgumentException("harbour.retention.client-days must be at least 1");
        }
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.retries = retries;
        this.audit = audit;
        this.clock = clock;
        this.clientDays = clientDays;
    }

    /** Removes every client now due; one transaction per client, so a failure undoes only that one. */
    public Run purge() {
        LocalDate cutoff = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(clientDays);
        Run total = NOTHING;
        List<Long> due;
        long after = 0;
        do {
            due = due(cutoff, after);
            for (long clientId : due) {
                try {
                    total = total.plus(retries.write(status -> purgeOne(clientId, cutoff)));
                } catch (RuntimeException e) {
                    LOG.warn("Retention skipped a client it could not remove: {}", e.getClass().getSimpleName());
                }
                after = clientId;
            }
        } while (due.size() == BATCH);
        if (total.clientsRemoved() > 0) {
            Run run = total;
            retries.write(status -> record(run, cutoff));
            LOG.info("Retention removed {} client records older than {} days; de-identified {} placements and {} waitlist"
                            + " entries, unlinked {} holds and {} searches", run.clientsRemoved(), clientDays,
                    run.placementsDeidentified(), run.waitlistEntriesDeidentified(), run.holdsUnlinked(), run.bedRequestsUnlinked());
        }
        return total;
    }

    private List<Long> due(LocalDate cutoff, long after) {
        return transactions.executeRead(status -> jdbc.prepareStatement(DUE + " AND c.id > ? ORDER BY c.id LIMIT " + BATCH, s -> {
            bindCutoff(s, cutoff);
            s.setLong(8, after);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }));
    }

    private Run purgeOne(long clientId, LocalDate cutoff) {
        return jdbc.execute(connection -> {
            // still due, checked under the client row's lock: a search or placement made meanwhile keeps her
            try (PreparedStatement check = connection.prepareStatement(DUE + " AND c.id = ? FOR UPDATE")) {
                bindCutoff(check, cutoff);
                check.setLong(8, clientId);
                try (ResultSet rs = check.executeQuery()) {
                    if (!rs.next()) {
                        return NOTHING;
                    }
                }
            }
            long subject;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO retention_subjects () VALUES ()",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    subject = -keys.getLong(1);
                }
            }
            // each table is changed by the feature that owns it, in this transaction
            int placements = placementRecords.deidentify(clientId, subject);
            int entries = waitlistRecords.deidentify(clientId, subject);
            int holds = holdRecords.unlinkClient(clientId);
            int requests = bedRequestRecords.unlinkClient(clientId);
            int clients = clientRecords.remove(clientId);
            return new Run(clients, placements, entries, holds, requests);
        });
    }

    private Void record(Run run, LocalDate cutoff) {
        long runId = jdbc.execute(connection -> {
            try (PreparedStatement s = connection.prepareStatement("""
                    INSERT INTO retention_runs (ran_at, client_days, cutoff_date, clients_removed, placements_deidentified,
                        waitlist_entries_deidentified, holds_unlinked, bed_requests_unlinked) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, Statement.RETURN_GENERATED_KEYS)) {
                s.setTimestamp(1, Timestamp.from(clock.instant()));
                s.setInt(2, clientDays);
                s.setDate(3, Date.valueOf(cutoff));
                s.setInt(4, run.clientsRemoved());
                s.setInt(5, run.placementsDeidentified());
                s.setInt(6, run.waitlistEntriesDeidentified());
                s.setInt(7, run.holdsUnlinked());
                s.setInt(8, run.bedRequestsUnlinked());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        audit.record(null, "RETENTION_PURGE", "RETENTION_RUN", runId); // the run's row holds the counts
        return null;
    }

    private static void bindCutoff(PreparedStatement s, LocalDate cutoff) throws SQLException {
        Timestamp start = Timestamp.from(cutoff.atStartOfDay(ZoneOffset.UTC).toInstant());
        s.setTimestamp(1, start);
        s.setTimestamp(2, start);
        s.setDate(3, Date.valueOf(cutoff));
        s.setTimestamp(4, start);
        s.setTimestamp(5, start);
        s.setTimestamp(6, start);
        s.setTimestamp(7, start);
    }

}
