package org.energymonitor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;

/**
 * Recomputes the rollup tables with set-based SQL: minutes from {@code readings} (each weight from an index lookup of
 * the previous reading, faster here than a window function), hours and local days from minutes (exact: every zone offset in use is whole minutes).
 * A bulk insert rebuilds only the range it touched ({@link #rebuildRange}); {@code rebuild-rollups} all of it.
 */
public final class RollupRebuild {

    private static final long MINUTE = 60_000L;
    private static final long HOUR = 3_600_000L;
    private static final String ALL = "";
    private static final String RANGE = "WHERE meter = ?1 AND %s >= ?2 AND %s < ?3";

    /**
     * Minutes from readings. Each weight is an index lookup of the previous reading ({@code LIMIT -1} keeps SQLite
     * from flattening the subquery, which would run that lookup once per use of w); the first and last counters are
     * read by joining the rows at their times (export usually shares the import's row).
     */
    private static final String MINUTES_FROM_READINGS = """
            INSERT INTO rollup_minute (%1$s)
            SELECT g.meter, g.b, g.n, g.first_ts, g.last_ts, g.p_n, g.p_min, g.p_max, g.p_sum, g.pw_sum, g.w_sum,
              f.import_kwh, g.imp_first_ts, l.import_kwh, g.imp_last_ts,
              CASE WHEN g.exp_first_ts = g.imp_first_ts THEN f.export_kwh
                   ELSE (SELECT r.export_kwh FROM readings r WHERE r.meter = g.meter AND r.ts = g.exp_first_ts) END,
              g.exp_first_ts,
              CASE WHEN g.exp_last_ts = g.imp_last_ts THEN l.export_kwh
                   ELSE (SELECT r.export_kwh FROM readings r WHERE r.meter = g.meter AND r.ts = g.exp_last_ts) END,
              g.exp_last_ts, g.l1_n, g.l1_sum, g.l2_n, g.l2_sum, g.l3_n, g.l3_sum
            FROM (SELECT meter, ts - ts %% 60000 AS b, count(*) AS n, min(ts) AS first_ts, max(ts) AS last_ts,
                    count(power_w) AS p_n, min(power_w) AS p_min, max(power_w) AS p_max, total(power_w) AS p_sum,
                    total(power_w * w) AS pw_sum, sum(CASE WHEN power_w IS NULL THEN 0 ELSE w END) AS w_sum,
                    min(CASE WHEN import_kwh IS NOT NULL THEN ts END) AS imp_first_ts,
                    max(CASE WHEN import_kwh IS NOT NULL THEN ts END) AS imp_last_ts,
                    min(CASE WHEN export_kwh IS NOT NULL THEN ts END) AS exp_first_ts,
                    max(CASE WHEN export_kwh IS NOT NULL THEN ts END) AS exp_last_ts,
                    count(power_l1_w) AS l1_n, total(power_l1_w) AS l1_sum, count(power_l2_w) AS l2_n,
                    total(power_l2_w) AS l2_sum, count(power_l3_w) AS l3_n, total(power_l3_w) AS l3_sum
                  FROM (SELECT r.*, coalesce(min(ts - (SELECT max(p.ts) FROM readings p
                                                       WHERE p.meter = r.meter AND p.ts < r.ts), %2$d), 0) AS w
                        FROM readings r %3$s LIMIT -1)
                  GROUP BY meter, b) g
            LEFT JOIN readings f ON f.meter = g.meter AND f.ts = g.imp_first_ts
            LEFT JOIN readings l ON l.meter = g.meter AND l.ts = g.imp_last_ts""";

    private static final List<String> DELETE_ALL = List.of("DELETE FROM rollup_minute", "DELETE FROM rollup_hour",
            "DELETE FROM rollup_day");

    /** Migration 2 fills minutes and hours; days follow when the zone is checked ({@link #ensureDayZone}). */
    static final List<String> FILL_MINUTES_AND_HOURS = List.of(minutes(ALL), insert(Rollup.HOUR, ALL));

