package org.harbour.live;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import org.harbour.event.EventLog;
import org.harbour.event.EventType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The events table as the tests see it: what it holds, and events appended as a feature would. */
final class EventTable {

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final EventLog log;

    @SuppressWarnings("unchecked")
    EventTable(ApplicationContext context) {
        this.jdbc = context.getBean(JdbcOperations.class);
        this.transactions = context.getBean(TransactionOperations.class);
        this.log = context.getBean(EventLog.class);
    }

    /**
     * Appends in one transaction of its own, like a feature that changes something and logs it; answers
     * the last seq of this type and program (events get their seq at commit).
     */
    long append(String type, Long programId, Long organizationId, int times, Map<String, Object> body) {
        return append(type, programId, null, organizationId, times, body);
    }

    /** The same, for an event that names the facility it happened at (the door's news). */
    long append(String type, Long programId, Long facilityId, Long organizationId, int times, Map<String, Object> body) {
        transactions.executeWrite(status -> {
            for (int i = 0; i < times; i++) {
                log.append(EventType.fromWireName(type).orElseThrow(), programId, facilityId, organizationId, body);
            }
            return null;
        });
        return transactions.executeRead(status -> jdbc.prepareStatement(
                "SELECT MAX(seq) FROM events WHERE type = ? AND program_id <=> ?", statement -> {
                    statement.setString(1, type);
                    statement.setObject(2, programId);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }));
    }

    /**
     * A user's account was disabled or changed, as the account feature tells every instance: user.changed
     * (audience nobody) with her id and name.
     */
    void userChanged(long userId, String username) {
        transactions.executeWrite(status -> {
            log.append(EventType.USER_CHANGED, null, null, null, Map.of("userId", userId, "username", username));
            return null;
        });
    }

    /** Appends, then the change fails: the transaction rolls back with its event. */
    void appendAndRollBack(String type, Long programId, Map<String, Object> body) {
        try {
            transactions.executeWrite(status -> {
                log.append(EventType.fromWireName(type).orElseThrow(), programId, null, null, body);
                throw new IllegalStateException("the change failed after its event was appended");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
    }

    /** The seqs of every availability.changed event of these programs, in seq order. */
    List<Long> changeSeqs(Collection<Long> programIds) {
        String ids = programIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        return transactions.executeRead(status -> jdbc.prepareStatement(
                "SELECT seq FROM events WHERE type = ? AND program_id IN (" + ids + ") ORDER BY seq", statement -> {
                    statement.setString(1, EventType.AVAILABILITY_CHANGED.wireName());
                    List<Long> seqs = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            seqs.add(rs.getLong(1));
                        }
                    }
                    return seqs;
                }));
    }
}
