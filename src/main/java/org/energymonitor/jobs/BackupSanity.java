package org.energymonitor.jobs;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Whether a fresh backup copy looks like the database it should be: the schema is there, and it holds at least
 * {@code minRowsRatio} of the readings of the newest good backup. A copy of an emptied, truncated or freshly
 * recreated database fails, so it neither becomes a backup nor pushes good backups out of the retention.
 */
final class BackupSanity {

    private final double minRowsRatio;

    BackupSanity(double minRowsRatio) {
        this.minRowsRatio = minRowsRatio;
    }

    /** What is wrong with {@code copy} against {@code lastGood} (empty when it is fine). */
    Optional<String> problem(Path copy, Optional<Path> lastGood) throws SQLException {
        Optional<Long> rows = readings(copy);
        if (rows.isEmpty()) {
            return Optional.of("the database has no readings table (schema missing)");
        }
        if (lastGood.isPresent()) {
            long before = readings(lastGood.get()).orElse(0L);
            if (rows.get() < before * minRowsRatio) {
                return Optional.of("the database holds " + rows.get() + " readings, the last good backup "
                        + lastGood.get().getFileName() + " " + before + " (energy.backup.min-rows-ratio = "
                        + minRowsRatio + ")");
            }
        }
        return Optional.empty();
    }

    /** The readings in a database file, or empty when it has no readings table. */
    private static Optional<Long> readings(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro")) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('readings', 'meters')");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getInt(1) < 2) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM readings");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.of(rs.getLong(1));
            }
        }
    }
}
