package org.harbour.availability;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Parameter;
import org.harbour.availability.AvailabilityApi.CountsReport;
import org.harbour.problem.ProblemCode;
import org.harbour.problem.Checks;
import org.harbour.problem.ProblemException;
import org.harbour.security.CurrentUser;

import java.util.List;

@Controller("/api")
class AvailabilityController {

    private final AvailabilityLedger ledger;
    private final Counts queries;

    AvailabilityController(AvailabilityLedger ledger, Counts queries) {
        this.ledger = ledger;
        this.queries = queries;
    }

    @Put("/programs/{id}/availability")
    @Secured({"ADMIN", "SHELTER_STAFF", "FEED"})
    AvailabilityView report(@PathVariable("id") long programId, @Body CountsReport report,
                            @Parameter(hidden = true) CurrentUser user) {
        // one read for who may change it and the night it counts for; an imported program without counts is 404 below
        CountedProgram program = ledger.counted(programId).orElseThrow(() -> ProblemException.notFound("Program"));
        if (!user.mayUpdateCountsOf(program.facilityId())) {
            throw ProblemException.forbidden(ProblemCode.NOT_YOUR_FACILITY, "You may update counts only for your own facilities");
        }
        Checks checks = new Checks();
        checks.required("available", report.available());
        checks.min("available", report.available(), 0);
        checks.min("outOfService", report.outOfService(), 0);
        checks.min("version", report.version(), 0);
        checks.throwIfAny();
        return ledger.report(program, report.available(), report.outOfService(), report.version(),
                user.username(), user.isFeed() ? "FEED" : "STAFF");
    }

    @Get("/programs/{id}/availability")
    @Secured({"ADMIN", "SHELTER_STAFF", "CASEWORKER", "FUNDER"})
    AvailabilityView show(@PathVariable("id") long programId) {
        return queries.find(programId).orElseThrow(() -> ProblemException.notFound("Program"));
    }

    @Get("/availability")
    @Secured({"ADMIN", "SHELTER_STAFF", "CASEWORKER", "FUNDER"})
    List<AvailabilityView> list() {
        return queries.findAll();
    }

}
