package org.harbour.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.harbour.client.Needs;
import org.harbour.platform.MultiStatements;
import org.harbour.search.ProgramProfiles.Facility;
import org.harbour.search.ProgramProfiles.Profile;
import org.harbour.search.ProgramProfiles.Snapshot;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The best programs that have a bookable bed, and the near misses, for one bed request. The database hands over the
 * counts of the region's programs with a bed (one narrow index range); who each program admits, its facility and its
 * intake hours come from {@link ProgramProfiles}, held in memory at the version read in the same round trip; and
 * {@link Matcher}'s rules, the only copy of them, decide and rank.
 */
@Singleton
class CandidateQueries {

    private final JdbcOperations jdbc;
    private final ProgramProfiles profiles;

    CandidateQueries(JdbcOperations jdbc, ProgramProfiles profiles) {
        this.jdbc = jdbc;
        this.profiles = profiles;
    }

    /** What one search read: the best matches (at most the limit asked), how many matched in all, the near misses. */
    record Found(List<Candidate> best, int totalMatches, List<Candidate> nearMisses) {
    }

    /** A program's counts as a request reads them. */
    private record Count(long programId, int bookable, Instant updatedAt) {
    }

    /** The columns {@link #count} reads, in order. */
    private static final String COUNTS = "SELECT program_id, GREATEST(available - held, 0), updated_at FROM availability";

    /**
     * The ranked matches and the near misses in one round trip, two when full programs are among the near misses
     * (their counts, by primary key). A program the counts name and the profiles lack was added after the version
     * was read: the request is asked again, once, at the new version.
     */
    @Connectable
    Found search(@Nullable String regionCode, Collection<String> types, Needs needs, boolean admitNow,
                 Instant now, Instant staleBefore, int max, int nearMissesRead) {
        for (int attempt = 0; ; attempt++) {
            Read read = withBed(regionCode);
            Snapshot snapshot = profiles.at(read.version());
            boolean unknown = false;
            List<Row> withBed = new ArrayList<>(read.counts().size());
            Set<Long> hasBed = new HashSet<>(read.counts().size() * 2);
            for (Count count : read.counts()) {
                hasBed.add(count.programId());
                Profile profile = snapshot.byId().get(count.programId());
                if (profile == null) {
                    unknown = true;
                } else if (types.isEmpty() || types.contains(profile.type())) {
                    boolean openNow = openAt(profile.facility(), now);
                    int misses = failures(profile, needs, admitNow && !openNow);
                    if (misses <= 2) {
                        withBed.add(new Row(profile, count, misses, openNow, count.updatedAt().isBefore(staleBefore),
                                Matcher.preferenceScore(profile.eligibility(), needs)));
                    }
                }
            }
            if (unknown && attempt == 0) {
                continue;
            }
            List<Profile> full = fullNearMisses(snapshot.inRegion(regionCode), hasBed, types, needs, admitNow, now,
                    nearMissesRead);
            return found(withBed, full, max, nearMissesRead);
        }
    }

    /**
     * One program with a bed that fails at most two things: how many ({@code misses}), and its ranking keys.
     */
    private record Row(Profile profile, Count count, int misses, boolean openNow, boolean stale, int preference) {
        /** {@link Matcher#ranking}: preferences met, intake open now, fresh, most bookable, then the id. */
        static final Comparator<Row> RANKING = Matcher.ranking(Row::preference, Row::openNow, Row::stale,
                r -> r.count().bookable(), r -> r.profile().programId());
        /** Fewest failures first, then as the ranking. */
        static final Comparator<Row> NEAREST = Comparator.comparingInt(Row::misses).thenComparing(RANKING);
    }

    private Found found(List<Row> withBed, List<Profile> full, int max, int nearMissesRead) {
        List<Row> matches = withBed.stream().filter(r -> r.misses() == 0).sorted(Row.RANKING).toList();
        List<Candidate> best = matches.stream().limit(max).map(r -> candidate(r.profile(), r.count())).toList();
        // near misses: the bookable ones failing one or two things first, then full ones (NO_BED is one more)
        List<Candidate> near = new ArrayList<>(withBed.stream().filter(r -> r.misses() > 0).sorted(Row.NEAREST)
                .limit(nearMissesRead).map(r -> candidate(r.profile(), r.count())).toList());
        Map<Long, Count> fullCounts = counts(full.stream().map(Profile::programId).toList());
        // a program deleted since is left out
        full.stream().filter(p -> fullCounts.containsKey(p.programId()))
                .forEach(p -> near.add(candidate(p, fullCounts.get(p.programId()))));
        return new Found(best, matches.size(), near);
    }

