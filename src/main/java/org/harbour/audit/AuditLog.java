package org.harbour.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
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

    @Transactional
    public void record(CurrentUser user, String action, String objectType, @Nullable Long objectId) {
        String address = ServerRequestContext.currentRequest()
                .map(clientAddress::of)
                .orElse(null);
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
