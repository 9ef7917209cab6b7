package org.harbour.hold;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** What client retention may do to holds: they keep their bed and times and lose their client. */
@Singleton
public class HoldRecords {

    private final JdbcOperations jdbc;

    HoldRecords(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Drops the client link of her holds; answers how many. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public int unlinkClient(long clientId) {
        return jdbc.prepareStatement("UPDATE holds SET client_id = NULL WHERE client_id = ?", statement -> {
            statement.setLong(1, clientId);
            return statement.executeUpdate();
        });
    }
}
