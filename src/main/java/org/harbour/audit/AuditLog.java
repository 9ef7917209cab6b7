package org.harbour.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.harbour.platform.SqlQuery;
import org.harbour.security.ClientAddress;
import org.harbour.security.CurrentUser;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * Append-only audit trail (privacy rule 4): who did what to which object, when, from where. Written in
 * the caller's transaction, so a change and its audit row commit together. Ids only, never aliases.
 */
@Singleton
public class AuditLog {

    private final JdbcOperations jdbc;
    private final Clock clock;
    private final ClientAddress clientAddress;

    AuditLog(JdbcOperations jdbc, Clock clock, ClientAddress clientAddress) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.clientAddress = clientAddress;
    }

    /**
     * The audit row of the object the statement just before it in the same packet inserted (its id is
     * LAST_INSERT_ID()), as SQL and values: a change and its audit row then go to the database in one round trip.
     * Runs in the caller's transaction, like {@link #record}.
     */
    public SqlQuery ofLastInserted(CurrentUser user, String action, String objectType) {
        return new SqlQuery().add("""
                INSERT INTO audit_log (at, user_id, username, organization_id, action, object_type, object_id, remote_address)
                VALUES (?, ?, ?, ?, ?, ?, LAST_INSERT_ID(), ?)""", Timestamp.from(clock.instant()),
                user == null || user.isFeed() ? null : user.id(), user == null ? "system" : user.username(),
                user == null ? null : user.organizationId(), action, objectType, remoteAddress());
    }

    /** The audit row of a change sent in the same packet, as SQL and values (as {@link #ofLastInserted}). */
    public SqlQuery of(CurrentUser user, String action, String objectType, long objectId) {
        return new SqlQuery().add("""
                INSERT INTO audit_log (at, user_id, username, organization_id, action, object_type, object_id, remote_address)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", Timestamp.from(clock.instant()),
                user == null || user.isFeed() ? null : user.id(), user == null ? "system" : user.username(),
                user == null ? null : user.organizationId(), action, objectType, objectId, remoteAddress());
    }

    private String remoteAddress() {
        return ServerRequestContext.currentRequest().map(clientAddress::of).orElse(null);
    }

    @Transactional
    public void record(CurrentUser user, String action, String objectType, @Nullable Long objectId) {
        String address = remoteAddress();
        jdbc.prepareStatement("""
                INSERT INTO audit_log (at, user_id, username, organization_id, action, object_type, object_id, remote_address)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, statement -> {
            statement.setTimestamp(1, Timestamp.from(clock.instant()));
            statement.setObject(2, user == null || user.isFeed() ? null : user.id());
            statement.setString(3, user == null ? "system" : user.username());
            statement.setObject(4, user == null ? null : user.organizationId());
            statement.setString(5, action);
            statement.setString(6, objectType);
            statement.setObject(7, objectId);
            statement.setString(8, address);
            return statement.executeUpdate();
        });
    }
}
