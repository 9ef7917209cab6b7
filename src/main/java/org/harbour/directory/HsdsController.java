package org.harbour.directory;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The programs as Open Referral HSDS 3.1 for 211 directories. Public-directory data about programs, never about a
 * person, so funders may file it as admins do; staff and caseworkers have the live board instead.
 */
@Controller("/api/exports")
@Secured({"ADMIN", "FUNDER"})
class HsdsController {

    private final HsdsExport export;

    HsdsController(HsdsExport export) {
        this.export = export;
    }

    @Get(value = "/hsds", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Every program as an Open Referral HSDS 3.1 service, for 211 directories",
            description = "organizations, services (with phones, languages, service_areas and capacities: beds or rooms "
                    + "free and not held, with their updated time), locations with addresses, and service_at_locations; "
                    + "ids are stable UUIDs. The same for every caller: a confidential facility's programs are listed "
                    + "without a location, an address or the facility's name.")
    Hsds.Bundle hsds() {
        return export.run();
    }
}