    /**
     * The full programs (no bed to book, as the counts just read say) of the region and types that fail nothing else,
     * then those that fail one more condition (a stated need, or intake closed with {@code admitNow}): at most
     * {@code max} of each, the first in region and id order. {@link Matcher} names the reasons afterwards.
     */
    private static List<Profile> fullNearMisses(List<Profile> inRegion, Set<Long> hasBed, Collection<String> types,
                                                Needs needs, boolean admitNow, Instant now, int max) {
        int mostFailed = Matcher.anyCondition(needs) || admitNow ? 1 : 0;
        int[] taken = new int[mostFailed + 1];
        int wanted = max * taken.length;
        List<Profile> chosen = new ArrayList<>();
        for (Profile profile : inRegion) {
            if (chosen.size() == wanted) {
                break;
            }
            if (hasBed.contains(profile.programId()) || !(types.isEmpty() || types.contains(profile.type()))) {
                continue;
            }
            int failed = failures(profile, needs, admitNow && !openAt(profile.facility(), now));
            if (failed <= mostFailed && taken[failed] < max) {
                taken[failed]++;
                chosen.add(profile);
            }
        }
        return chosen;
    }

    /** The stated needs the program fails, and one more when she must be taken in now and its intake is closed. */
    private static int failures(Profile profile, Needs needs, boolean closedWhenNeeded) {
        return Matcher.reasonsRefused(profile.eligibility(), needs).size() + (closedWhenNeeded ? 1 : 0);
    }

    private static boolean openAt(Facility facility, Instant now) {
        return facility.intakeHours().isOpenAt(now, facility.timeZone());
    }

    /** The directory's version and the counts of the programs with a bed (in the region, when one is given). */
    private record Read(long version, List<Count> counts) {
    }

    /**
     * One round trip: the version, then the counts from the counts' (has_bed, region_code) index (V25): a region's
     * few hundred programs with a bed instead of all of them, each row three numbers.
     */
    private Read withBed(@Nullable String regionCode) {
        String sql = ProgramProfiles.VERSION + ";\n" + COUNTS + " WHERE has_bed = TRUE"
                + (regionCode == null ? "" : " AND region_code = ?");
        return jdbc.prepareStatement(sql, statement -> {
            if (regionCode != null) {
                statement.setString(1, regionCode);
            }
            long version = ProgramProfiles.readVersion(statement);
            List<Count> counts = new ArrayList<>();
            try (ResultSet rs = MultiStatements.queryAfter(statement)) {
                while (rs.next()) {
                    counts.add(count(rs));
                }
            }
            return new Read(version, counts);
        });
    }

    /** The counts of these programs, by id, in one query. */
    private Map<Long, Count> counts(List<Long> programIds) {
        if (programIds.isEmpty()) {
            return Map.of();
        }
        String sql = COUNTS + " WHERE program_id IN ("
                + String.join(",", Collections.nCopies(programIds.size(), "?")) + ")";
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, programIds);
            Map<Long, Count> read = new HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Count count = count(rs);
                    read.put(count.programId(), count);
                }
            }
            return read;
        });
    }

    private static void bind(PreparedStatement statement, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            statement.setLong(i + 1, ids.get(i));
        }
    }

    /** DATETIME read as it is stored (UTC, the session zone): getTimestamp would build a Calendar per row. */
    private static Count count(ResultSet rs) throws SQLException {
        return new Count(rs.getLong(1), rs.getInt(2), rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }

    private static Candidate candidate(Profile p, Count count) {
        Facility f = p.facility();
        return new Candidate(p.programId(), f.id(), f.name(), p.programName(), p.type(), f.regionCode(),
                f.municipality(), f.intakePhone(), f.address(), f.timeZone(), f.intakeHours(), p.maxStayDays(),
                count.bookable(), count.updatedAt(), p.eligibility());
    }
}
