package org.energymonitor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.energymonitor.ingest.Reading;

/**
 * The readings of one meter in [start, end), oldest first, read one row at a time, so a year of raw rows streams
 * without being held in memory. Closing it closes the statement (the caller owns the connection).
 */
public final class ReadingCursor implements AutoCloseable {

    private final String meter;
    private final PreparedStatement statement;
    private final ResultSet rows;

    ReadingCursor(Connection c, String sql, String meter, long start, long end, int limit) throws SQLException {
        this.meter = meter;
        this.statement = c.prepareStatement(sql);
        statement.setString(1, meter);
        statement.setLong(2, start);
        statement.setLong(3, end);
        statement.setInt(4, limit);
        this.rows = statement.executeQuery();
    }

    /** Moves to the next reading; false at the end. */
    public boolean next() throws SQLException {
        return rows.next();
    }

    /** The reading the cursor is on. */
    public Reading reading() throws SQLException {
        return new Reading(meter, rows.getLong(1), Columns.nullableDouble(rows, 2), Columns.nullableDouble(rows, 3),
                Columns.nullableDouble(rows, 4), Columns.nullableDouble(rows, 5), Columns.nullableDouble(rows, 6),
                Columns.nullableDouble(rows, 7), null);
    }

    @Override
    public void close() throws SQLException {
        try {
            rows.close();
        } finally {
            statement.close();
        }
    }
}
