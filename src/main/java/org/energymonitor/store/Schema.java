package org.energymonitor.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Schema versions, applied in order at start-up; {@code PRAGMA user_version} records the last one applied.
 */
final class Schema {

    private static final List<List<String>> MIGRATIONS = List.of(
            List.of(ReadingsTable.CREATE, MetersTable.CREATE, MetersTable.CREATE_SERIES,
                    QuarantineTable.CREATE, QuarantineTable.CREATE_INDEX, RawPayloadsTable.CREATE),
            RollupSchema.migration());

    void migrate(Connection c) throws SQLException {
        int version;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > MIGRATIONS.size()) {
            throw new SQLException("The database has schema version " + version
                    + " but this build knows only up to " + MIGRATIONS.size() + ": it was written by a newer release");
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (int v = version; v < MIGRATIONS.size(); v++) {
                for (String sql : MIGRATIONS.get(v)) {
                    s.execute(sql);
                }
                s.execute("PRAGMA user_version = " + (v + 1));
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
