package org.harbour.region;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md "Regions": every region with its French name, so a French screen never shows an English place. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegionsApiTest implements HarbourTest {

    @Inject
    EmbeddedServer server;

    @Test
    void everySeededRegionHasItsFrenchName() {
        Http.Reply regions = new Fixtures(server.getURI()).funder().get("/api/regions");

        assertThat(regions.status()).isEqualTo(200);
        assertThat(regions.list()).hasSizeGreaterThanOrEqualTo(15)
                .allSatisfy(r -> assertThat((String) r.get("nameFr")).as("%s", r.get("code")).isNotBlank());
        Map<String, Object> northwest = regions.list().stream()
                .filter(r -> "ON-NORTHWEST".equals(r.get("code"))).findFirst().orElseThrow();
        assertThat(northwest).containsEntry("name", "Northwestern Ontario")
                .containsEntry("nameFr", "Nord-Ouest de l’Ontario").containsEntry("province", "ON");
    }

    @Test
    void aRegionAddedWithoutAFrenchNameShowsItsEnglishOne() {
        String code = "QC-TEST-" + System.nanoTime() % 100_000;
        Sql.update("INSERT INTO regions (code, name, province, time_zone, rural) VALUES (?, 'Testville', 'QC',"
                + " 'America/Toronto', FALSE)", code);

        Http.Reply regions = new Fixtures(server.getURI()).funder().get("/api/regions");

        assertThat(regions.list()).filteredOn(r -> code.equals(r.get("code")))
                .singleElement().satisfies(r -> assertThat(r.get("nameFr")).isEqualTo("Testville"));
    }
}
