package org.harbour.organization;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface OrganizationRepository extends CrudRepository<Organization, Long> {

    @Query("INSERT IGNORE INTO organizations (name) VALUES (:name)")
    void insertIfAbsent(String name);

    /**
     * A locking read sees the latest committed row: a plain read inside a REPEATABLE READ
     * transaction would miss an organization another request created since its snapshot. It is a
     * shared lock, the one INSERT IGNORE already holds on a duplicate, so racing creates cannot deadlock.
     */
    @Query("SELECT id FROM organizations WHERE name = :name LOCK IN SHARE MODE")
    Optional<Long> findIdByName(String name);

    @Query("SELECT id FROM organizations WHERE id = :id FOR UPDATE")
    Optional<Long> lockById(long id);

    @Query("SELECT name FROM organizations WHERE id = :id")
    Optional<String> findNameById(long id);
}
