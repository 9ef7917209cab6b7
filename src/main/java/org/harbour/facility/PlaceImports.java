package org.harbour.facility;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.harbour.organization.Organizations;

/** Imports write facilities and programs through here: the facility feature owns those tables. */
@Singleton
public class PlaceImports {

    private final JdbcOperations jdbc;
    private final Organizations organizations;

    PlaceImports(JdbcOperations jdbc, Organizations organizations) {
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    /**
     * The places of one import whose references start with these prefixes (one source's own). Not thread-safe:
     * one per import, used inside its transactions.
     */
    public ImportedPlaces begin(String siteRefPrefix, String serviceRefPrefix) {
        return new ImportedPlaces(new PlaceRows(jdbc), organizations, siteRefPrefix, serviceRefPrefix);
    }
}
