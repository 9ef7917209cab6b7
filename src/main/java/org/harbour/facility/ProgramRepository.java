package org.harbour.facility;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ProgramRepository extends CrudRepository<Program, Long> {

    List<Program> findByFacilityIdOrderById(long facilityId);

    List<Program> findAllOrderById();

    /** Just the facility (for events), without mapping the whole program. */
    Optional<Long> findFacilityIdById(long id);
}
