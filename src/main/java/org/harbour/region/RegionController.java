package org.harbour.region;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

@Controller("/api/regions")
class RegionController {

    private final RegionRepository regions;

    RegionController(RegionRepository regions) {
        this.regions = regions;
    }

    @Get
    @Secured({"ADMIN", "SHELTER_STAFF", "CASEWORKER", "FUNDER"})
    List<RegionView> list() {
        return regions.findAllOrderByProvinceAndCode().stream()
                .map(r -> new RegionView(r.code(), r.name(), r.nameInFrench(), r.province(), r.timeZone(), r.rural()))
                .toList();
    }

    @Serdeable
    record RegionView(String code, String name, String nameFr, String province, String timeZone, boolean rural) {
    }
}
