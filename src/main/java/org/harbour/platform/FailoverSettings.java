package org.harbour.platform;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Gives a data source whose URL names several hosts the settings a cluster needs ({@link FailoverUrl}) before
 * its pool opens, so Flyway and every request use them. Here rather than in {@link Bootstrap} so that a URL set
 * any way (environment, configuration, a test's properties) gets them.
 */
@Singleton
class FailoverSettings implements BeanCreatedEventListener<DatasourceConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(FailoverSettings.class);

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        FailoverUrl url = FailoverUrl.parse(datasource.getJdbcUrl());
        if (url.isFailover()) {
            Map<String, String> added = url.settingsToAdd();
            added.forEach(datasource::addDataSourceProperty);
            // host names and settings only: the URL's own query (which may hold a password) is not logged
            LOG.info("Database failover across {} hosts {} in that order; added {}", url.hosts().size(), url.hosts(), added);
        }
        return datasource;
    }
}
