package org.harbour.report;

import org.harbour.report.AttackerData.Door;
import org.harbour.report.AttackerData.Placement;
import org.harbour.report.AttackerData.Program;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the attacker is after: the true people behind each cell of a query over a period, worked out here from the
 * rows {@link AttackerData} wrote, with the report's own definitions (reports.md): clients placed, hotel guests with
 * nights in the period, door outcomes and the distinct people they happened to.
 */
final class AttackerTruth {

    /** A report request: dates, one or two dimensions, and filters named as the API names them. */
    record Query(LocalDate from, LocalDate to, List<String> groupBy, Map<String, String> filters) {

        String path() {
            StringBuilder path = new StringBuilder("/api/reports/capacity?from=" + from + "&to=" + to + "&groupBy="
                    + String.join(",", groupBy));
            new TreeMap<>(filters).forEach((name, value) -> path.append('&').append(name).append('=').append(value));
            return path.toString();
        }

        boolean admits(Program p) {
            return filters.entrySet().stream().allMatch(f -> p.value(dimensionOf(f.getKey())).equals(f.getValue()));
        }

        /** The row a thing of program p dated d falls in: its groups joined by '|', as {@link #rowKey} joins a row's. */
        String key(Program p, LocalDate d) {
            return String.join("|", groupBy.stream().map(g -> g.equals("month") ? YearMonth.from(d).toString() : p.value(g)).toList());
        }

        private static String dimensionOf(String filter) {
            return filter.equals("regionCode") ? "region" : filter;
        }
    }

    static String rowKey(Map<String, Object> row) {
        Object second = row.get("group2");
        return second == null ? String.valueOf(row.get("group")) : row.get("group") + "|" + second;
    }

    /** Things that happened to people: how many, and to how many distinct people. */
    static final class Tally {
        int count;
        final Set<Long> people = new HashSet<>();

        void add(long person) {
            count++;
            people.add(person);
        }
    }

    /** The true people of one cell. */
    static final class Cell {
        final Set<Long> clients = new HashSet<>();
        final Set<Long> hotelGuests = new HashSet<>();
        final Map<String, Tally> door = new HashMap<>();
        final Map<String, Tally> reasons = new HashMap<>();

        Tally door(String outcome) {
            return door.computeIfAbsent(outcome, o -> new Tally());
        }

        Tally reason(String reason) {
            return reasons.computeIfAbsent(reason, o -> new Tally());
        }
    }

    private AttackerTruth() {
    }

    /** Every cell of the query with its true people over [from, to]. */
    static Map<String, Cell> cells(AttackerData data, Query q, LocalDate from, LocalDate to) {
        Map<String, Cell> cells = new HashMap<>();
        for (Placement p : data.placements) {
            if (!q.admits(p.program())) {
                continue;
            }
            if (!p.start().isBefore(from) && !p.start().isAfter(to)) {
                cells.computeIfAbsent(q.key(p.program(), p.start()), k -> new Cell()).clients.add(p.client());
            }
            if (p.program().type().equals("HOTEL_MOTEL")) {
                for (LocalDate[] piece : pieces(q, from, to)) {
                    LocalDate first = p.start().isAfter(piece[0]) ? p.start() : piece[0];
                    LocalDate pastLast = p.end().isBefore(piece[1].plusDays(1)) ? p.end() : piece[1].plusDays(1);
                    if (first.isBefore(pastLast)) {
                        cells.computeIfAbsent(q.key(p.program(), piece[0]), k -> new Cell()).hotelGuests.add(p.client());
                    }
                }
            }
        }
        for (Door d : data.doors) {
            if (q.admits(d.program()) && !d.localDate().isBefore(from) && !d.localDate().isAfter(to)) {
                Cell cell = cells.computeIfAbsent(q.key(d.program(), d.localDate()), k -> new Cell());
                cell.door(d.outcome()).add(d.person());
                if (d.reason() != null) {
                    cell.reason(d.reason()).add(d.person());
                }
            }
        }
        return cells;
    }

    /** Hotel nights are counted per month when rows are months, else over the whole period. */
    private static List<LocalDate[]> pieces(Query q, LocalDate from, LocalDate to) {
        if (!q.groupBy().contains("month")) {
            return java.util.Collections.singletonList(new LocalDate[]{from, to});
        }
        List<LocalDate[]> pieces = new java.util.ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.atDay(1).isAfter(to); m = m.plusMonths(1)) {
            pieces.add(new LocalDate[]{m.atDay(1).isBefore(from) ? from : m.atDay(1), m.atEndOfMonth().isAfter(to) ? to : m.atEndOfMonth()});
        }
        return pieces;
    }
}
