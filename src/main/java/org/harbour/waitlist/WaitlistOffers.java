package org.harbour.waitlist;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.harbour.availability.BedsFreed;
import org.harbour.event.EventLog;
import org.harbour.event.EventType;
import org.harbour.facility.Eligibility;
import org.harbour.facility.ProgramRef;
import org.harbour.facility.Programs;
import org.harbour.hold.Hold;
import org.harbour.hold.HoldEnded;
import org.harbour.hold.HoldStatus;
import org.harbour.hold.Holds;
import org.harbour.placement.ClientPlaced;
import org.harbour.platform.BeforeCommit;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When a matching program gains a bookable bed, it is offered to the first person waiting. The offer is a hold
 * on that bed for the offer's time, so it is still there when she arrives; an offer not taken expires with its
 * hold, and the bed passes to the next person.
 *
 * <p>Offers run as their own step just before the transaction that freed the beds commits: the count change
 * that freed them is finished (and knows nothing of waitlists), and the offer commits or rolls back with it.
 */
@Singleton
class WaitlistOffers {

    private static final long SYSTEM_USER = 0;

    private final WaitlistRepository entries;
    private final Programs programs;
    private final Holds holds;
    private final EventLog events;
    private final BeforeCommit beforeCommit;
    private final WaitlistFit fit;
    private final Clock clock;
    private final int offerMinutes;

    WaitlistOffers(WaitlistRepository entries, Programs programs, Holds holds, EventLog events,
                   BeforeCommit beforeCommit, WaitlistFit fit, Clock clock,
                   @Value("${harbour.waitlist.offer-minutes:120}") int offerMinutes) {
        this.entries = entries;
        this.programs = programs;
        this.holds = holds;
        this.events = events;
        this.beforeCommit = beforeCommit;
        this.fit = fit;
        this.clock = clock;
        this.offerMinutes = offerMinutes;
    }

    /** Beds were freed: if anyone waits for them, offer them before this transaction commits. */
    @EventListener
    void onBedsFreed(BedsFreed freed) {
        if (entries.countWaitingFor(freed.programId(), freed.type(), freed.regionCode()) > 0) {
            beforeCommit.run("waitlist-offer:" + freed.programId(), () -> offerFreedBeds(freed.programId()));
        }
    }

    /**
     * Offers the program's bookable beds, one each, to the people in line whom the program admits (the search's
     * rules on her stored needs), in line order, while beds remain. Those it does not fit keep their place.
     */
    private void offerFreedBeds(long programId) {
        ProgramRef program = programs.find(programId).orElseThrow();
        Eligibility rules = programs.eligibilityOf(programId).orElseThrow();
        Set<Long> offeredNow = new HashSet<>();
        for (WaitlistEntry entry : entries.findWaitingFor(program.id(), program.type().name(), program.regionCode())) {
            if (offeredNow.contains(entry.clientId()) || !fit.admits(rules, entry.clientId())) {
                continue; // one bed of a program per person; a program that would turn her away is not offered
            }
            if (entries.claim(entry.id()) == 0) {
                continue; // another transaction's freed bed went to her first
            }
            if (!offer(entry, program)) {
                entries.unclaim(entry.id());
                return; // no bed left
            }
            offeredNow.add(entry.clientId());
        }
    }

    /**
     * An offer's hold ended: taken (placed) or not (expired or released), and the entry follows. Every offer's hold
     * is made by SYSTEM_USER ({@link #offer}); a caseworker's release of her own hold, the common case, reads
     * nothing here (issue 20: one statement fewer while the hold's row is locked).
     */
    @EventListener
    void onHoldEnded(HoldEnded ended) {
        if (ended.createdBy() != SYSTEM_USER) {
            return;
        }
        entries.findByHoldIdAndStatus(ended.holdId(), WaitlistStatus.OFFERED).ifPresent(entry -> entries.close(entry.id(),
                ended.status() == HoldStatus.CONSUMED ? WaitlistStatus.PLACED : WaitlistStatus.EXPIRED, clock.instant()));
    }

    /** Placing a client closes every entry of theirs; an offer they did not use goes to the next person. */
    @EventListener
    void onClientPlaced(ClientPlaced placed) {
        for (WaitlistEntry entry : entries.findOpenByClient(placed.clientId())) {
            if (entries.close(entry.id(), WaitlistStatus.PLACED, clock.instant()) == 1) {
                releaseOfferedHold(entry);
            }
        }
    }

    private boolean offer(WaitlistEntry entry, ProgramRef program) {
        Optional<Hold> hold = holds.place(program.id(), entry.clientId(), entry.organizationId(), offerMinutes,
                SYSTEM_USER, "waitlist");
        if (hold.isEmpty()) {
            return false;
        }
        Instant expiresAt = hold.get().expiresAt();
        entries.offer(entry.id(), program.id(), hold.get().id(), clock.instant(), expiresAt);
        events.append(EventType.WAITLIST_OFFERED, program.id(), program.facilityId(), entry.organizationId(), Map.of(
                "entryId", entry.id(), "programId", program.id(), "holdId", hold.get().id(),
                "offerExpiresAt", expiresAt.toString()));
        return true;
    }

    /** An entry that closes with an offer open gives the offered bed back (to the next person, if any). */
    void releaseOfferedHold(WaitlistEntry entry) {
        if (entry.status() == WaitlistStatus.OFFERED && entry.holdId() != null) {
            holds.findActive(entry.holdId()).ifPresent(hold -> holds.end(hold, HoldStatus.RELEASED, "waitlist"));
        }
    }
}
