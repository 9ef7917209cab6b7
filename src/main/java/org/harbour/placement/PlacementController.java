package org.harbour.placement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Parameter;
import org.harbour.placement.PlacementApi.ClientPlacements;
import org.harbour.placement.PlacementApi.EndPlacement;
import org.harbour.placement.PlacementApi.MovePlacement;
import org.harbour.placement.PlacementApi.NewPlacement;
import org.harbour.placement.PlacementApi.PlacementView;
import java.util.Map;
import org.harbour.problem.FieldCode;
import org.harbour.problem.ProblemException;
import org.harbour.security.CurrentUser;

import java.util.List;

@Controller("/api")
@Secured({"CASEWORKER", "ADMIN"})
class PlacementController {

    private final Placements placements;
    private final PlacementReads reads;

    PlacementController(Placements placements, PlacementReads reads) {
        this.placements = placements;
        this.reads = reads;
    }

    @Post("/placements")
    @Status(HttpStatus.CREATED)
    PlacementView place(@Body NewPlacement request, @Parameter(hidden = true) CurrentUser user) {
        return placements.place(request, user);
    }

    @Post("/placements/{id}/end")
    PlacementView end(@PathVariable long id, @Body EndPlacement request, @Parameter(hidden = true) CurrentUser user) {
        return placements.end(id, request, user);
    }

    @Post("/placements/{id}/move")
    @Status(HttpStatus.CREATED)
    PlacementView move(@PathVariable long id, @Body MovePlacement request, @Parameter(hidden = true) CurrentUser user) {
        return placements.move(id, request, user);
    }

    @Get("/placements")
    List<PlacementView> ending(@Nullable @QueryValue Integer endingWithinDays, @Parameter(hidden = true) CurrentUser user) {
        int days = endingWithinDays == null ? 2 : endingWithinDays;
        if (days < 0 || days > 365) {
            throw ProblemException.invalid("endingWithinDays", FieldCode.OUT_OF_RANGE, "must be between 0 and 365",
                    Map.of("min", 0, "max", 365));
        }
        return reads.endingWithin(days, user);
    }

    @Get("/clients/{id}/placements")
    ClientPlacements chain(@PathVariable("id") long clientId, @Parameter(hidden = true) CurrentUser user) {
        return reads.chain(clientId, user);
    }
}
