package org.harbour.waitlist;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.harbour.audit.AuditLog;
import org.harbour.availability.BedsFreed;
import org.harbour.client.Clients;
import org.harbour.event.EventLog;
import org.harbour.facility.Facility;
import org.harbour.facility.FacilityRepository;
import org.harbour.facility.Program;
import org.harbour.facility.ProgramRepository;
import org.harbour.facility.ProgramType;
import org.harbour.hold.Hold;
import org.harbour.hold.HoldEnded;
import org.harbour.hold.Holds;
import org.harbour.placement.ClientPlaced;
import org.harbour.problem.Checks;
import org.harbour.problem.ProblemException;
import org.harbour.region.RegionRepository;
import org.harbour.security.CurrentUser;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Waitlists for a program or for a type of program in a region, in priority then time order. Joining
 * puts a person in line (WAITING); when a matching program then gains a bookable bed, it is offered at
 * once to the first person waiting. The offer is a hold on that bed for the offer's time, so it is still
 * there when she arrives; an offer not taken expires with its hold, and the bed passes to the next person.
 */
@Singleton
public class Waitlists {

    private static final long SYSTEM_USER = 0;

    private final WaitlistRepository entries;
    private final ProgramRepository programs;
    private final FacilityRepository facilities;
    private final RegionRepository regions;
    private final Clients clients;
    private final Holds holds;
    private final EventLog events;
    private final AuditLog audit;
    private final Clock clock;
    private final int offerMinutes;

    Waitlists(WaitlistRepository entries, ProgramRepository programs, FacilityRepository facilities,
              RegionRepository regions, Clients clients, Holds holds, EventLog events, AuditLog audit, Clock clock,
              @Value("${harbour.waitlist.offer-minutes:120}") int offerMinutes) {
        this.entries = entries;
        this.programs = programs;
        this.facilities = facilities;
        this.regions = regions;
        this.clients = clients;
        this.holds = holds;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.offerMinutes = offerMinutes;
    }

    @Serdeable
    record JoinRequest(@Nullable Long clientId, @Nullable Long programId, @Nullable String type,
                       @Nullable String regionCode, @Nullable Integer priority) {
    }

    @Serdeable
    record EntryView(long id, long clientId, @Nullable Long programId, @Nullable String type,
                     @Nullable String regionCode, int priority, String status, int position, Instant createdAt,
                     @Nullable Long offeredProgramId, @Nullable Long holdId, @Nullable Instant offerExpiresAt) {
    }

    @Transactional
    EntryView join(JoinRequest r, CurrentUser user) {
        Checks checks = new Checks();
        checks.required("clientId", r.clientId());
        checks.range("priority", r.priority(), 1, 5);
        ProgramType type = checks.enumValue("type", r.type(), ProgramType.class);
        if (r.programId() == null && (r.type() == null || r.regionCode() == null)) {
            checks.fail("programId", "name a program, or a type and a regionCode");
        }
        if (r.programId() != null && (r.type() != null || r.regionCode() != null)) {
            checks.fail("programId", "name a program or a type and region, not both");
        }
        String region = r.regionCode() == null ? null : r.regionCode().trim().toUpperCase(Locale.ROOT);
        if (region != null && regions.findByCode(region).isEmpty()) {
            checks.fail("regionCode", "unknown region");
        }
        checks.throwIfAny();
        var client = clients.owned(r.clientId(), user);
        if (r.programId() != null && !programs.existsById(r.programId())) {
            throw ProblemException.notFound("Program");
        }
        String typeName = type == null ? null : type.name();
        if (entries.findOpenByClient(client.id()).stream().anyMatch(e -> Objects.equals(e.programId(), r.programId())
                && Objects.equals(e.type(), typeName) && Objects.equals(e.regionCode(), region))) {
            throw ProblemException.conflict("This client is already on this waitlist");
        }
        WaitlistEntry saved = entries.save(new WaitlistEntry(null, client.id(), client.organizationId(), r.programId(),
                typeName, region,
                r.priority() == null ? 3 : r.priority(), WaitlistEntry.WAITING, clock.instant(),
                null, null, null, null, null));
        audit.record(user, "WAITLIST_JOINED", "WAITLIST_ENTRY", saved.id());
        return view(entries.findById(saved.id()).orElseThrow());
    }

