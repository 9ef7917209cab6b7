package org.harbour.platform;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.flywaydb.core.Flyway;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.SqlAt;
import org.harbour.testdata.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart leaves Flyway out only when the history is exactly this jar's migrations (issue 20: start under 2 s);
 * every other history still goes to Flyway, whose refusals StartFailuresOnMariaDbTest holds.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaMigrationsTest implements HarbourTest {

    private static final String COPY = "history_check";

    private final SqlAt root = new SqlAt(TestDatabase.get().jdbcUrl(), EmbeddedDatabase.USER, "");
    private List<BundledMigration> bundled;

    @BeforeAll
    void readTheIndex() {
        bundled = BundledMigration.all(getClass().getClassLoader()).orElseThrow();
    }

    @AfterAll
    void dropTheCopy() {
        root.update("DROP DATABASE IF EXISTS " + COPY);
    }

    @Test
    void theBuildsIndexNamesEveryScriptInDbMigration() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("db", "migration"))) {
            assertThat(bundled).extracting(BundledMigration::script)
                    .containsExactlyInAnyOrderElementsOf(files.map(file -> file.getFileName().toString()).toList());
        }
    }

    @Test
    void eachChecksumDescriptionAndScriptIsWhatFlywayRecorded() {
        // this JVM's test database was migrated by Flyway itself (a new database never takes the short way)
        List<Map<String, Object>> history = root.rows(
                "SELECT version, description, script, checksum FROM flyway_schema_history");
        assertThat(history).hasSize(bundled.size());
        for (BundledMigration migration : bundled) {
            assertThat(history).as("V%s", migration.version()).contains(Map.of(
                    "version", migration.version(), "description", migration.description(),
                    "script", migration.script(), "checksum", migration.checksum()));
        }
    }

    @Test
    void onlyAHistoryOfEveryMigrationUnchangedAndSucceededIsUpToDate() throws SQLException {
        assertThat(upToDateAfter("SELECT 1")).as("the history as Flyway left it").isTrue();

        assertThat(upToDateAfter("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '3'"))
                .as("a changed migration").isFalse();
        assertThat(upToDateAfter("UPDATE flyway_schema_history SET success = 0 WHERE version = '30'"))
                .as("a migration marked failed").isFalse();
        assertThat(upToDateAfter("DELETE FROM flyway_schema_history WHERE version = '30'"))
                .as("a pending migration").isFalse();
        assertThat(upToDateAfter("INSERT INTO flyway_schema_history SELECT installed_rank + 1000, '99', 'later',"
                + " type, 'V99__later.sql', checksum, installed_by, installed_on, execution_time, success"
                + " FROM flyway_schema_history WHERE version = '1'"))
                .as("a migration of a newer release").isFalse();
        assertThat(upToDateAfter("UPDATE flyway_schema_history SET description = 'renamed' WHERE version = '12'"))
                .as("a renamed migration").isFalse();
        assertThat(upToDateAfter("DROP TABLE flyway_schema_history")).as("no history (a new database)").isFalse();
    }

    @Test
    void aRestartOnAnUpToDateSchemaStartsNoFlyway() {
        Map<String, Object> properties = Map.copyOf(getProperties());
        try (ApplicationContext restart = ApplicationContext.run(properties)) {
            restart.getBean(DataSource.class);

            // micronaut-flyway registers the Flyway it builds as a bean: none was built
            assertThat(restart.findBean(Flyway.class)).isEmpty();
        }
    }

    /** Whether a copy of the test database's history, changed by the statement, is up to date for this jar. */
    private boolean upToDateAfter(String change) throws SQLException {
        root.update("DROP DATABASE IF EXISTS " + COPY);
        root.update("CREATE DATABASE " + COPY);
        root.update("CREATE TABLE " + COPY + ".flyway_schema_history AS SELECT * FROM flyway_schema_history");
        String url = TestDatabase.get().jdbcUrl().replace("/" + EmbeddedDatabase.DATABASE + "?", "/" + COPY + "?");
        try (Connection connection = DriverManager.getConnection(url, EmbeddedDatabase.USER, "")) {
            connection.createStatement().execute(change);
            return SchemaMigrations.historyHasExactly(connection, bundled);
        }
    }
}
