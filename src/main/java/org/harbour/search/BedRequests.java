package org.harbour.search;

import org.harbour.search.SearchApi.Request;
import org.harbour.search.SearchApi.Result;
import org.harbour.search.SearchApi.Outcome;
import org.harbour.client.Needs;
import org.harbour.client.NeedsRules;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.harbour.audit.AuditLog;
import org.harbour.availability.Counts;
import org.harbour.client.Clients;
import org.harbour.facility.ProgramType;
import org.harbour.problem.Checks;
import org.harbour.problem.ProblemException;
import org.harbour.region.KnownRegions;
import org.harbour.security.CurrentUser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
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
    private final Counts availability;
    private final KnownRegions regions;
    private final Clients clients;
    private final DemandRecords demands;
    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final AuditLog audit;
    private final Clock clock;

    BedRequests(CandidateQueries candidates, Counts availability, KnownRegions regions,
                Clients clients, DemandRecords demands, JdbcOperations jdbc, JsonMapper json, AuditLog audit,
                Clock clock) {
        this.candidates = candidates;
        this.availability = availability;
        this.regions = regions;
        this.clients = clients;
        this.demands = demands;
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    enum DoorOutcome { PLACED, REFUSED_AT_DOOR, CLIENT_DECLINED, NO_SHOW }

    /**
     * Reads the candidates in autocommit (no transaction: one statement, nothing to keep consistent with),
     * then records the demand in one round trip (see {@link DemandRecords}).
     */
    @Connectable
    Result search(Request r, CurrentUser user) {
        Checks checks = new Checks();
        if (r.needs() == null) {
            checks.fail("needs", "is required (send {} for none)");
        }
        Needs needs = NeedsRules.validate(r.needs(), "needs.", checks);
        String region = r.regionCode() == null ? null : r.regionCode().trim().toUpperCase(Locale.ROOT);
        if (region != null && !regions.exists(region)) {
            checks.fail("regionCode", "unknown region; see GET /api/regions");
        }
        Set<String> types = new LinkedHashSet<>();
        if (r.types() != null) {
            for (String t : r.types()) {
                ProgramType type = t == null ? null : checks.enumValue("types", t, ProgramType.class);
                if (type != null) {
                    types.add(type.name());
                } else if (t == null) {
                    checks.fail("types", "must not contain null");
                }
            }
        }
        checks.throwIfAny();
        if (r.clientId() != null) {
            clients.owned(r.clientId(), user);
        }
        Instant now = clock.instant();
        boolean admitNow = Boolean.TRUE.equals(r.admitNow());
        List<Match> matches = candidates.bookable(region, types, needs).stream()
                .filter(c -> Matcher.admits(c.eligibility(), needs))
                .map(c -> toMatch(c, now))
                .filter(m -> !admitNow || m.intakeOpenNow())
                .sorted(Matcher.ranking(needs))
                .toList();
        var demand = new DemandRecords.Demand(user, r.clientId(), region,
                types.isEmpty() ? null : String.join(",", types), toJson(needs), admitNow,
                matches.stream().map(Match::programId).toList(), now);
        long id = r.clientId() == null ? demands.record(demand) : demands.recordAudited(demand);
        return new Result(id, matches, matches.isEmpty(), now);
    }

    @Transactional
    void recordOutcome(long requestId, Outcome o, CurrentUser user) {
        Checks checks = new Checks();
        DoorOutcome outcome = checks.required("outcome", o.outcome())
                ? checks.enumValue("outcome", o.outcome(), DoorOutcome.class) : null;
        checks.required("programId", o.programId());
        checks.throwIfAny();
        Long owner = jdbc.prepareStatement("SELECT organization_id FROM bed_requests WHERE id = ?", statement -> {
            statement.setLong(1, requestId);
            try (var rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("Bed request");
                }
                return rs.getObject(1, Long.class);
            }
        });
        if (!user.isAdmin() && (owner == null || !owner.equals(user.organizationId()))) {
            throw ProblemException.notFound("Bed request");
        }
        if (availability.find(o.programId()).isEmpty()) {
            throw ProblemException.invalid("programId", "unknown program");
        }
        jdbc.prepareStatement("""
                INSERT INTO bed_request_outcomes (bed_request_id, program_id, outcome, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?)""", statement -> {
            statement.setLong(1, requestId);
            statement.setLong(2, o.programId());
            statement.setString(3, outcome.name());
            statement.setLong(4, user.id());
            statement.setTimestamp(5, Timestamp.from(clock.instant()));
            return statement.executeUpdate();
        });
        audit.record(user, "BED_REQUEST_OUTCOME", "BED_REQUEST", requestId);
    }

    private Match toMatch(Candidate c, Instant now) {
        return new Match(c.programId(), c.facilityId(), c.facilityName(), c.programName(), c.type(), c.regionCode(),
                c.municipality(), c.bookable(), c.intakeHours().isOpenAt(now, c.timeZone()), c.intakePhone(),
                c.updatedAt(), availability.isStale(c.updatedAt(), now), c.maxStayDays(),
                c.eligibility().traffickingSpecialized(), c.eligibility().culturallySpecific());
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
