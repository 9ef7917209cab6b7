package org.harbour.event;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * Appends to the event log inside the caller's transaction (transactional outbox). The append takes
 * the event_append_lock row until commit, so events commit in seq order; call it last in a
 * transaction to hold that lock briefly. After commit, local tailers are woken at once.
 */
@Singleton
public class EventLog {

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;
    private final ApplicationEventPublisher<EventsCommitted> committed;
    private final Clock clock;

    EventLog(JdbcOperations jdbc, TransactionOperations<Connection> transactions, JsonMapper json,
             ApplicationEventPublisher<EventsCommitted> committed, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.committed = committed;
        this.clock = clock;
    }

    /**
     * @param organizationId when set, only that organization may receive the event
     * @param body           the message fields besides type and seq; must hold nothing private
     */
    public long append(String type, @Nullable Long programId, @Nullable Long facilityId,
                       @Nullable Long organizationId, Object body) {
        var status = transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("events are appended inside the change's transaction"));
        String payload = toJson(body);
        long seq = jdbc.prepareStatement("UPDATE event_append_lock SET appends = appends + 1 WHERE id = 1",
                lock -> {
                    lock.executeUpdate();
                    try (var insert = lock.getConnection().prepareStatement(
                            "INSERT INTO events (type, program_id, facility_id, organization_id, payload, created_at) "
                                    + "VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                        insert.setString(1, type);
                        insert.setObject(2, programId);
                        insert.setObject(3, facilityId);
                        insert.setObject(4, organizationId);
                        insert.setString(5, payload);
                        insert.setTimestamp(6, Timestamp.from(clock.instant()));
                        insert.executeUpdate();
                        try (var keys = insert.getGeneratedKeys()) {
                            keys.next();
                            return keys.getLong(1);
                        }
                    }
                });
        status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                committed.publishEvent(new EventsCommitted(seq));
            }
        });
        return seq;
    }

    private String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
