package org.energymonitor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;

/** All SQL of {@code rollup_meta}: key/value facts about the rollups, now only the zone of {@code rollup_day}. */
final class RollupMeta {

    private static final String DAY_ZONE = "day_zone";
    private static final String SELECT = "SELECT value FROM rollup_meta WHERE key = ?";
    private static final String UPSERT = "INSERT INTO rollup_meta (key, value) VALUES (?, ?) "
            + "ON CONFLICT (key) DO UPDATE SET value = excluded.value";
    private static final String READINGS_IN_MINUTES = "SELECT coalesce(sum(n), 0) FROM rollup_minute";

    /** The zone id {@code rollup_day} was built with, or null before it was first built. */
    String dayZone(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setString(1, DAY_ZONE);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    void setDayZone(Connection c, ZoneId zone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setString(1, DAY_ZONE);
            ps.setString(2, zone.getId());
            ps.executeUpdate();
        }
    }

    /** Readings summarised by the minute table (equal to the rows of {@code readings} when it is in step). */
    long readingsInMinutes(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(READINGS_IN_MINUTES); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
