package org.harbour.placement;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.harbour.audit.AuditLog;
import org.harbour.client.Clients;
import org.harbour.facility.ProgramRef;
import org.harbour.facility.Programs;
import org.harbour.placement.PlacementApi.ClientPlacements;
import org.harbour.placement.PlacementApi.PlacementView;
import org.harbour.security.CurrentUser;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Placements as callers see them: one client's chain (the patchwork), and those ending soon. */
@Singleton
class PlacementReads {

    private final PlacementRepository placements;
    private final Programs programs;
    private final Clients clients;
    private final AuditLog audit;
    private final Clock clock;

    PlacementReads(PlacementRepository placements, Programs programs, Clients clients, AuditLog audit, Clock clock) {
        this.placements = placements;
        this.programs = programs;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    ClientPlacements chain(long clientId, CurrentUser user) {
        clients.owned(clientId, user);
        List<Placement> chain = placements.findChain(clientId);
        LocalDate today = today();
        audit.record(user, "PLACEMENTS_READ", "CLIENT", clientId);
        long nights = chain.stream().mapToLong(p -> Patchwork.nights(p, today)).sum();
        return new ClientPlacements(clientId, views(chain), Patchwork.moves(chain, today), nights,
                Patchwork.episodes(chain, today));
    }

    @Transactional
    List<PlacementView> endingWithin(int days, CurrentUser user) {
        LocalDate until = today().plusDays(days);
        List<Placement> ending = user.isAdmin() ? placements.findAllEnding(until)
                : user.organizationId() == null ? List.of() : placements.findEnding(user.organizationId(), until);
        return views(ending);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    PlacementView view(Placement p) {
        return views(List.of(p)).get(0);
    }

    private List<PlacementView> views(List<Placement> list) {
        Map<Long, ProgramRef> programCache = new HashMap<>();
        LocalDate today = today();
        return list.stream().map(p -> {
            ProgramRef program = programCache.computeIfAbsent(p.programId(), id -> programs.find(id).orElseThrow());
            return new PlacementView(p.id(), p.clientId(), p.programId(), program.name(), program.facilityName(),
                    program.type().name(), p.startDate(), p.expectedEndDate(), p.endDate(), p.endReason(),
                    p.moveReason(), p.status(), p.nightlyCost(), p.movedFromId(), Patchwork.nights(p, today));
        }).toList();
    }
}
