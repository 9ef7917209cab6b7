package org.harbour.report;

import org.harbour.report.ReportSheet.Line;
import org.harbour.report.ReportSources.Coverage;
import org.harbour.report.ReportSources.Sources;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The capacity report as a spreadsheet a funder can file (issue 19): the same rows as the JSON and the CSV (so the
 * same suppression, {@link Suppression}), under a header stating the period, the whole months of the figures about
 * people, the suppression rule and where the nights come from.
 */
final class CapacitySheet {

    static final String SUPPRESSION_RULE = "Counts of people, and of door outcomes, are rounded to the nearest multiple of "
            + Suppression.MIN_PEOPLE + " and left empty when fewer than " + Suppression.MIN_PEOPLE
            + " distinct people are behind them; figures worked out from people (movesPerEpisode, medianWaitDays,"
            + " hotelNights, hotelCost) are empty below " + Suppression.MIN_PEOPLE + " people. Counts of nights, bed"
            + " requests and placements are exact. An empty cell is suppressed or not applicable, never zero.";

    private CapacitySheet() {
    }

    static byte[] write(CapacityQuery q, List<CapacityRow> rows, DateRange personPeriod, Sources sources, Instant now) {
        return ReportSheet.write("Capacity report", header(q, personPeriod, sources, now), CapacityRow.columns(q.groupBy()),
                rows.stream().map(r -> r.values(q.groupBy())).toList());
    }

    static List<Line> header(CapacityQuery q, DateRange personPeriod, Sources sources, Instant now) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("Report", "Harbour capacity, demand and placements"));
        lines.add(new Line("Period", q.range().from() + " to " + q.range().to() + " (inclusive)"));
        lines.add(new Line("Figures about people cover", personPeriod.from() + " to " + personPeriod.to()
                + " (whole months, so no two reports tell a few people apart by difference)"));
        lines.add(new Line("Grouped by", q.groupBy().dimensions().stream()
                .map(g -> g.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))));
        lines.add(new Line("Filters", filters(q)));
        lines.add(new Line("Suppression rule", SUPPRESSION_RULE));
        lines.add(new Line("Source: Harbour's own counts", "counts from shelter staff and feeds, "
                + coverage(sources.harbour(), "changed on nights") + " (a count stays in force until the next change)"
                + "; bed requests, placements, waits, hotel stays and door outcomes are Harbour's own records"));
        lines.add(new Line("Source: imported open data", coverage(sources.imported(), "nights")
                + " (City of Toronto, Daily Shelter & Overnight Service Occupancy & Capacity)"));
        lines.add(new Line("Generated", now.toString()));
        return lines;
    }

    private static String filters(CapacityQuery q) {
        List<String> parts = new ArrayList<>();
        if (q.regionCode() != null) {
            parts.add("regionCode=" + q.regionCode());
        }
        if (q.type() != null) {
            parts.add("type=" + q.type());
        }
        if (q.population() != null) {
            parts.add("population=" + q.population());
        }
        if (q.capacityType() != null) {
            parts.add("capacityType=" + q.capacityType());
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static String coverage(Coverage c, String nights) {
        if (c.first() == null) {
            return "none in this period";
        }
        return nights + " " + c.first() + " to " + c.last() + ", " + c.programs() + (c.programs() == 1 ? " program" : " programs");
    }
}
