package org.energymonitor.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * One SQL statement of a table class with its bound values in placeholder order: what {@link TableWrites} runs, or
 * {@link HeldReadings} keeps while the database does not take writes. It never leaves this package.
 */
record SqlCall(String sql, List<Object> values) {

    static SqlCall of(String sql, Object... values) {
        return new SqlCall(sql, java.util.Arrays.asList(values));
    }

    void bind(PreparedStatement ps) throws SQLException {
        int i = 1;
        for (Object v : values) {
            ps.setObject(i++, v);
        }
    }
}
