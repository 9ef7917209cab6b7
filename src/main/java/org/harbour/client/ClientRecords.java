package org.harbour.client;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** What client retention may do to the clients table, done here because client owns it. */
@Singleton
public class ClientRecords {

    private final JdbcOperations jdbc;

    ClientRecords(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Deletes the client row (her links elsewhere must already be gone); answers the rows deleted. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public int remove(long clientId) {
        return jdbc.prepareStatement("DELETE FROM clients WHERE id = ?", statement -> {
            statement.setLong(1, clientId);
            return statement.executeUpdate();
        });
    }
}
