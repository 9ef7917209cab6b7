package org.harbour.retention;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs client retention once a day (HARBOUR_RETENTION_ENABLED=false turns it off). Every instance runs
 * it; a client is removed under her row's lock, so two runs at once remove her once.
 */
@Singleton
@Requires(property = "harbour.retention.enabled", notEquals = "false")
class RetentionSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

    private final ClientRetention retention;

    RetentionSchedule(ClientRetention retention) {
        this.retention = retention;
    }

    @Scheduled(fixedDelay = "${harbour.retention.interval:24h}", initialDelay = "${harbour.retention.initial-delay:1h}")
    void daily() {
        try {
            retention.purge();
        } catch (RuntimeException e) {
            LOG.warn("Client retention failed; will retry at the next run: {}", e.getClass().getSimpleName());
        }
    }
}
