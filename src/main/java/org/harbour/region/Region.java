package org.harbour.region;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("regions")
public record Region(@Id String code, String name, String province, String timeZone, boolean rural) {
}
