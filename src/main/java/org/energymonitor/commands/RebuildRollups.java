package org.energymonitor.commands;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import org.energymonitor.store.Database;
import org.energymonitor.store.RollupRebuild;

/**
 * The {@code rebuild-rollups} command: recomputes {@code rollup_minute}, {@code rollup_hour} and {@code rollup_day}
 * from {@code readings} in one transaction (live inserts wait for it; a year of 10-second readings takes seconds).
 * Needed after readings arrived out of order (their successors' weights are stale) or after editing readings by hand.
 */
public final class RebuildRollups {

    private final Database db;

    public RebuildRollups(Database db) {
        this.db = db;
    }

    /** Rebuilds and returns one line saying what was written and how long it took. */
    public String run() {
        long started = System.nanoTime();
        try (Connection c = db.connection()) {
            RollupRebuild.Counts n = new RollupRebuild(db.zone()).rebuildAll(c);
            double seconds = (System.nanoTime() - started) / 1e9;
            return String.format(Locale.ROOT, "rebuilt rollups from %,d readings: %,d minute, %,d hour and %,d day "
                    + "rows (days in %s) in %.1f s", n.readings(), n.minuteRows(), n.hourRows(), n.dayRows(),
                    db.zone().getId(), seconds);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot rebuild the rollups of " + db.file() + ": " + e.getMessage(), e);
        }
    }
}
