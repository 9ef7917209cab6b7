package org.harbour.hold;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface HoldRepository extends CrudRepository<Hold, Long> {

    /** Ends an ACTIVE hold exactly once: answers 1 for the caller that ended it, 0 for everyone else. */
    @Query("UPDATE holds SET status = :status, ended_at = :at WHERE id = :id AND status = 'ACTIVE'")
    int end(long id, HoldStatus status, Instant at);

    @Query("SELECT id FROM holds WHERE status = 'ACTIVE' AND expires_at <= :now ORDER BY expires_at LIMIT 500")
    List<Long> findDue(Instant now);

    List<Hold> findByProgramIdAndStatusOrderByExpiresAt(long programId, HoldStatus status);

    @Query("UPDATE holds SET wrong_codes = wrong_codes + 1 WHERE id = :id")
    void countWrongCode(long id);

    @Query("SELECT wrong_codes FROM holds WHERE id = :id")
    int wrongCodesOf(long id);

    @Query("UPDATE holds SET door_outcome = :outcome, door_reason = :reason WHERE id = :id")
    void recordDoor(long id, DoorOutcome outcome, @Nullable String reason);
}
