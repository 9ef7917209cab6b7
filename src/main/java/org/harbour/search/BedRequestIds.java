package org.harbour.search;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.harbour.platform.MultiStatements;
import org.harbour.platform.TransactionRetries;

import java.sql.ResultSet;

/**
 * Bed request ids, handed out before the request is written (V32): the answer names its request while the write
 * comes after it. Taken from the database a block at a time, so one statement serves a hundred requests; the ids of
 * a block this instance does not use before it stops are never used (gaps, no repeats).
 */
@Singleton
class BedRequestIds {

    static final int BLOCK = 100;

    /** The block's end, past any id already written, in the session's LAST_INSERT_ID(), read in the same packet. */
    private static final String TAKE_BLOCK = """
            UPDATE id_blocks
               SET next_id = LAST_INSERT_ID(GREATEST(next_id, (SELECT COALESCE(MAX(id), 0) + 1 FROM bed_requests)) + ?)
             WHERE name = 'bed_requests';
            SELECT LAST_INSERT_ID()""";

    private final JdbcOperations jdbc;
    private final TransactionRetries retries;
    private long next;
    private long end;

    BedRequestIds(JdbcOperations jdbc, TransactionRetries retries) {
        this.jdbc = jdbc;
        this.retries = retries;
    }

    /** The next id; outside any transaction, so that the block's row is not held while a request's own one runs. */
    synchronized long next() {
        if (next == end) {
            // a block row taken by two instances at once is a conflict (on Galera, at commit): taken again
            long blockEnd = retries.write(status -> jdbc.prepareStatement(TAKE_BLOCK, statement -> {
                statement.setInt(1, BLOCK);
                if (statement.execute() || statement.getUpdateCount() != 1) {
                    // no row: LAST_INSERT_ID() would be whatever this connection inserted last
                    throw new IllegalStateException("id_blocks has no row for bed_requests (V32 makes it)");
                }
                try (ResultSet rs = MultiStatements.queryAfter(statement)) {
                    rs.next();
                    return rs.getLong(1);
                }
            }));
            next = blockEnd - BLOCK;
            end = blockEnd;
        }
        return next++;
    }
}
