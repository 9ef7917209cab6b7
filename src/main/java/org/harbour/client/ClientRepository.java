package org.harbour.client;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ClientRepository extends CrudRepository<Client, Long> {

    List<Client> findByOrganizationIdOrderById(long organizationId);

    List<Client> findAllOrderById();
}
