package org.harbour.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface UserRepository extends CrudRepository<User, Long> {

    Optional<User> findByUsername(String username);

    boolean existsByUsername(String username);

    @Query("SELECT facility_id FROM user_facilities WHERE user_id = :userId ORDER BY facility_id")
    List<Long> findFacilityIds(long userId);

    @Query("INSERT INTO user_facilities (user_id, facility_id) VALUES (:userId, :facilityId)")
    void assignFacility(long userId, long facilityId);

    @Query("DELETE FROM user_facilities WHERE user_id = :userId")
    void unassignAllFacilities(long userId);

    /** The row, locked until the transaction ends: two changes of one account wait for each other. */
    @Query("SELECT * FROM users WHERE id = :id FOR UPDATE")
    Optional<User> findByIdForUpdate(long id);

    /**
     * The active administrators, locked in key order: two changes that could each remove an administrator
     * (A disables B while B disables A) queue here instead of both seeing another administrator left.
     */
    @Query("SELECT id FROM users WHERE role = 'ADMIN' AND active ORDER BY id FOR UPDATE")
    List<Long> lockActiveAdminIds();

    @Query("UPDATE users SET role = :role, organization_id = :organizationId, active = :active WHERE id = :id")
    void updateAccess(long id, String role, @io.micronaut.core.annotation.Nullable Long organizationId, boolean active);

    @Query("UPDATE users SET password_hash = :passwordHash, must_change_password = :mustChangePassword WHERE id = :id")
    void updatePassword(long id, String passwordHash, boolean mustChangePassword);
}
