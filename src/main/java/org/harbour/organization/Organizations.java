package org.harbour.organization;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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

    /**
     * Locks the organization's row until the caller's transaction ends: the way to make a rule about all of an
     * organization's rows (a limit on its holds) hold under concurrency, one request of that organization at a time.
     */
    public void lock(long organizationId) {
        repository.lockById(organizationId);
    }

    public Optional<Long> findIdByName(String name) {
        return repository.findIdByName(name);
    }

    /** Every organization's id by its name, in one read (an import meets the same few names many times). */
    public Map<String, Long> idsByName() {
        return repository.findAll().stream()
                .collect(Collectors.toMap(Organization::name, Organization::id, (first, second) -> first));
    }

    public Optional<String> findNameById(long id) {
        return repository.findNameById(id);
    }

    public List<Organization> findAll() {
        return repository.findAll();
    }
}
