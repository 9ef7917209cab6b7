package org.harbour.organization;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("organizations")
public record Organization(@Id @GeneratedValue @Nullable Long id, String name) {
}
