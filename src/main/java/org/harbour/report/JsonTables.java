package org.harbour.report;

import org.harbour.availability.NightCutoffs;
import org.harbour.facility.ProgramType;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/** Small tables the report's SQL reads with JSON_TABLE: built here from the request, never from user text. */
final class JsonTables {

    private JsonTables() {
    }

    /** The types requests are split over when grouped by type: just the filtered one, if any. */
    static String types(CapacityQuery q) {
        List<ProgramType> types = q.type() != null ? List.of(q.type()) : Arrays.asList(ProgramType.values());
        return types.stream().map(t -> "\"" + t.name() + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    /**
     * The periods nights are counted over, as day numbers: each month of the range (key "2025-03"), or
     * the whole range (key "") when the rows are not months. The range is the asked one for nights of beds,
     * the person period for hotel nights.
     */
    static String periods(CapacityQuery q, DateRange range) {
        StringJoiner json = new StringJoiner(",", "[", "]");
        if (!q.groupBy().has(Grouping.MONTH)) {
            return json.add(period("", range.from(), range.to())).toString();
        }
        for (YearMonth month = YearMonth.from(range.from()); !month.atDay(1).isAfter(range.to()); month = month.plusMonths(1)) {
            LocalDate start = month.atDay(1).isBefore(range.from()) ? range.from() : month.atDay(1);
            LocalDate end = month.atEndOfMonth().isAfter(range.to()) ? range.to() : month.atEndOfMonth();
            json.add(period(month.toString(), start, end));
        }
        return json.toString();
    }

    private static String period(String key, LocalDate start, LocalDate end) {
        return "{\"k\":\"" + key + "\",\"s\":" + NightCutoffs.dayNumber(start) + ",\"e\":" + NightCutoffs.dayNumber(end) + "}";
    }
}