    @Transactional
    List<EntryView> list(@Nullable Long programId, @Nullable String type, @Nullable String regionCode, CurrentUser user) {
        List<WaitlistEntry> queue;
        if (programId != null) {
            queue = entries.findOpenForProgram(programId);
        } else if (type != null && regionCode != null) {
            queue = entries.findOpenForTypeAndRegion(type.toUpperCase(), regionCode.toUpperCase());
        } else if (user.isAdmin()) {
            queue = entries.findAllOpen(); // API.md: ADMIN sees every organization's entries
        } else if (user.organizationId() != null) {
            queue = entries.findOpenForOrganization(user.organizationId());
        } else {
            throw ProblemException.invalid("programId", "name a program, or a type and a regionCode");
        }
        return queue.stream()
                .filter(e -> user.isAdmin() || Objects.equals(user.organizationId(), e.organizationId()))
                .map(this::view)
                .toList();
    }

    @Transactional
    void withdraw(long id, CurrentUser user) {
        WaitlistEntry entry = entries.findById(id)
                .filter(e -> user.isAdmin() || Objects.equals(user.organizationId(), e.organizationId()))
                .orElseThrow(() -> ProblemException.notFound("Waitlist entry"));
        if (entries.close(id, WaitlistEntry.WITHDRAWN, clock.instant()) == 0) {
            throw ProblemException.conflict("This entry is no longer open");
        }
        releaseOfferedHold(entry);
        audit.record(user, "WAITLIST_WITHDRAWN", "WAITLIST_ENTRY", id);
    }

    /** A bed became bookable: offer it to whoever is first in line, while beds and people remain. */
    @EventListener
    void onBedsFreed(BedsFreed freed) {
        if (entries.countWaitingFor(freed.programId(), freed.type(), freed.regionCode()) == 0) {
            return;
        }
        Program program = programs.findById(freed.programId()).orElseThrow();
        Facility facility = facilities.findById(program.facilityId()).orElseThrow();
        while (true) {
            Optional<WaitlistEntry> next = entries.findNextFor(program.id(), program.type().name(), facility.regionCode());
            if (next.isEmpty() || !offer(next.get(), program)) {
                return;
            }
        }
    }

    /** An offer's hold ended: taken (placed) or not (expired or released), and the entry follows. */
    @EventListener
    void onHoldEnded(HoldEnded ended) {
        entries.findByHoldIdAndStatus(ended.holdId(), WaitlistEntry.OFFERED).ifPresent(entry -> entries.close(entry.id(),
                Hold.CONSUMED.equals(ended.status()) ? WaitlistEntry.PLACED : WaitlistEntry.EXPIRED, clock.instant()));
    }

    /** Placing a client closes every entry of theirs; an offer they did not use goes to the next person. */
    @EventListener
    void onClientPlaced(ClientPlaced placed) {
        for (WaitlistEntry entry : entries.findOpenByClient(placed.clientId())) {
            if (entries.close(entry.id(), WaitlistEntry.PLACED, clock.instant()) == 1) {
                releaseOfferedHold(entry);
            }
        }
    }

    private boolean offer(WaitlistEntry entry, Program program) {
        Optional<Hold> hold = holds.place(program.id(), entry.clientId(), entry.organizationId(), offerMinutes,
                SYSTEM_USER, "waitlist");
        if (hold.isEmpty()) {
            return false;
        }
        Instant expiresAt = hold.get().expiresAt();
        entries.offer(entry.id(), program.id(), hold.get().id(), clock.instant(), expiresAt);
        events.append("waitlist.offered", program.id(), program.facilityId(), entry.organizationId(), Map.of(
                "entryId", entry.id(), "programId", program.id(), "holdId", hold.get().id(),
                "offerExpiresAt", expiresAt.toString()));
        return true;
    }

    private void releaseOfferedHold(WaitlistEntry entry) {
        if (WaitlistEntry.OFFERED.equals(entry.status()) && entry.holdId() != null) {
            holds.findActive(entry.holdId()).ifPresent(hold -> holds.end(hold, Hold.RELEASED, "waitlist"));
        }
    }

    private EntryView view(WaitlistEntry e) {
        return new EntryView(e.id(), e.clientId(), e.programId(), e.type(), e.regionCode(), e.priority(), e.status(),
                position(e), e.createdAt(), e.offeredProgramId(), e.holdId(), e.offerExpiresAt());
    }

    private int position(WaitlistEntry e) {
        List<WaitlistEntry> queue = e.programId() != null ? entries.findOpenForProgram(e.programId())
                : entries.findOpenForTypeAndRegion(e.type(), e.regionCode());
        int position = 1;
        for (WaitlistEntry other : queue) {
            if (other.id().equals(e.id())) {
                return position;
            }
            if (WaitlistEntry.WAITING.equals(other.status())) {
                position++;
            }
        }
        return 0; // no longer waiting
    }
}
