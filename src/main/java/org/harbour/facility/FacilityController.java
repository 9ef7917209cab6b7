package org.harbour.facility;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import org.harbour.facility.FacilityRequests.FacilityRequest;
import org.harbour.facility.FacilityRequests.ProgramRequest;
import org.harbour.facility.FacilityViews.FacilityView;
import org.harbour.facility.FacilityViews.ProgramView;
import org.harbour.security.CurrentUser;

import java.util.List;

@Controller("/api")
class FacilityController {

    private final Facilities facilities;

    FacilityController(Facilities facilities) {
        this.facilities = facilities;
    }

    @Post("/facilities")
    @Secured("ADMIN")
    HttpResponse<FacilityView> create(@Body FacilityRequest request, CurrentUser user) {
        return HttpResponse.created(facilities.create(request, user));
    }

    @Get("/facilities")
    @Secured({"ADMIN", "SHELTER_STAFF", "CASEWORKER", "FUNDER"})
    List<FacilityView> list(CurrentUser user) {
        return facilities.list(user);
    }

    @Get("/facilities/{id}")
    @Secured({"ADMIN", "SHELTER_STAFF", "CASEWORKER", "FUNDER"})
    FacilityView show(@PathVariable long id, CurrentUser user) {
        return facilities.find(id, user);
    }

    @Put("/facilities/{id}")
    @Secured("ADMIN")
    FacilityView update(@PathVariable long id, @Body FacilityRequest request, CurrentUser user) {
        return facilities.update(id, request, user);
    }

    @Post("/facilities/{id}/programs")
    @Secured("ADMIN")
    HttpResponse<ProgramView> addProgram(@PathVariable long id, @Body ProgramRequest request, CurrentUser user) {
        return HttpResponse.created(facilities.addProgram(id, request, user));
    }

    @Put("/programs/{id}")
    @Secured("ADMIN")
    ProgramView updateProgram(@PathVariable long id, @Body ProgramRequest request, CurrentUser user) {
        return facilities.updateProgram(id, request, user);
    }
}
