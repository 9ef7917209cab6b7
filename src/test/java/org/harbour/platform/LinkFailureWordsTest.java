package org.harbour.platform;

import io.micronaut.data.exceptions.DataAccessException;
import org.junit.jupiter.api.Test;

import java.sql.SQLNonTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** A 503 for a broken link is logged with what broke, by codes: never the driver's message, which may quote data. */
class LinkFailureWordsTest {

    @Test
    void namesTheInnermostSqlFailureByItsCodesOnly() {
        Exception broken = new DataAccessException("Could not write the transaction's events",
                new IllegalStateException("wrapped", new SQLNonTransientConnectionException(
                        "INSERT INTO clients (alias) VALUES ('Maya R.')", "08S01", 2013)));

        String words = DatabaseUnavailableHandler.linkFailure(broken);

        assertThat(words).isEqualTo("SQLNonTransientConnectionException, SQLSTATE 08S01, error 2013");
        assertThat(words).doesNotContain("Maya").doesNotContain("INSERT");
    }

    @Test
    void withoutAnSqlFailureNamesTheFailuresClass() {
        assertThat(DatabaseUnavailableHandler.linkFailure(new DataAccessException("gone"))).isEqualTo("DataAccessException");
    }
}
