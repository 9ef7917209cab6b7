package org.harbour.waitlist;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** What client retention may do to waitlist entries: re-key them to a subject number that names no one. */
@Singleton
public class WaitlistRecords {

    private final JdbcOperations jdbc;

    WaitlistRecords(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Re-keys her entries to {@code subject} (negative, mapped back by nothing); answers how many. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public int deidentify(long clientId, long subject) {
        return jdbc.prepareStatement("UPDATE waitlist_entries SET client_id = ? WHERE client_id = ?", statement -> {
            statement.setLong(1, subject);
            statement.setLong(2, clientId);
            return statement.executeUpdate();
        });
    }
}
