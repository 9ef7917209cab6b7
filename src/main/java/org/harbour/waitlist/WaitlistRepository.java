package org.harbour.waitlist;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface WaitlistRepository extends CrudRepository<WaitlistEntry, Long> {

    /**
     * The people in line for a freed bed in this program, in offer order: its own list and its type+region list,
     * skipping anyone already holding an offer in this program (one person, one bed held). A plain read: a locking
     * read here takes gap locks on the waitlist index, and two transactions freeing beds in two programs then
     * deadlock on their offers' updates. Each entry is claimed by {@link #claim} instead, row by row.
     */
    @Query("""
            SELECT * FROM waitlist_entries w
             WHERE w.status = 'WAITING'
               AND (w.program_id = :programId OR (w.program_id IS NULL AND w.type = :type AND w.region_code = :regionCode))
               AND NOT EXISTS (SELECT 1 FROM waitlist_entries o
                                WHERE o.client_id = w.client_id AND o.status = 'OFFERED'
                                  AND o.offered_program_id = :programId)
             ORDER BY priority, created_at, id""")
    List<WaitlistEntry> findWaitingFor(long programId, String type, String regionCode);

    /**
     * Whether anyone waits for this program, read without locks: the locking read above takes next-key
     * locks on the waitlist index, which serialized every transaction that freed a bed anywhere
     * (issue 6: 100 shelters reporting at once managed 32 updates/s and deadlocked).
     */
    @Query("""
            SELECT COUNT(*) FROM waitlist_entries w
             WHERE w.status = 'WAITING'
               AND (w.program_id = :programId OR (w.program_id IS NULL AND w.type = :type AND w.region_code = :regionCode))""")
    long countWaitingFor(long programId, String type, String regionCode);

    /** Takes a WAITING entry for an offer: 1 for the one transaction that got it, 0 if another offered it first. */
    @Query("UPDATE waitlist_entries SET status = 'OFFERED' WHERE id = :id AND status = 'WAITING'")
    int claim(long id);

    /** Gives a claimed entry its place back when no bed was left to offer. */
    @Query("UPDATE waitlist_entries SET status = 'WAITING' WHERE id = :id AND status = 'OFFERED' AND hold_id IS NULL")
    int unclaim(long id);

    @Query("""
            UPDATE waitlist_entries
               SET status = 'OFFERED', offered_at = :at, offer_expires_at = :expiresAt,
                   offered_program_id = :programId, hold_id = :holdId
             WHERE id = :id AND status = 'OFFERED' AND hold_id IS NULL""")
    int offer(long id, long programId, long holdId, Instant at, Instant expiresAt);

    @Query("UPDATE waitlist_entries SET status = :status, closed_at = :at WHERE id = :id AND status IN ('WAITING', 'OFFERED')")
    int close(long id, WaitlistStatus status, Instant at);

    Optional<WaitlistEntry> findByHoldIdAndStatus(long holdId, WaitlistStatus status);

    @Query("SELECT * FROM waitlist_entries WHERE client_id = :clientId AND status IN ('WAITING', 'OFFERED')")
    List<WaitlistEntry> findOpenByClient(long clientId);

    @Query("""
            SELECT * FROM waitlist_entries
             WHERE status IN ('WAITING', 'OFFERED') AND program_id = :programId
             ORDER BY priority, created_at, id""")
    List<WaitlistEntry> findOpenForProgram(long programId);

    @Query("""
            SELECT * FROM waitlist_entries
             WHERE status IN ('WAITING', 'OFFERED') AND program_id IS NULL AND type = :type AND region_code = :regionCode
             ORDER BY priority, created_at, id""")
    List<WaitlistEntry> findOpenForTypeAndRegion(String type, String regionCode);

    @Query("""
            SELECT * FROM waitlist_entries
             WHERE status IN ('WAITING', 'OFFERED') AND organization_id = :organizationId
             ORDER BY priority, created_at, id""")
    List<WaitlistEntry> findOpenForOrganization(long organizationId);

    @Query("""
            SELECT * FROM waitlist_entries
             WHERE status IN ('WAITING', 'OFFERED')
             ORDER BY priority, created_at, id""")
    List<WaitlistEntry> findAllOpen();
}
