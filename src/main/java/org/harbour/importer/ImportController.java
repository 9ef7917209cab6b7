package org.harbour.importer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Parameter;
import org.harbour.audit.AuditLog;
import org.harbour.problem.ProblemCode;
import org.harbour.problem.ProblemException;
import org.harbour.security.CurrentUser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Open-data imports (ADMIN). The CSV body is streamed into the importer, never held in memory: these are the
 * only routes whose bodies may exceed 1 MiB (micronaut.server.max-request-size; every buffered body stays
 * under max-request-buffer-size).
 */
@Controller("/api/imports")
@Secured("ADMIN")
class ImportController {

    static final String TEXT_CSV = "text/csv";
    static final String APPLICATION_CSV = "application/csv";

    private final TorontoOccupancyImporter occupancy;
    private final CentralIntakeImporter intake;
    private final AuditLog audit;

    ImportController(TorontoOccupancyImporter occupancy, CentralIntakeImporter intake, AuditLog audit) {
        this.occupancy = occupancy;
        this.intake = intake;
        this.audit = audit;
    }

    @Post(uri = "/toronto-occupancy", consumes = {TEXT_CSV, APPLICATION_CSV}, produces = MediaType.APPLICATION_JSON)
    OccupancySummary torontoOccupancy(HttpRequest<?> request, @Nullable @Body InputStream body,
                                      @Parameter(hidden = true) CurrentUser user) throws IOException {
        try (InputStream csv = required(body)) {
            OccupancySummary summary = occupancy.importCsv(csv, charsetOf(request));
            audit.record(user, "IMPORT_TORONTO_OCCUPANCY", "IMPORT", null);
            return summary;
        }
    }

    @Post(uri = "/toronto-central-intake", consumes = {TEXT_CSV, APPLICATION_CSV}, produces = MediaType.APPLICATION_JSON)
    IntakeSummary torontoCentralIntake(HttpRequest<?> request, @Nullable @Body InputStream body,
                                       @Parameter(hidden = true) CurrentUser user) throws IOException {
        try (InputStream csv = required(body)) {
            IntakeSummary summary = intake.importCsv(csv, charsetOf(request));
            audit.record(user, "IMPORT_CENTRAL_INTAKE", "IMPORT", null);
            return summary;
        }
    }

    private static Charset charsetOf(HttpRequest<?> request) {
        try {
            return request.getContentType().flatMap(MediaType::getCharset).orElse(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException unknownCharset) {
            throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemCode.IMPORT_BAD_CHARSET, "Unsupported charset; send UTF-8 text/csv");
        }
    }

    /** Closed on every path: an unread, unclosed body would hold the connection until the client gives up. */
    private static InputStream required(@Nullable InputStream body) {
        if (body == null) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemCode.IMPORT_EMPTY, "The file is empty; send the CSV with its header row");
        }
        return body;
    }
}
