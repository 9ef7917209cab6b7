package org.harbour.search;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.harbour.availability.Freshness;
import org.harbour.client.Client;
import org.harbour.client.Clients;
import org.harbour.client.Needs;
import org.harbour.client.NeedsRules;
import org.harbour.facility.IntakeHours;
import org.harbour.facility.ProgramType;
import org.harbour.problem.FieldCode;
import org.harbour.problem.Checks;
import org.harbour.region.KnownRegions;
import org.harbour.search.SearchApi.Request;
import org.harbour.search.SearchApi.Result;
import org.harbour.security.CurrentUser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the beds that will take this person now, ranks them, and records the request: what was asked
 * and what was found. A request with no match is unmet demand, counted in funders' reports.
 */
@Singleton
class BedRequests {

    private final CandidateQueries candidates;
    private final Freshness freshness;
    private final KnownRegions regions;
    private final Clients clients;
    private final DemandRecords demands;
    private final DemandWriter writer;
    private final BedRequestIds ids;
    private final JsonMapper json;
    private final Clock clock;

    BedRequests(CandidateQueries candidates, Freshness freshness, KnownRegions regions,
                Clients clients, DemandRecords demands, DemandWriter writer, BedRequestIds ids, JsonMapper json,
                Clock clock) {
        this.candidates = candidates;
        this.freshness = freshness;
        this.regions = regions;
        this.clients = clients;
        this.demands = demands;
        this.writer = writer;
        this.ids = ids;
        this.json = json;
        this.clock = clock;
    }

    /** Near misses shown per request (API.md "Search"). */
    static final int NEAR_MISSES = 10;
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    /**
     * Reads the best matches and the near misses in autocommit (no transaction: nothing to keep consistent with), and
     * records the demand: after the answer for an anonymous enquiry ({@link DemandWriter}), before it for a client's.
     */
    @Connectable
    Result search(Request r, CurrentUser user) {
        Checks checks = new Checks();
        if (r.needs() == null && r.clientId() == null) {
            checks.fail("needs", FieldCode.NEEDS_REQUIRED, "is required (send {} for none, or a clientId to use her stored needs)");
        }
        Needs stated = NeedsRules.validate(r.needs(), "needs.", checks);
        String region = r.regionCode() == null ? null : r.regionCode().trim().toUpperCase(Locale.ROOT);
        if (region != null && !regions.exists(region)) {
            checks.fail("regionCode", FieldCode.UNKNOWN_REGION, "unknown region; see GET /api/regions");
        }
        Set<String> types = new LinkedHashSet<>();
        if (r.types() != null) {
            for (String t : r.types()) {
                ProgramType type = t == null ? null : checks.enumValue("types", t, ProgramType.class);
                if (type != null) {
                    types.add(type.name());
                } else if (t == null) {
                    checks.fail("types", FieldCode.CONTAINS_NULL, "must not contain null");
                }
            }
        }
        checks.range("limit", r.limit(), 1, MAX_LIMIT);
        boolean saveNeeds = Boolean.TRUE.equals(r.saveNeeds());
        if (saveNeeds && (r.clientId() == null || r.needs() == null)) {
            checks.fail("saveNeeds", FieldCode.SAVE_NEEDS_WITHOUT_CLIENT, "stores the request's needs on its client: send both clientId and needs");
        }
        checks.throwIfAny();
        Instant now = clock.instant();
        Needs needs = stated;
        if (r.clientId() != null) {
            Client client = clients.owned(r.clientId(), user);
            if (r.needs() == null) {
                needs = clients.effectiveNeeds(client);
            } else if (saveNeeds) {
                clients.saveNeeds(r.clientId(), stated, user);
            }
        }
        boolean admitNow = Boolean.TRUE.equals(r.admitNow());
        int limit = r.limit() == null ? DEFAULT_LIMIT : r.limit();

        // the best first, from the database: at least as many as the demand record keeps, the answer shows `limit`
        CandidateQueries.Found found = candidates.search(region, types, needs, admitNow, now,
                freshness.staleBefore(now), Math.max(limit, DemandRecords.KEPT_MATCHES), NEAR_MISSES);
        // admitted and ranked there, by Matcher's rules and ranking: the page is their first `limit`
        List<Match> ranked = new ArrayList<>(Math.min(limit, found.best().size()));
        for (Candidate c : found.best().subList(0, Math.min(limit, found.best().size()))) {
            ranked.add(toMatch(c, needs, now));
        }
        int total = found.totalMatches();
        List<NearMiss> nearMisses = new ArrayList<>();
        for (Candidate c : found.nearMisses()) {
            Match match = toMatch(c, needs, now);
            List<MissReason> reasons = new ArrayList<>(Matcher.reasonsRefused(c.eligibility(), needs));
            if (c.bookable() <= 0) {
                reasons.add(MissReason.NO_BED);
            }
            if (admitNow && !match.intakeOpenNow()) {
                reasons.add(MissReason.INTAKE_CLOSED);
            }
            if (!reasons.isEmpty() && reasons.size() <= 2) {
                nearMisses.add(NearMiss.of(match, reasons));
            }
        }
        Comparator<NearMiss> fewestFirst = Comparator.comparing((NearMiss n) -> n.reasons().size())
                .thenComparing(n -> n.match().bookable(), (a, b) -> Boolean.compare(b > 0, a > 0))
                .thenComparing(n -> n.match().matchedPreferences().size(), Comparator.reverseOrder())
                .thenComparing(n -> !n.match().intakeOpenNow())
                .thenComparing(n -> n.match().stale())
                .thenComparing(n -> n.match().bookable(), Comparator.reverseOrder())
                .thenComparing(n -> n.match().programId());
        nearMisses.sort(fewestFirst);

        // the demand record keeps the first KEPT_MATCHES in rank order (the page is a prefix of them)
        List<Long> kept = found.best().stream().limit(DemandRecords.KEPT_MATCHES).map(Candidate::programId).toList();
        long id = ids.next();
        var demand = new DemandRecords.Demand(id, user, r.clientId(), region,
                types.isEmpty() ? null : String.join(",", types), toJson(needs), admitNow, total, kept, now);
        if (r.clientId() == null) {
            writer.write(demand); // after the answer: nothing in it waits for the write
        } else {
            demands.writeAudited(demand); // who looked for her is on record before she is told anything
        }
        return new Result(id, List.copyOf(ranked), total == 0, now, total,
                List.copyOf(nearMisses.subList(0, Math.min(NEAR_MISSES, nearMisses.size()))));
    }

    private Match toMatch(Candidate c, Needs needs, Instant now) {
        IntakeHours hours = c.intakeHours();
        return new Match(c.programId(), c.facilityId(), c.facilityName(), c.programName(), c.type(), c.regionCode(),
                c.municipality(), c.bookable(), hours.isOpenAt(now, c.timeZone()), c.intakePhone(),
                c.updatedAt(), c.updatedAt().isBefore(freshness.staleBefore(now)), c.maxStayDays(),
                c.eligibility().traffickingSpecialized(), c.eligibility().culturallySpecific(), c.address(),
                hours.nextOpening(now, c.timeZone()), hours.nextClosing(now, c.timeZone()),
                Matcher.matchedPreferences(c.eligibility(), needs));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
