package org.harbour.platform;

import io.micronaut.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** Hands Flyway (micronaut-flyway, which migrates when the data source is created) the preflight check. */
@Singleton
@Named("default")
class MigrationPreflightInstaller implements FlywayConfigurationCustomizer {

    @Override
    public void customizeFluentConfiguration(FluentConfiguration configuration) {
        configuration.callbacks(new MigrationPreflight());
    }

    @Override
    public String getName() {
        return "default";
    }
}
