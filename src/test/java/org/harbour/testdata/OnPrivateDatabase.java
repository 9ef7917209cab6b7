package org.harbour.testdata;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;

import java.util.Map;

/**
 * A {@code @MicronautTest} class (PER_CLASS, not transactional, as {@link HarbourTest} says) whose service runs on a
 * MariaDB of its own ({@link PrivateDatabase}) instead of the shared one: a data set no other class can add to, or a
 * clock of its own. The database starts fresh when the context first asks for its settings, and stops after the
 * class, once the context that uses it is closed.
 */
public abstract class OnPrivateDatabase implements HarbourTest {

    @Inject
    protected EmbeddedServer server;

    protected PrivateDatabase database;

    /** The folder under target/ that holds this class's database. */
    protected abstract String databaseName();

    /** Settings this class needs different from the shared test configuration. */
    protected Map<String, String> overrides() {
        return Map.of();
    }

    @Override
    public Map<String, String> getProperties() {
        if (database == null) {
            database = PrivateDatabase.fresh(databaseName());
        }
        return database.harbourProperties(overrides());
    }

    @AfterAll
    void stopDatabase() {
        server.getApplicationContext().close();
        database.stop();
    }
}
