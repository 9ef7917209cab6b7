package org.harbour.report;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.harbour.platform.EmbeddedDatabase;
import org.harbour.report.AttackerTruth.Cell;
import org.harbour.report.AttackerTruth.Query;
import org.harbour.report.AttackerTruth.Tally;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.Http;
import org.harbour.testdata.OnPrivateDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.report.AttackerData.EAST;
import static org.harbour.report.AttackerData.FIRST;
import static org.harbour.report.AttackerData.REGIONS;

/**
 * Issue 18 item 2: the capacity report played by an attacker who may ask anything and subtract the answers, over
 * {@link AttackerData}'s small groups, on a database of its own (so every true figure is known).
 *
 * <p>The property, for every answer A to a query (range, one or two dimensions, filters regionCode, type,
 * population, capacityType) and every pair of answers (A, B):
 * <ol>
 *   <li>A states personFiguresPeriod, the whole months holding A's range;</li>
 *   <li>no person count of A (clients, doorArrivals, doorNoShows, doorRefusals, each doorRefusalsByReason) is in
 *   1..4: each is null or a multiple of 5, at least 5;</li>
 *   <li>each is the cell's true count over personFiguresPeriod rounded to the nearest 5, null exactly when fewer
 *   than 5 distinct people are behind it (worked out by {@link AttackerTruth});</li>
 *   <li>a figure derived from people is null in a cell with fewer than 5 distinct people behind it: hotelNights and
 *   hotelCost (hotel guests with nights in the period), movesPerEpisode and medianWaitDays (people whose episodes
 *   began or whose waits ended there: some of the cell's placed clients, so null whenever those are under 5);</li>
 *   <li>within a row, doorRefusals less the reasons shown is not in 1..4;</li>
 *   <li>for a group both A and B answer (same group key, group and group2: same region, type, population or month, whatever their
 *   ranges and filters, which covers nested and overlapping ranges and one filter more or less), no person count
 *   shown by both differs by 1..4.</li>
 * </ol>
 * Pairs: the issue's own (ON-EAST 12-03..12-05 against 12-03..12-04, 2024) first, then one pair per seed: a random
 * query and a neighbour of it (range ends moved by up to a week, a filter added or dropped, or a fresh query with
 * the same grouping). {@code -Dharbour.attacker.seeds=N} and {@code -Dharbour.attacker.seed=S} (the first seed)
 * change how many and which; a failure names each violation's seed and queries.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuppressionAttackTest extends OnPrivateDatabase {

    static final List<String> DIMENSIONS = List.of("region", "type", "population", "month");
    static final Map<String, List<String>> FILTERS = Map.of(
            "regionCode", REGIONS,
            "type", List.of("EMERGENCY_SHELTER", "DV_SHELTER", "HOTEL_MOTEL", "YOUTH_SHELTER", "TRANSITIONAL_HOUSING"),
            "population", List.of("MIXED_ADULT", "WOMEN", "FAMILIES", "YOUTH", "MEN"),
            "capacityType", List.of("BED", "ROOM"));
    static final List<String> COUNTS = List.of("clients", "doorArrivals", "doorNoShows", "doorRefusals");
    static final Map<String, String> OUTCOME_OF = Map.of("doorArrivals", "ARRIVED", "doorNoShows", "NO_SHOW",
            "doorRefusals", "REFUSED_AT_DOOR");

    AttackerData data;
    Http funder;
    final Map<String, Map<String, Object>> answers = new HashMap<>();
    final Map<String, List<String>> violations = new TreeMap<>();
    int smallCellsSeen;
    int differencingChances;

    @Override
    protected String databaseName() {
        return "attacker-mariadb";
    }

    @BeforeAll
    void buildDataSet() {
        Fixtures fixtures = new Fixtures(server.getURI());
        data = new AttackerData(18);
        data.build(fixtures, database.jdbcUrl(), EmbeddedDatabase.USER);
        funder = fixtures.funder();
    }

    @Test
    void noQueryNorPairOfQueriesRevealsFewerThanFivePeople() {
        attack("issue 18", new Query(LocalDate.of(2024, 12, 3), LocalDate.of(2024, 12, 5), List.of("region"), Map.of("regionCode", EAST)),
                new Query(LocalDate.of(2024, 12, 3), LocalDate.of(2024, 12, 4), List.of("region"), Map.of("regionCode", EAST)));
        attack("issue 18", new Query(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28), List.of("type"), Map.of("regionCode", EAST)),
                new Query(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31), List.of("region"), Map.of("type", "HOTEL_MOTEL")));
        int seeds = Integer.getInteger("harbour.attacker.seeds", 150);
        long first = Long.getLong("harbour.attacker.seed", 1800L);
        for (long seed = first; seed < first + seeds; seed++) {
            Random random = new Random(seed);
            Query a = randomQuery(random);
            attack("seed " + seed, a, neighbour(a, random));
        }
        // the attacker had something to find: cells of one to four people, and pairs whose true difference is 1..4
        assertThat(smallCellsSeen).as("cells of 1-4 people asked about").isGreaterThan(20);
        assertThat(differencingChances).as("pairs whose day-exact clients differ by 1-4").isGreaterThan(5);
        assertThat(violations).as(report()).isEmpty();
    }

    private void attack(String seed, Query a, Query b) {
        Map<String, Object> answerA = answer(a);
        Map<String, Object> answerB = answer(b);
        check(seed, a, answerA);
        check(seed, b, answerB);
        Map<String, Map<String, Object>> rowsA = byKey(answerA);
        Map<String, Map<String, Object>> rowsB = byKey(answerB);
        Map<String, Cell> exactA = AttackerTruth.cells(data, a, a.from(), a.to());
        Map<String, Cell> exactB = AttackerTruth.cells(data, b, b.from(), b.to());
        for (String key : rowsA.keySet()) {
            if (!rowsB.containsKey(key)) {
                continue;
            }
            int trueDifference = Math.abs(clients(exactA, key) - clients(exactB, key));
            if (trueDifference >= 1 && trueDifference <= 4) {
                differencingChances++;
            }
            Map<String, Object> x = ReportRows.flatten(rowsA.get(key));
            Map<String, Object> y = ReportRows.flatten(rowsB.get(key));
            for (String field : x.keySet()) {
                if (isPersonCount(field) && x.get(field) != null && y.get(field) != null) {
                    long difference = Math.abs(number(x.get(field)) - number(y.get(field)));
                    if (difference >= 1 && difference <= 4) {
                        violate("6 difference of two queries", seed, key + " " + field + ": " + x.get(field) + " vs "
                                + y.get(field) + " in " + a.path() + " and " + b.path());
                    }
                }
            }
        }
    }

    private void check(String seed, Query q, Map<String, Object> answer) {
        LocalDate from = q.from().withDayOfMonth(1);
        LocalDate to = q.to().with(TemporalAdjusters.lastDayOfMonth());
        @SuppressWarnings("unchecked")
        Map<String, Object> period = (Map<String, Object>) answer.get("personFiguresPeriod");
        if (period == null || !from.toString().equals(period.get("from")) || !to.toString().equals(period.get("to"))) {
            violate("1 personFiguresPeriod", seed, period + " for " + q.path());
            from = q.from();
            to = q.to();
        }
        Map<String, Cell> truth = AttackerTruth.cells(data, q, from, to);
        for (Map.Entry<String, Map<String, Object>> entry : byKey(answer).entrySet()) {
            Cell cell = truth.getOrDefault(entry.getKey(), new Cell());
            Map<String, Object> row = ReportRows.flatten(entry.getValue());
            String where = entry.getKey() + " in " + q.path() + ": ";
            if (!cell.clients.isEmpty() && cell.clients.size() < 5) {
                smallCellsSeen++;
            }
            for (String field : row.keySet()) {
                if (!isPersonCount(field)) {
                    continue;
                }
                Object shown = row.get(field);
                if (shown != null && (number(shown) < 5 || number(shown) % 5 != 0)) {
                    violate("2 a person count in 1..4 or not rounded", seed, where + field + " = " + shown);
                }
                Tally tally = tally(cell, field);
                Long expected = tally.people.size() < 5 ? null : (long) (tally.count + 2) / 5 * 5;
                if (expected == null ? shown != null : shown == null || number(shown) != expected) {
                    violate("3 not the true count rounded", seed, where + field + " = " + shown + ", true " + tally.count
                            + " by " + tally.people.size() + " people");
                }
            }
            derived(seed, where, row, "hotelNights", cell.hotelGuests.size());
            derived(seed, where, row, "hotelCost", cell.hotelGuests.size());
            derived(seed, where, row, "movesPerEpisode", cell.clients.size());
            derived(seed, where, row, "medianWaitDays", cell.clients.size());
            if (row.get("doorRefusals") != null) {
                long rest = number(row.get("doorRefusals")) - row.entrySet().stream()
                        .filter(e -> e.getKey().startsWith("doorRefusalsByReason.") && e.getValue() != null)
                        .mapToLong(e -> number(e.getValue())).sum();
                if (rest >= 1 && rest <= 4) {
                    violate("5 total less its reasons", seed, where + "doorRefusals less its reasons = " + rest);
                }
            }
        }
    }

    private void derived(String seed, String where, Map<String, Object> row, String field, int people) {
        if (people < 5 && row.get(field) != null) {
            violate("4 a figure derived from fewer than 5 people", seed, where + field + " = " + row.get(field)
                    + " from " + people + " people");
        }
    }

    private static boolean isPersonCount(String field) {
        return COUNTS.contains(field) || field.startsWith("doorRefusalsByReason.");
    }

    private static Tally tally(Cell cell, String field) {
        if (field.equals("clients")) {
            Tally clients = new Tally();
            cell.clients.forEach(clients::add);
            return clients;
        }
        if (field.startsWith("doorRefusalsByReason.")) {
            return cell.reasons.getOrDefault(field.substring(field.indexOf('.') + 1), new Tally());
        }
        return cell.door.getOrDefault(OUTCOME_OF.get(field), new Tally());
    }

    private static int clients(Map<String, Cell> cells, String key) {
        Cell cell = cells.get(key);
        return cell == null ? 0 : cell.clients.size();
    }

    static Query randomQuery(Random random) {
        LocalDate from = FIRST.minusDays(10).plusDays(random.nextInt(190));
        LocalDate to = from.plusDays(random.nextInt(random.nextBoolean() ? 10 : 120));
        Map<String, String> filters = new LinkedHashMap<>();
        for (String filter : new TreeMap<>(FILTERS).keySet()) {
            if (random.nextInt(4) == 0) {
                filters.put(filter, pick(FILTERS.get(filter), random));
            }
        }
        String first = pick(DIMENSIONS, random);
        List<String> others = DIMENSIONS.stream().filter(d -> !d.equals(first)).toList();
        // one query in three has two dimensions: a cell per pair, each suppressed on its own
        return new Query(from, to, random.nextInt(3) == 0 ? List.of(first, pick(others, random)) : List.of(first), filters);
    }

    /** Ranges moved by up to a week either way (nested or overlapping), a filter more or less, or a fresh query. */
    static Query neighbour(Query q, Random random) {
        Map<String, String> filters = new LinkedHashMap<>(q.filters());
        LocalDate from = q.from();
        LocalDate to = q.to();
        switch (random.nextInt(4)) {
            case 0 -> from = from.plusDays(random.nextInt(15) - 7);
            case 1 -> to = to.plusDays(random.nextInt(15) - 7);
            case 2 -> {
                String filter = pick(new ArrayList<>(new TreeMap<>(FILTERS).keySet()), random);
                if (filters.remove(filter) == null) {
                    filters.put(filter, pick(FILTERS.get(filter), random));
                }
            }
            default -> {
                Query fresh = randomQuery(random);
                return new Query(fresh.from(), fresh.to(), q.groupBy(), fresh.filters());
            }
        }
        return to.isBefore(from) ? new Query(to, from, q.groupBy(), filters) : new Query(from, to, q.groupBy(), filters);
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private Map<String, Object> answer(Query q) {
        return answers.computeIfAbsent(q.path(), path -> {
            Http.Reply reply = funder.get(path);
            assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(200);
            return reply.map();
        });
    }

    private static Map<String, Map<String, Object>> byKey(Map<String, Object> answer) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) answer.get("rows");
        Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
        rows.forEach(row -> byKey.put(AttackerTruth.rowKey(row), row));
        return byKey;
    }

    private void violate(String kind, String seed, String what) {
        violations.computeIfAbsent(kind, k -> new ArrayList<>()).add(seed + ": " + what);
    }

    /** Each kind of violation, how often, and its first three cases with their seeds. */
    private String report() {
        StringBuilder text = new StringBuilder("an attacker learns about fewer than 5 people:");
        violations.forEach((kind, cases) -> {
            text.append("\n").append(kind).append(" (").append(cases.size()).append(")");
            cases.stream().limit(3).forEach(c -> text.append("\n    ").append(c));
        });
        return text.toString();
    }

    private static long number(Object value) {
        return new java.math.BigDecimal(value.toString()).longValueExact();
    }
}
