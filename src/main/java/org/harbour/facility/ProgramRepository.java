package org.harbour.facility;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ProgramRepository extends CrudRepository<Program, Long> {

    List<Program> findByFacilityIdOrderById(long facilityId);

    List<Program> findAllOrderById();
}