    private final ZoneId zone;
    private final RollupMeta meta = new RollupMeta();

    public RollupRebuild(ZoneId zone) {
        this.zone = zone;
    }

    /** What a rebuild wrote: rows of each table and the readings they summarise. */
    public record Counts(long minuteRows, long hourRows, long dayRows, long readings) {
    }

    /** Deletes and recomputes all three tables in one transaction. */
    public Counts rebuildAll(Connection c) throws SQLException {
        return inTransaction(c, () -> {
            try (Statement s = c.createStatement()) {
                for (String sql : DELETE_ALL) {
                    s.executeUpdate(sql);
                }
                long minutes = s.executeUpdate(FILL_MINUTES_AND_HOURS.get(0));
                long hours = s.executeUpdate(FILL_MINUTES_AND_HOURS.get(1));
                long days = s.executeUpdate(insert(Rollup.DAY, ALL));
                meta.setDayZone(c, zone);
                return new Counts(minutes, hours, days, meta.readingsInMinutes(c));
            }
        });
    }

    /** Rebuilds {@code rollup_day} when it was built with another zone (or never); true when it did. */
    boolean ensureDayZone(Connection c) throws SQLException {
        if (zone.getId().equals(meta.dayZone(c))) {
            return false;
        }
        return inTransaction(c, () -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate(DELETE_ALL.get(2));
                s.executeUpdate(insert(Rollup.DAY, ALL));
                meta.setDayZone(c, zone);
                return true;
            }
        });
    }

    /**
     * Recomputes the buckets of {@code meter} that new readings in [from, to] touch: the minutes from {@code from} up
     * to the minute of {@code nextTs} (the first reading after {@code to}, whose weight depends on them) from
     * readings, then the hours and local days holding those minutes from the minute table (complete for them).
     * Runs in the caller's transaction.
     */
    public void rebuildRange(Connection c, String meter, long from, long to, Long nextTs) throws SQLException {
        long last = nextTs == null ? to : Math.max(to, nextTs);
        long minuteLo = Math.floorDiv(from, MINUTE) * MINUTE;
        long minuteHi = Math.floorDiv(last, MINUTE) * MINUTE + MINUTE;
        long hourLo = Math.floorDiv(from, HOUR) * HOUR;
        long hourHi = -Math.floorDiv(-minuteHi, HOUR) * HOUR;
        long dayLo = RollupFunctions.dayStart(zone, from);
        long dayHi = RollupFunctions.dayEnd(zone, last);
        String buckets = RANGE.formatted("bucket", "bucket");
        run(c, "DELETE FROM rollup_minute " + buckets, meter, minuteLo, minuteHi);
        run(c, minutes(RANGE.formatted("ts", "ts")), meter, minuteLo, minuteHi);
        run(c, "DELETE FROM rollup_hour " + buckets, meter, hourLo, hourHi);
        run(c, insert(Rollup.HOUR, buckets), meter, hourLo, hourHi);
        run(c, "DELETE FROM rollup_day " + buckets, meter, dayLo, dayHi);
        run(c, insert(Rollup.DAY, buckets), meter, dayLo, dayHi);
    }

    private static String minutes(String filter) {
        return MINUTES_FROM_READINGS.formatted(RollupSchema.COLUMNS, Rollup.MAX_WEIGHT_MS, filter);
    }

    private static String insert(Rollup target, String filter) {
        return "INSERT INTO " + target.table() + " (" + RollupSchema.COLUMNS + ")\n"
                + RollupsTable.merged(Rollup.MINUTE, target.bucketOf("bucket"), filter);
    }

    private static void run(Connection c, String sql, String meter, long from, long to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, meter);
            ps.setLong(2, from);
            ps.setLong(3, to);
            ps.executeUpdate();
        }
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private static <T> T inTransaction(Connection c, Work<T> work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
