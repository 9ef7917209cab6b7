package org.harbour.region;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface RegionRepository extends GenericRepository<Region, String> {

    List<Region> findAllOrderByProvinceAndCode();

    Optional<Region> findByCode(String code);
}
