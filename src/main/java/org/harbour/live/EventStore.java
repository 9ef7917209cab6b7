package org.harbour.live;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.harbour.availability.AvailabilityView;
import org.harbour.availability.Counts;
import org.harbour.event.EventType;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Reads the event log in seq order. Events commit in seq order (see EventLog), so no gaps open behind. */
@Singleton
class EventStore {

    private final JdbcOperations jdbc;
    private final Counts availability;

    EventStore(JdbcOperations jdbc, Counts availability) {
        this.jdbc = jdbc;
        this.availability = availability;
    }

    record Snapshot(long seq, List<AvailabilityView> availability) {
    }

    /** One statement in autocommit: a transaction around it would cost three more round trips per wake. */
    @Connectable
    public List<LiveEvent> after(long seq, int limit) {
        return jdbc.prepareStatement("""
                SELECT seq, type, program_id, facility_id, organization_id, payload
                  FROM events WHERE seq > ? ORDER BY seq LIMIT ?
                """, statement -> {
            statement.setLong(1, seq);
            statement.setInt(2, limit);
            List<LiveEvent> events = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long eventSeq = rs.getLong(1);
                    String type = rs.getString(2);
                    events.add(new LiveEvent(eventSeq, EventType.fromWireName(type).orElse(null), (Long) rs.getObject(3, Long.class),
                            rs.getObject(4, Long.class), rs.getObject(5, Long.class),
                            LiveEvent.render(type, eventSeq, rs.getString(6))));
                }
            }
            return events;
        });
    }

    @Connectable
    public long lastSeq() {
        return jdbc.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM events", statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The counts and the seq they reflect, read from one consistent snapshot (REPEATABLE READ). */
    @Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public Snapshot snapshot() {
        long seq = lastSeq();
        return new Snapshot(seq, availability.findAll());
    }
}
