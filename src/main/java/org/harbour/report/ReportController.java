package org.harbour.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.harbour.platform.WritesBehind;
import org.harbour.problem.Checks;
import org.harbour.region.KnownRegions;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/**
 * Funders' reports: aggregates only (privacy rule 3), as JSON or, with Accept: text/csv, as CSV; the capacity report
 * also as a spreadsheet with a header (Accept: the .xlsx type). Every format carries the same suppressed rows.
 */
@Controller("/api/reports")
@Secured({"FUNDER", "ADMIN"})
class ReportController {

    /** The person figures' whole months, "from/to" (ISO 8601 interval): the CSV has no other place to say it. */
    static final String PERSON_PERIOD_HEADER = "Harbour-Person-Figures-Period";

    private final CapacityReport capacity;
    private final List<WritesBehind> writesBehind;
    private final TurnawayReport turnaways;
    private final KnownRegions regions;
    private final ReportSources sources;
    private final Clock clock;

    ReportController(CapacityReport capacity, List<WritesBehind> writesBehind, TurnawayReport turnaways,
                     KnownRegions regions, ReportSources sources, Clock clock) {
        this.capacity = capacity;
        this.writesBehind = writesBehind;
        this.turnaways = turnaways;
        this.regions = regions;
        this.sources = sources;
        this.clock = clock;
    }

    @Get(value = "/capacity", produces = {MediaType.APPLICATION_JSON, ReportCsv.MEDIA_TYPE, ReportSheet.MEDIA_TYPE})
    @Operation(summary = "Capacity, demand and placements by region, type, population or month",
            description = "from and to (YYYY-MM-DD, inclusive, at most 3 years; neither: the dates that have data); "
                    + "groupBy one or two of region|type|population|month (region,type: a row per pair, group and group2); "
                    + "optional regionCode, type, population, capacityType. Figures about people cover whole months "
                    + "(personFiguresPeriod), are rounded to 5 and are null below 5 people. Accept: text/csv for CSV; "
                    + "Accept: " + ReportSheet.MEDIA_TYPE + " for a spreadsheet whose first rows state the period, "
                    + "the suppression rule and the data sources, then the CSV's table.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CapacityRow.Report.class)),
            @Content(mediaType = ReportCsv.MEDIA_TYPE, schema = @Schema(type = "string")),
            @Content(mediaType = ReportSheet.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary"))})
    HttpResponse<?> capacity(HttpRequest<?> request, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                             @Nullable @QueryValue String groupBy, @Nullable @QueryValue String regionCode,
                             @Nullable @QueryValue String type, @Nullable @QueryValue String population,
                             @Nullable @QueryValue String capacityType) {
        // the bed requests this instance has answered are in what it reports (they are written just after their
        // answers); waited for here, before the report's transaction takes a connection
        writesBehind.forEach(WritesBehind::awaitEarlierWrites);
        CapacityQuery query = CapacityQuery.parse(from, to, groupBy, regionCode, type, population, capacityType,
                code -> regions.exists(code), capacity::dataRange);
        List<CapacityRow> rows = capacity.run(query);
        DateRange personPeriod = Suppression.period(query.range());
        String name = "capacity-" + query.range().from() + "-" + query.range().to();
        if (preferred(request) == Format.XLSX) {
            byte[] sheet = CapacitySheet.write(query, rows, personPeriod, sources.of(query), clock.instant());
            return HttpResponse.ok(sheet).contentType(MediaType.of(ReportSheet.MEDIA_TYPE))
                    .header("Content-Disposition", "attachment; filename=\"harbour-" + name + ".xlsx\"")
                    .header(PERSON_PERIOD_HEADER, personPeriod.from() + "/" + personPeriod.to());
        }
        if (wantsCsv(request)) {
            return csv(ReportCsv.write(CapacityRow.columns(query.groupBy()),
                            rows.stream().map(r -> r.values(query.groupBy())).toList()), name)
                    .header(PERSON_PERIOD_HEADER, personPeriod.from() + "/" + personPeriod.to());
        }
        return HttpResponse.ok(new CapacityRow.Report(query.range(), rows, personPeriod))
                .header(PERSON_PERIOD_HEADER, personPeriod.from() + "/" + personPeriod.to());
    }

    @Get(value = "/turnaways", produces = {MediaType.APPLICATION_JSON, ReportCsv.MEDIA_TYPE})
    @Operation(summary = "Toronto Central Intake calls per day: referrals to a space, and no space available")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TurnawayReport.Report.class)),
            @Content(mediaType = ReportCsv.MEDIA_TYPE, schema = @Schema(type = "string"))})
    HttpResponse<?> turnaways(HttpRequest<?> request, @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        Checks checks = new Checks();
        DateRange range = DateRange.parse(from, to, checks);
        checks.throwIfAny();
        TurnawayReport.Report report = turnaways.run(range);
        String personPeriod = report.personFiguresPeriod().from() + "/" + report.personFiguresPeriod().to();
        if (wantsCsv(request)) {
            return csv(ReportCsv.write(TurnawayReport.Day.COLUMNS,
                    report.rows().stream().map(TurnawayReport.Day::values).toList()), "turnaways-" + range.from() + "-" + range.to())
                    .header(PERSON_PERIOD_HEADER, personPeriod);
        }
        return HttpResponse.ok(report).header(PERSON_PERIOD_HEADER, personPeriod);
    }

    enum Format { JSON, CSV, XLSX }

    /** CSV when it is the caller's first choice (highest quality, then order); JSON otherwise. */
    static boolean wantsCsv(HttpRequest<?> request) {
        return preferred(request) == Format.CSV;
    }

    /** The caller's first choice of the formats a report has (highest quality, then order); JSON for anything else. */
    static Format preferred(HttpRequest<?> request) {
        return request.accept().stream()
                .sorted(Comparator.comparingDouble((MediaType m) -> m.getQualityAsNumber().doubleValue()).reversed())
                .map(ReportController::format)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(Format.JSON);
    }

    @Nullable
    private static Format format(MediaType type) {
        if ("text".equals(type.getType()) && "csv".equals(type.getSubtype())) {
            return Format.CSV;
        }
        if (ReportSheet.MEDIA_TYPE.equals(type.getName())) {
            return Format.XLSX;
        }
        return type.matches(MediaType.APPLICATION_JSON_TYPE) || "*".equals(type.getSubtype()) ? Format.JSON : null;
    }

    private static MutableHttpResponse<String> csv(String body, String name) {
        return HttpResponse.ok(body).contentType(MediaType.of(ReportCsv.MEDIA_TYPE + "; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"harbour-" + name + ".csv\"");
    }
}
