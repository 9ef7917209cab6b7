package org.harbour.event;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import org.harbour.platform.BeforeCommit;
import org.harbour.platform.MultiStatements;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The transactional outbox. Events appended during a transaction are written just before it commits,
 * under the event_append_lock row: events therefore commit in seq order (a reader remembering the last
 * seq never skips one), and that lock is always the last one a transaction takes, so it cannot join a
 * deadlock and is held only for the insert and the commit, sent together. After commit, local tailers are woken.
 */
@Singleton
public class EventLog {

    /** Events per INSERT statement; a transaction with more sends several in the same packet. */
    private static final int ROWS_PER_INSERT = 200;

    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;
    private final ApplicationEventPublisher<EventsCommitted> committed;
    private final Clock clock;
    private final Map<Connection, List<Pending>> pendingByTransaction = new ConcurrentHashMap<>();

    EventLog(TransactionOperations<Connection> transactions, JsonMapper json,
             ApplicationEventPublisher<EventsCommitted> committed, Clock clock) {
        this.transactions = transactions;
        this.json = json;
        this.committed = committed;
        this.clock = clock;
    }

    private record Pending(String type, Long programId, Long facilityId, Long organizationId, String payload) {
    }

    /**
     * @param organizationId when set, only that organization may receive the event
     * @param body           the message fields besides type and seq; must hold nothing private
     */
    public void append(EventType type, @Nullable Long programId, @Nullable Long facilityId,
                       @Nullable Long organizationId, Object body) {
        TransactionStatus<?> status = transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("events are appended inside the change's transaction"));
        Connection connection = (Connection) status.getConnection();
        pendingByTransaction.computeIfAbsent(connection, c -> {
            status.registerSynchronization(new Flush(c));
            return new ArrayList<>();
        }).add(new Pending(type.wireName(), programId, facilityId, organizationId, toJson(body)));
    }

    private final class Flush implements TransactionSynchronization {
        private final Connection connection;
        private long lastSeq;

        Flush(Connection connection) {
            this.connection = connection;
        }

        /** Last of all: the flush sends the COMMIT, so before-commit steps must have run. */
        @Override
        public int getOrder() {
            return BeforeCommit.COMMIT_ORDER;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            List<Pending> events = pendingByTransaction.getOrDefault(connection, List.of());
            if (!events.isEmpty()) {
                lastSeq = write(connection, events);
            }
        }

        @Override
        public void afterCompletion(Status status) {
            pendingByTransaction.remove(connection);
            if (status == Status.COMMITTED && lastSeq > 0) {
                committed.publishEvent(new EventsCommitted(lastSeq));
            }
        }
    }

    /**
     * Takes the append lock, inserts the events and commits in one round trip, so the lock (and every row
     * the transaction changed) is held for the server's work only, not for three trips over the wire.
     * The driver then sees no open transaction, and the transaction manager's commit sends nothing more.
     * Answers the last seq written: the highest, as nobody else inserts events while the lock is held. Not worked
     * out from LAST_INSERT_ID(), which assumed consecutive seqs: on Galera they step by the cluster size.
     */
    private long write(Connection connection, List<Pending> events) {
        StringBuilder sql = new StringBuilder("UPDATE event_append_lock SET appends = appends + 1 WHERE id = 1");
        for (int i = 0; i < events.size(); i++) {
            // a long run of events (notices for many placements) goes as several INSERTs, each of bounded size
            sql.append(i % ROWS_PER_INSERT == 0 ? "; INSERT INTO events (type, program_id, facility_id, "
                    + "organization_id, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?)");
        }
        // COMMIT last: the server then reports no open transaction, so the transaction manager sends nothing more
        sql.append("; SELECT MAX(seq) FROM events; COMMIT");
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            Timestamp now = Timestamp.from(clock.instant());
            int p = 0;
            for (Pending event : events) {
                statement.setString(++p, event.type());
                statement.setObject(++p, event.programId());
                statement.setObject(++p, event.facilityId());
                statement.setObject(++p, event.organizationId());
                statement.setString(++p, event.payload());
                statement.setTimestamp(++p, now);
            }
            try (ResultSet lastSeq = MultiStatements.execute(statement)) {
                lastSeq.next();
                return lastSeq.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the transaction's events", e);
        }
    }

    private String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
