package org.energymonitor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the rollup tables: buckets merged to a coarser step (the first/last counters of a merged bucket are looked
 * up in the source bucket that holds their time) and power sums over a range of buckets.
 * Ranges select source buckets whose start lies in [from, to).
 */
public final class RollupsTable {

    static final String RANGE = "WHERE meter = ?1 AND bucket >= ?2 AND bucket < ?3";

    private static final String PHASES = """
            sum(l1_n) AS l1_n, sum(l1_sum) AS l1_sum, sum(l2_n) AS l2_n, sum(l2_sum) AS l2_sum,
                    sum(l3_n) AS l3_n, sum(l3_sum) AS l3_sum""";
    /** Constant phase columns: each aggregate widens GROUP BY's sorter, and most meters report no phases. */
    private static final String NO_PHASES = "0 AS l1_n, 0.0 AS l1_sum, 0 AS l2_n, 0.0 AS l2_sum, 0 AS l3_n, 0.0 AS l3_sum";
    private static final String HAS_PHASES = "SELECT 1 FROM rollup_day WHERE meter = ? AND l1_n + l2_n + l3_n > 0 LIMIT 1";


    private static final String MERGED = """
            SELECT g.meter, g.b, g.n, g.first_ts, g.last_ts, g.p_n, g.p_min, g.p_max, g.p_sum, g.pw_sum, g.w_sum,
              (SELECT s.imp_first FROM %1$s s WHERE s.meter = g.meter AND s.bucket = %2$s), g.imp_first_ts,
              (SELECT s.imp_last FROM %1$s s WHERE s.meter = g.meter AND s.bucket = %3$s), g.imp_last_ts,
              (SELECT s.exp_first FROM %1$s s WHERE s.meter = g.meter AND s.bucket = %4$s), g.exp_first_ts,
              (SELECT s.exp_last FROM %1$s s WHERE s.meter = g.meter AND s.bucket = %5$s), g.exp_last_ts,
              g.l1_n, g.l1_sum, g.l2_n, g.l2_sum, g.l3_n, g.l3_sum
            FROM (SELECT meter, %6$s AS b, sum(n) AS n, min(first_ts) AS first_ts, max(last_ts) AS last_ts,
                    sum(p_n) AS p_n, min(p_min) AS p_min, max(p_max) AS p_max, sum(p_sum) AS p_sum,
                    sum(pw_sum) AS pw_sum, sum(w_sum) AS w_sum, min(imp_first_ts) AS imp_first_ts,
                    max(imp_last_ts) AS imp_last_ts, min(exp_first_ts) AS exp_first_ts, max(exp_last_ts) AS exp_last_ts,
                    %8$s
                  FROM %1$s %7$s
                  GROUP BY meter, b) g""";

    private static final String POWER = "SELECT sum(n), min(first_ts), max(last_ts), sum(p_n), min(p_min), "
            + "max(p_max), total(p_sum), total(pw_sum), total(w_sum) FROM %s " + RANGE;

    private static final Map<Rollup, String> STEPS = new EnumMap<>(Map.of(
            Rollup.MINUTE, merged(Rollup.MINUTE, "bucket - bucket % ?4", RANGE) + " ORDER BY g.b",
            Rollup.HOUR, merged(Rollup.HOUR, "bucket - bucket % ?4", RANGE) + " ORDER BY g.b"));
    private static final Map<Rollup, String> STEPS_NO_PHASES = new EnumMap<>(Map.of(
            Rollup.MINUTE, merged(Rollup.MINUTE, "bucket - bucket % ?4", RANGE, NO_PHASES) + " ORDER BY g.b",
            Rollup.HOUR, merged(Rollup.HOUR, "bucket - bucket % ?4", RANGE, NO_PHASES) + " ORDER BY g.b"));
    private static final Map<ChronoUnit, String> DAYS = new EnumMap<>(Map.of(
            ChronoUnit.DAYS, merged(Rollup.DAY, "bucket", RANGE) + " ORDER BY g.b",
            ChronoUnit.WEEKS, merged(Rollup.DAY, "local_week(bucket)", RANGE) + " ORDER BY g.b",
            ChronoUnit.MONTHS, merged(Rollup.DAY, "local_month(bucket)", RANGE) + " ORDER BY g.b"));
    private static final Map<Rollup, String> POWERS = new EnumMap<>(Map.of(Rollup.MINUTE,
            POWER.formatted(Rollup.MINUTE.table()), Rollup.HOUR, POWER.formatted(Rollup.HOUR.table()),
            Rollup.DAY, POWER.formatted(Rollup.DAY.table())));

