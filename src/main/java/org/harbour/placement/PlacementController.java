package org.harbour.placement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import org.harbour.placement.PlacementViews.ClientPlacements;
import org.harbour.placement.PlacementViews.EndPlacement;
import org.harbour.placement.PlacementViews.MovePlacement;
import org.harbour.placement.PlacementViews.NewPlacement;
import org.harbour.placement.PlacementViews.PlacementView;
import org.harbour.problem.ProblemException;
import org.harbour.security.CurrentUser;

import java.util.List;

@Controller("/api")
@Secured({"CASEWORKER", "ADMIN"})
class PlacementController {

    private final Placements placements;

    PlacementController(Placements placements) {
        this.placements = placements;
    }

    @Post("/placements")
    HttpResponse<PlacementView> place(@Body NewPlacement request, CurrentUser user) {
        return HttpResponse.created(placements.place(request, user));
    }

    @Post("/placements/{id}/end")
    PlacementView end(@PathVariable long id, @Body EndPlacement request, CurrentUser user) {
        return placements.end(id, request, user);
    }

    @Post("/placements/{id}/move")
    HttpResponse<PlacementView> move(@PathVariable long id, @Body MovePlacement request, CurrentUser user) {
        return HttpResponse.created(placements.move(id, request, user));
    }

    @Get("/placements")
    List<PlacementView> ending(@Nullable @QueryValue Integer endingWithinDays, CurrentUser user) {
        int days = endingWithinDays == null ? 2 : endingWithinDays;
        if (days < 0 || days > 365) {
            throw ProblemException.invalid("endingWithinDays", "must be between 0 and 365");
        }
        return placements.endingWithin(days, user);
    }

    @Get("/clients/{clientId}/placements")
    ClientPlacements chain(@PathVariable long clientId, CurrentUser user) {
        return placements.chain(clientId, user);
    }
}
