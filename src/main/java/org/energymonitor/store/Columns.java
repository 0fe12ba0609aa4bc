package org.energymonitor.store;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reading nullable columns: JDBC returns 0 for SQL NULL unless asked. */
final class Columns {

    private Columns() {
    }

    static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
