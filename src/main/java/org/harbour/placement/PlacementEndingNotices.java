package org.harbour.placement;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.harbour.event.EventLog;
import org.harbour.event.EventType;
import org.harbour.facility.Programs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Tells the owning organization, once per placement, that its expected end is within two days, so the
 * next bed is found before the last night. The message carries ids and a date only.
 */
@Singleton
public class PlacementEndingNotices {

    static final int WINDOW_DAYS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(PlacementEndingNotices.class);

    private final PlacementRepository placements;
    private final Programs programs;
    private final EventLog events;
    private final Clock clock;

    PlacementEndingNotices(PlacementRepository placements, Programs programs, EventLog events, Clock clock) {
        this.placements = placements;
        this.programs = programs;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${harbour.placement-ending-interval:5m}", initialDelay = "15s")
    void scheduled() {
        try {
            notifyEnding();
        } catch (RuntimeException e) {
            LOG.warn("Placement ending notices failed; will retry: {}", e.getClass().getSimpleName());
        }
    }

    @Transactional
    public int notifyEnding() {
        LocalDate until = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(WINDOW_DAYS);
        int sent = 0;
        for (Placement p : placements.findEndingNotNotified(until)) {
            if (placements.markEndingNotified(p.id()) == 1) {
                long facilityId = programs.facilityIdOf(p.programId()).orElseThrow();
                events.append(EventType.PLACEMENT_ENDING, p.programId(), facilityId, p.organizationId(), Map.of(
                        "placementId", p.id(), "programId", p.programId(), "expectedEndDate", p.expectedEndDate().toString()));
                sent++;
            }
        }
        return sent;
    }
}
