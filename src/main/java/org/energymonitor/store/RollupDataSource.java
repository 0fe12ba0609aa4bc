package org.energymonitor.store;

import java.sql.SQLException;
import java.time.ZoneId;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * A SQLite data source whose every connection has the {@link RollupFunctions} registered, so that camel-jdbc's
 * connections fire the rollup triggers on {@code readings} like the bulk commands' do.
 */
final class RollupDataSource extends SQLiteDataSource {

    private final ZoneId zone;

    RollupDataSource(SQLiteConfig config, ZoneId zone) {
        super(config);
        this.zone = zone;
    }

    @Override
    public SQLiteConnection getConnection(String username, String password) throws SQLException {
        SQLiteConnection c = super.getConnection(username, password);
        try {
            RollupFunctions.register(c, zone);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }
}
