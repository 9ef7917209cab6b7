package org.harbour.region;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("regions")
public record Region(@Id String code, String name, @Nullable String nameFr, String province, String timeZone,
                     boolean rural) {

    /** The French name; the English one for a region added without it. */
    public String nameInFrench() {
        return nameFr == null || nameFr.isBlank() ? name : nameFr;
    }
}
