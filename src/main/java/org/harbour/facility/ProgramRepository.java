package org.harbour.facility;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ProgramRepository extends CrudRepository<Program, Long> {

    List<Program> findByFacilityIdOrderById(long facilityId);

    List<Program> findAllOrderById();

    @Query("""
            SELECT p.* FROM programs p JOIN facilities f ON f.id = p.facility_id
             WHERE p.type = :type AND f.region_code = :regionCode ORDER BY p.id""")
    List<Program> findByTypeAndRegion(String type, String regionCode);
}
