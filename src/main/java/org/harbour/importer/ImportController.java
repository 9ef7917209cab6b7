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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import org.harbour.audit.AuditLog;
import org.harbour.problem.ProblemException;
import org.harbour.security.CurrentUser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Open-data imports (ADMIN). The CSV body is streamed into the importer, never held in memory: these are the
 * only routes whose bodies may exceed 1 MiB (micronaut.server.max-request-size; every buffered body stays
 * under max-request-buffer-size).
 */
@Controller("/api/imports")
@Secured("ADMIN")
class ImportController {

    private static final Set<String> CSV = Set.of("text/csv", "application/csv");

    private final TorontoOccupancyImporter occupancy;
    private final CentralIntakeImporter intake;
    private final AuditLog audit;

    ImportController(TorontoOccupancyImporter occupancy, CentralIntakeImporter intake, AuditLog audit) {
        this.occupancy = occupancy;
        this.intake = intake;
        this.audit = audit;
    }

    @Post(uri = "/toronto-occupancy", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = "text/csv"))
    OccupancySummary torontoOccupancy(HttpRequest<?> request, @Nullable @Body InputStream body,
                                      @Parameter(hidden = true) CurrentUser user) throws IOException {
        try (InputStream csv = required(body)) {
            OccupancySummary summary = occupancy.importCsv(csv, csvCharset(request));
            audit.record(user, "IMPORT_TORONTO_OCCUPANCY", "IMPORT", null);
            return summary;
        }
    }

    @Post(uri = "/toronto-central-intake", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = "text/csv"))
    IntakeSummary torontoCentralIntake(HttpRequest<?> request, @Nullable @Body InputStream body,
                                       @Parameter(hidden = true) CurrentUser user) throws IOException {
        try (InputStream csv = required(body)) {
            IntakeSummary summary = intake.importCsv(csv, csvCharset(request));
            audit.record(user, "IMPORT_CENTRAL_INTAKE", "IMPORT", null);
            return summary;
        }
    }

    /** Checked here rather than by @Consumes, so the 415 names the type these routes take. */
    private static Charset csvCharset(HttpRequest<?> request) {
        MediaType type = request.getContentType().orElse(null);
        if (type == null || !CSV.contains(type.getName().toLowerCase())) {
            throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type; send text/csv");
        }
        try {
            return type.getCharset().orElse(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException unknownCharset) {
            throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported charset; send UTF-8 text/csv");
        }
    }

    /** Closed on every path: an unread, unclosed body would hold the connection until the client gives up. */
    private static InputStream required(@Nullable InputStream body) {
        if (body == null) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "The file is empty; send the CSV with its header row");
        }
        return body;
    }
}
