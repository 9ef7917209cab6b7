package org.harbour.facility;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Parameter;
import org.harbour.facility.FacilityApi.FacilityRequest;
import org.harbour.facility.FacilityApi.FacilityView;
import org.harbour.facility.FacilityApi.ProgramRequest;
import org.harbour.facility.FacilityApi.ProgramView;
import org.harbour.security.CurrentUser;

import java.util.List;

@Controller("/api")
class FacilityController {

    private final Facilities facilities;

    FacilityController(Facilities facilities) {
        this.facilities = facilities;
    }

    @Post("/facilities")
    @Status(HttpStatus.CREATED)
    @Secured("ADMIN")
    FacilityView create(@Body FacilityRequest request, @Parameter(hidden = true) CurrentUser user) {
        return facilities.create(request, user);
    }

    @Get("/facilities")
    @Secured({"ADMIN", "SHELTER_STAFF", "CASEWORKER", "FUNDER"})
    List<FacilityView> list(@Parameter(hidden = true) CurrentUser user) {
        return facilities.list(user);
    }

    @Get("/facilities/{id}")
    @Secured({"ADMIN", "SHELTER_STAFF", "CASEWORKER", "FUNDER"})
    FacilityView show(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
        return facilities.find(id, user);
    }

    @Put("/facilities/{id}")
    @Secured("ADMIN")
    FacilityView update(@PathVariable long id, @Body FacilityRequest request, @Parameter(hidden = true) CurrentUser user) {
        return facilities.update(id, request, user);
    }

    @Post("/facilities/{id}/programs")
    @Status(HttpStatus.CREATED)
    @Secured("ADMIN")
    ProgramView addProgram(@PathVariable long id, @Body ProgramRequest request, @Parameter(hidden = true) CurrentUser user) {
        return facilities.addProgram(id, request, user);
    }

    @Put("/programs/{id}")
    @Secured("ADMIN")
    ProgramView updateProgram(@PathVariable long id, @Body ProgramRequest request, @Parameter(hidden = true) CurrentUser user) {
        return facilities.updateProgram(id, request, user);
    }
}
