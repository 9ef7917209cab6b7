package org.harbour.platform;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Packets of several statements (Connector/J's allowMultiQueries) save round trips on hot paths: they run
 * their writes and end with the one query whose rows the caller wants. The server stops at the first
 * failing statement and the driver throws it, so reaching the rows means every statement before them ran.
 */
public final class MultiStatements {

    private MultiStatements() {
    }

    /** Runs the packet and steps over the update counts of its writes to the rows of its query. */
    public static ResultSet execute(PreparedStatement packet) throws SQLException {
        return packet.execute() ? packet.getResultSet() : queryAfter(packet);
    }

    /** From the result the packet is at (an update count already read), steps to the rows of the next query. */
    public static ResultSet queryAfter(Statement packet) throws SQLException {
        while (!packet.getMoreResults()) {
            if (packet.getUpdateCount() == -1) {
                throw new SQLException("the packet ended without the query it was sent for");
            }
        }
        return packet.getResultSet();
    }
}
