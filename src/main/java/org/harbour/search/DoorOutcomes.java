package org.harbour.search;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.harbour.audit.AuditLog;
import org.harbour.availability.Counts;
import org.harbour.problem.FieldCode;
import org.harbour.problem.Checks;
import org.harbour.problem.ProblemException;
import org.harbour.search.SearchApi.Outcome;
import org.harbour.security.CurrentUser;

import java.sql.Timestamp;
import java.time.Clock;

/** What came of a bed request at a program's door, as its caseworker records it (refusals feed the board). */
@Singleton
class DoorOutcomes {

    enum DoorOutcome { PLACED, REFUSED_AT_DOOR, CLIENT_DECLINED, NO_SHOW }

    private final JdbcOperations jdbc;
    private final Counts availability;
    private final AuditLog audit;
    private final Clock clock;

    DoorOutcomes(JdbcOperations jdbc, Counts availability, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.availability = availability;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    void record(long requestId, Outcome o, CurrentUser user) {
        Checks checks = new Checks();
        DoorOutcome outcome = checks.required("outcome", o.outcome())
                ? checks.enumValue("outcome", o.outcome(), DoorOutcome.class) : null;
        checks.required("programId", o.programId());
        checks.throwIfAny();
        Long owner = jdbc.prepareStatement("SELECT organization_id FROM bed_requests WHERE id = ?", statement -> {
            statement.setLong(1, requestId);
            try (var rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("Bed request");
                }
                return rs.getObject(1, Long.class);
            }
        });
        if (!user.isAdmin() && (owner == null || !owner.equals(user.organizationId()))) {
            throw ProblemException.notFound("Bed request");
        }
        if (availability.find(o.programId()).isEmpty()) {
            throw ProblemException.invalid("programId", FieldCode.UNKNOWN_PROGRAM, "unknown program");
        }
        jdbc.prepareStatement("""
                INSERT INTO bed_request_outcomes (bed_request_id, program_id, outcome, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?)""", statement -> {
            statement.setLong(1, requestId);
            statement.setLong(2, o.programId());
            statement.setString(3, outcome.name());
            statement.setLong(4, user.id());
            statement.setTimestamp(5, Timestamp.from(clock.instant()));
            return statement.executeUpdate();
        });
        audit.record(user, "BED_REQUEST_OUTCOME", "BED_REQUEST", requestId);
    }
}
