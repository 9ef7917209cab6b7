package org.harbour.hold;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Gives back beds whose holds ran out. Every instance runs it; the guarded end makes that safe. */
@Singleton
class HoldExpiry {

    private static final Logger LOG = LoggerFactory.getLogger(HoldExpiry.class);

    private final Holds holds;

    HoldExpiry(Holds holds) {
        this.holds = holds;
    }

    @Scheduled(fixedDelay = "${harbour.hold-expiry-interval:10s}", initialDelay = "10s")
    void expire() {
        try {
            int expired = holds.expireDue();
            if (expired > 0) {
                LOG.info("Expired {} holds", expired);
            }
        } catch (RuntimeException e) {
            LOG.warn("Hold expiry failed; will retry: {}", e.getClass().getSimpleName());
        }
    }
}