    /** The merging SELECT over {@code source} rows matching {@code filter}, grouped by {@code bucketExpression}. */
    static String merged(Rollup source, String bucketExpression, String filter) {
        return merged(source, bucketExpression, filter, PHASES);
    }

    private static String merged(Rollup source, String bucketExpression, String filter, String phases) {
        return MERGED.formatted(source.table(), source.bucketOf("g.imp_first_ts"), source.bucketOf("g.imp_last_ts"),
                source.bucketOf("g.exp_first_ts"), source.bucketOf("g.exp_last_ts"), bucketExpression, filter, phases);
    }

    /** Whether {@code meter} ever reported power per phase. */
    private static boolean hasPhases(Connection c, String meter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HAS_PHASES)) {
            ps.setString(1, meter);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Minute or hour buckets of {@code meter} starting in [from, to), merged into UTC-aligned steps. */
    public List<RollupRow> steps(Connection c, Rollup source, String meter, long from, long to, long stepMs)
            throws SQLException {
        String sql = (hasPhases(c, meter) ? STEPS : STEPS_NO_PHASES).get(source);
        if (sql == null) {
            throw new IllegalArgumentException("Steps are merged from minute or hour rows, not " + source);
        }
        return rows(c, sql, meter, from, to, stepMs);
    }

    /** Local days of {@code meter} starting in [from, to), as they are or merged into local weeks or months. */
    public List<RollupRow> days(Connection c, ChronoUnit unit, String meter, long from, long to) throws SQLException {
        String sql = DAYS.get(unit);
        if (sql == null) {
            throw new IllegalArgumentException("Days merge into DAYS, WEEKS or MONTHS, not " + unit);
        }
        return rows(c, sql, meter, from, to, null);
    }

    /** Power sums over the buckets of {@code table} starting in [from, to). */
    public PowerSums powerSums(Connection c, Rollup table, String meter, long from, long to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(POWERS.get(table))) {
            ps.setString(1, meter);
            ps.setLong(2, from);
            ps.setLong(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? ReadingsTable.powerSums(rs) : PowerSums.NONE;
            }
        }
    }

    private static List<RollupRow> rows(Connection c, String sql, String meter, long from, long to, Long step)
            throws SQLException {
        List<RollupRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, meter);
            ps.setLong(2, from);
            ps.setLong(3, to);
            if (step != null) {
                ps.setLong(4, step);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RollupRow(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                            Columns.nullableDouble(rs, 7), Columns.nullableDouble(rs, 8), rs.getDouble(9), rs.getDouble(10), rs.getLong(11), Columns.nullableDouble(rs, 12),
                            Columns.nullableLong(rs, 13), Columns.nullableDouble(rs, 14), Columns.nullableLong(rs, 15), Columns.nullableDouble(rs, 16), Columns.nullableLong(rs, 17), Columns.nullableDouble(rs, 18), Columns.nullableLong(rs, 19),
                            rs.getLong(20), rs.getDouble(21), rs.getLong(22), rs.getDouble(23), rs.getLong(24),
                            rs.getDouble(25)));
                }
            }
        }
        return out;
    }

    private static final String HOUR_COUNTS = "SELECT n FROM rollup_hour " + RANGE + " AND n > 0 ORDER BY bucket";

    /** Readings per UTC hour of {@code meter} for the hours starting in [from, to) that had any (health check). */
    public long[] hourlyCounts(Connection c, String meter, long from, long to) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(HOUR_COUNTS)) {
            ps.setString(1, meter);
            ps.setLong(2, from);
            ps.setLong(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }
}
