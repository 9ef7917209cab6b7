package org.harbour.search;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** What client retention may do to bed requests: they keep their needs and outcome and lose their client. */
@Singleton
public class BedRequestRecords {

    private final JdbcOperations jdbc;

    BedRequestRecords(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Drops the client link of her searches; answers how many. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public int unlinkClient(long clientId) {
        return jdbc.prepareStatement("UPDATE bed_requests SET client_id = NULL WHERE client_id = ?", statement -> {
            statement.setLong(1, clientId);
            return statement.executeUpdate();
        });
    }
}
