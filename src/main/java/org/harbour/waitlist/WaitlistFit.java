package org.harbour.waitlist;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.harbour.availability.Counts;
import org.harbour.client.Clients;
import org.harbour.client.Needs;
import org.harbour.facility.Eligibility;
import org.harbour.facility.Programs;
import org.harbour.search.Matcher;

import java.util.List;

/**
 * Whether a program would take the person an entry is for: the search's rules ({@link Matcher}) on her stored
 * needs. One fit decides both what the waitlist offers and what "bookable now" counts.
 */
@Singleton
class WaitlistFit {

    private final Clients clients;
    private final Programs programs;
    private final Counts counts;

    WaitlistFit(Clients clients, Programs programs, Counts counts) {
        this.clients = clients;
        this.programs = programs;
        this.counts = counts;
    }

    boolean admits(Eligibility rules, long clientId) {
        return clients.effectiveNeedsOf(clientId).map(needs -> Matcher.admits(rules, needs)).orElse(false);
    }

    /**
     * How many programs that fit the entry (its program, or its type in its region) and the client have a bookable
     * bed at this moment.
     */
    int bookableNow(long clientId, @Nullable Long programId, @Nullable String type, @Nullable String regionCode) {
        Needs needs = clients.effectiveNeedsOf(clientId).orElse(Needs.NONE);
        List<Long> withBeds = programId != null
                ? counts.find(programId).filter(c -> c.bookable() > 0).map(c -> List.of(programId)).orElse(List.of())
                : counts.bookableIn(regionCode, type);
        return (int) withBeds.stream()
                .filter(id -> programs.eligibilityOf(id).map(rules -> Matcher.admits(rules, needs)).orElse(false))
                .count();
    }
}
