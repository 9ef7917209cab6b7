package org.harbour.organization;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** Organizations are known by name in the API; rows are created the first time a name is used. */
@Singleton
public class Organizations {

    private final OrganizationRepository repository;

    Organizations(OrganizationRepository repository) {
        this.repository = repository;
    }

    /** The organization's id, created on first use of the name (racing creates agree on one row). */
    public long idFor(String name) {
        repository.insertIfAbsent(name.trim());
        return repository.findIdByName(name.trim()).orElseThrow();
    }

    public Optional<Long> findIdByName(String name) {
        return repository.findIdByName(name);
    }

    public Optional<String> findNameById(long id) {
        return repository.findNameById(id);
    }

    public List<Organization> findAll() {
        return repository.findAll();
    }
}
