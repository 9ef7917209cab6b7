package org.harbour.platform;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.flyway.FlywayConfigurationProperties;
import io.micronaut.flyway.FlywayMigrator;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Migrates the schema when the data source is created, before anything else uses it, as micronaut-flyway would
 * (application.yml turns its own run off and leaves it to this class): Flyway validates the history, the
 * preflight checks the account (MigrationPreflight), the pending migrations are applied.
 *
 * <p>Except on a restart that has nothing to do. When flyway_schema_history lists exactly the migrations this jar
 * carries, every one applied successfully, with the same description and checksum, Flyway would validate and
 * apply nothing; reading that table and the scripts takes a few milliseconds, starting Flyway (its plugins,
 * its scan of the jar's entries, its validation) 0.5-0.9 s of a 3-s restart on two cores (issue 20: start under
 * 2 s). Anything else (an empty database, a pending, failed, changed or unknown migration, a history that cannot
 * be read) goes to Flyway, whose errors StartupDiagnosis turns into the start's one line, exactly as before.
 */
@Singleton
final class SchemaMigrations implements BeanCreatedEventListener<DataSource> {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);
    private static final String HISTORY = "SELECT version, description, type, script, checksum, success"
            + " FROM flyway_schema_history";

    // providers: the configuration builds Flyway's whole configuration (its plugins) when created, needed only
    // when Flyway runs
    private final BeanProvider<FlywayMigrator> flyway;
    private final BeanProvider<FlywayConfigurationProperties> configuration;
    private final DataSourceResolver resolver;

    SchemaMigrations(BeanProvider<FlywayMigrator> flyway,
                     @Named("default") BeanProvider<FlywayConfigurationProperties> configuration,
                     DataSourceResolver resolver) {
        this.flyway = flyway;
        this.configuration = configuration;
        this.resolver = resolver;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource dataSource = resolver.resolve(event.getBean());
        Optional<List<BundledMigration>> bundled = BundledMigration.all(SchemaMigrations.class.getClassLoader());
        if (bundled.isPresent() && upToDate(dataSource, bundled.get())) {
            LOG.info("Schema up to date: all {} migrations applied, none changed", bundled.get().size());
        } else {
            flyway.get().run(configuration.get(), dataSource);
        }
        return event.getBean();
    }

    private static boolean upToDate(DataSource dataSource, List<BundledMigration> bundled) {
        try (Connection connection = dataSource.getConnection()) {
            return historyHasExactly(connection, bundled);
        } catch (SQLException noConnection) {
            // Flyway meets the same refusal and StartupDiagnosis words it
            return false;
        }
    }

    /**
     * Whether flyway_schema_history is the bundled migrations, each applied successfully and unchanged: then
     * Flyway would validate and apply nothing. False when the table cannot be read (a new database).
     */
    static boolean historyHasExactly(Connection connection, List<BundledMigration> bundled) {
        Map<String, BundledMigration> byVersion = new HashMap<>();
        bundled.forEach(migration -> byVersion.put(migration.version(), migration));
        if (byVersion.size() != bundled.size()) {
            return false;
        }
        Set<String> applied = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(HISTORY)) {
            while (rs.next()) {
                BundledMigration migration = byVersion.get(rs.getString("version"));
                boolean same = migration != null
                        && applied.add(migration.version())
                        && "SQL".equals(rs.getString("type"))
                        && rs.getBoolean("success")
                        && migration.description().equals(rs.getString("description"))
                        && migration.script().equals(rs.getString("script"))
                        && rs.getObject("checksum") != null && rs.getInt("checksum") == migration.checksum();
                if (!same) {
                    return false;
                }
            }
        } catch (SQLException noHistoryYet) {
            return false;
        }
        return applied.size() == bundled.size();
    }
}
