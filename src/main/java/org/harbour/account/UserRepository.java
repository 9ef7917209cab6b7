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
}
