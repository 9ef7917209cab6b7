package org.harbour.placement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface PlacementRepository extends CrudRepository<Placement, Long> {

    boolean existsByClientIdAndStatus(long clientId, PlacementStatus status);

    @Query("SELECT * FROM placements WHERE client_id = :clientId ORDER BY start_date, id")
    List<Placement> findChain(long clientId);

    /** Ends an ACTIVE placement exactly once. */
    @Query("""
            UPDATE placements SET status = 'ENDED', end_date = :endDate, end_reason = :reason, move_reason = :moveReason,
                   ended_at = :at
             WHERE id = :id AND status = 'ACTIVE'""")
    int end(long id, LocalDate endDate, String reason, @Nullable String moveReason, Instant at);

    @Query("""
            SELECT * FROM placements
             WHERE status = 'ACTIVE' AND organization_id = :organizationId
               AND expected_end_date IS NOT NULL AND expected_end_date <= :until
             ORDER BY expected_end_date, id""")
    List<Placement> findEnding(long organizationId, LocalDate until);

    @Query("""
            SELECT * FROM placements
             WHERE status = 'ACTIVE' AND expected_end_date IS NOT NULL AND expected_end_date <= :until
             ORDER BY expected_end_date, id""")
    List<Placement> findAllEnding(LocalDate until);

    @Query("""
            SELECT * FROM placements
             WHERE status = 'ACTIVE' AND NOT ending_notified
               AND expected_end_date IS NOT NULL AND expected_end_date <= :until
             LIMIT 500""")
    List<Placement> findEndingNotNotified(LocalDate until);

    @Query("UPDATE placements SET ending_notified = TRUE WHERE id = :id AND NOT ending_notified")
    int markEndingNotified(long id);
}
