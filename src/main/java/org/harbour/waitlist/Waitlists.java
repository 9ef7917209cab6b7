package org.harbour.waitlist;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.harbour.audit.AuditLog;
import org.harbour.client.Clients;
import org.harbour.facility.ProgramType;
import org.harbour.facility.Programs;
import org.harbour.problem.ProblemCode;
import org.harbour.problem.FieldCode;
import org.harbour.problem.Checks;
import org.harbour.problem.ProblemException;
import org.harbour.region.KnownRegions;
import org.harbour.security.CurrentUser;
import org.harbour.waitlist.WaitlistApi.EntryView;
import org.harbour.waitlist.WaitlistApi.JoinRequest;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Waitlists for a program or for a type of program in a region, in priority then time order. Joining
 * puts a person in line (WAITING); offers are {@link WaitlistOffers}' business.
 */
@Singleton
public class Waitlists {

    private final WaitlistRepository entries;
    private final Programs programs;
    private final KnownRegions regions;
    private final Clients clients;
    private final WaitlistOffers offers;
    private final WaitlistFit fit;
    private final AuditLog audit;
    private final Clock clock;

    Waitlists(WaitlistRepository entries, Programs programs, KnownRegions regions, Clients clients,
              WaitlistOffers offers, WaitlistFit fit, AuditLog audit, Clock clock) {
        this.fit = fit;
        this.entries = entries;
        this.programs = programs;
        this.regions = regions;
        this.clients = clients;
        this.offers = offers;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    EntryView join(JoinRequest r, CurrentUser user) {
        Checks checks = new Checks();
        checks.required("clientId", r.clientId());
        checks.range("priority", r.priority(), 1, 5);
        ProgramType type = checks.enumValue("type", r.type(), ProgramType.class);
        if (r.programId() == null && (r.type() == null || r.regionCode() == null)) {
            checks.fail("programId", FieldCode.PROGRAM_OR_TYPE_AND_REGION, "name a program, or a type and a regionCode");
        }
        if (r.programId() != null && (r.type() != null || r.regionCode() != null)) {
            checks.fail("programId", FieldCode.PROGRAM_AND_TYPE_BOTH, "name a program or a type and region, not both");
        }
        String region = r.regionCode() == null ? null : r.regionCode().trim().toUpperCase(Locale.ROOT);
        if (region != null && !regions.exists(region)) {
            checks.fail("regionCode", FieldCode.UNKNOWN_REGION, "unknown region");
        }
        checks.throwIfAny();
        var client = clients.owned(r.clientId(), user);
        if (r.programId() != null && !programs.exists(r.programId())) {
            throw ProblemException.notFound("Program");
        }
        String typeName = type == null ? null : type.name();
        if (entries.findOpenByClient(client.id()).stream().anyMatch(e -> Objects.equals(e.programId(), r.programId())
                && Objects.equals(e.type(), typeName) && Objects.equals(e.regionCode(), region))) {
            throw ProblemException.conflict(ProblemCode.ALREADY_ON_WAITLIST, "This client is already on this waitlist");
        }
        WaitlistEntry saved = entries.save(new WaitlistEntry(null, client.id(), client.organizationId(), r.programId(),
                typeName, region,
                r.priority() == null ? 3 : r.priority(), WaitlistStatus.WAITING, clock.instant(),
                null, null, null, null, null));
        audit.record(user, "WAITLIST_JOINED", "WAITLIST_ENTRY", saved.id());
        return view(entries.findById(saved.id()).orElseThrow())
                .withBookableNow(fit.bookableNow(client.id(), r.programId(), typeName, region));
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
            throw ProblemException.invalid("programId", FieldCode.PROGRAM_OR_TYPE_AND_REGION, "name a program, or a type and a regionCode");
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
        if (entries.close(id, WaitlistStatus.WITHDRAWN, clock.instant()) == 0) {
            throw ProblemException.conflict(ProblemCode.WAITLIST_ENTRY_CLOSED, "This entry is no longer open");
        }
        offers.releaseOfferedHold(entry);
        audit.record(user, "WAITLIST_WITHDRAWN", "WAITLIST_ENTRY", id);
    }

    private EntryView view(WaitlistEntry e) {
        return new EntryView(e.id(), e.clientId(), e.programId(), e.type(), e.regionCode(), e.priority(), e.status(),
                position(e), e.createdAt(), e.offeredProgramId(), e.holdId(), e.offerExpiresAt(), null);
    }

    private int position(WaitlistEntry e) {
        List<WaitlistEntry> queue = e.programId() != null ? entries.findOpenForProgram(e.programId())
                : entries.findOpenForTypeAndRegion(e.type(), e.regionCode());
        int position = 1;
        for (WaitlistEntry other : queue) {
            if (other.id().equals(e.id())) {
                return position;
            }
            if (other.status() == WaitlistStatus.WAITING) {
                position++;
            }
        }
        return 0; // no longer waiting
    }
}
