package org.energymonitor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.energymonitor.ingest.Reading;

/**
 * All SQL of the {@code readings} table. Rows are keyed by (meter, ts); inserting a key that exists is a no-op,
 * so a redelivered message never creates a second row.
 */
public final class ReadingsTable {

    static final String CREATE = """
            CREATE TABLE IF NOT EXISTS readings (
              meter      TEXT    NOT NULL,
              ts         INTEGER NOT NULL,
              power_w    REAL,
              import_kwh REAL,
              export_kwh REAL,
              power_l1_w REAL,
              power_l2_w REAL,
              power_l3_w REAL,
              PRIMARY KEY (meter, ts)
            ) WITHOUT ROWID""";

    static final String INSERT_HEAD = "INSERT OR IGNORE INTO readings "
            + "(meter, ts, power_w, import_kwh, export_kwh, power_l1_w, power_l2_w, power_l3_w) VALUES ";
    static final String ROW = "(?,?,?,?,?,?,?,?)";
    static final int COLUMNS = 8;
    /** Rows per statement: stays below SQLite's limit of 32,766 bound parameters. */
    public static final int MAX_ROWS_PER_STATEMENT = 4000;

    /** The header of camel-jdbc's bound parameters (with {@code useHeadersAsParameters}). */
    private static final String JDBC_PARAMETERS = "CamelJdbcParameters";

    /**
     * The {@code write-batch} step before its camel-jdbc insert: returns the multi-row INSERT OR IGNORE for
     * {@code batch} (the new body) and puts its bound values into the header camel-jdbc binds them from, so that
     * neither SQL text nor a parameter list appears in the route.
     */
    public String insertStatement(List<Reading> batch, Map<String, Object> headers) {
        if (batch.size() > MAX_ROWS_PER_STATEMENT) {
            throw new IllegalArgumentException("A batch holds at most " + MAX_ROWS_PER_STATEMENT
                    + " readings; lower energy.ingest.batch-size");
        }
        List<Object> values = insertParameters(batch);
        Map<String, Object> bound = new java.util.LinkedHashMap<>(values.size() * 2); // camel-jdbc binds in this order
        for (int i = 0; i < values.size(); i++) {
            bound.put(Integer.toString(i + 1), values.get(i));
        }
        headers.put(JDBC_PARAMETERS, bound);
        return insertSql(batch.size());
    }

    /** The multi-row insert statement for {@code rows} readings, with one placeholder per value. */
    public String insertSql(int rows) {
        StringBuilder sql = new StringBuilder(INSERT_HEAD.length() + rows * (ROW.length() + 1));
        sql.append(INSERT_HEAD);
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                sql.append(',');
            }
            sql.append(ROW);
        }
        return sql.toString();
    }

    /** The bound values for {@link #insertSql(int)}, in placeholder order. */
    public List<Object> insertParameters(Collection<Reading> readings) {
        List<Object> values = new ArrayList<>(readings.size() * COLUMNS);
        for (Reading r : readings) {
            values.add(r.meter());
            values.add(r.ts());
            values.add(r.powerW());
            values.add(r.importKwh());
            values.add(r.exportKwh());
            values.add(r.powerL1W());
            values.add(r.powerL2W());
            values.add(r.powerL3W());
        }
        return values;
    }

    /**
     * Inserts readings in the caller's transaction, in statements of at most {@link #MAX_ROWS_PER_STATEMENT} rows
     * (the bulk commands, through {@link BulkReadings}; the live pipeline inserts through the camel-jdbc step of its
     * route).
     */
    public int insertRows(Connection c, List<Reading> readings) throws SQLException {
        int inserted = 0;
        for (int from = 0; from < readings.size(); from += MAX_ROWS_PER_STATEMENT) {
            List<Reading> chunk = readings.subList(from, Math.min(readings.size(), from + MAX_ROWS_PER_STATEMENT));
            try (PreparedStatement ps = c.prepareStatement(insertSql(chunk.size()))) {
                int i = 1;
                for (Object value : insertParameters(chunk)) {
                    if (value == null) {
                        ps.setNull(i++, Types.REAL);
                    } else {
                        ps.setObject(i++, value);
                    }
                }
                inserted += ps.executeUpdate();
            }
        }
        return inserted;
    }

    /** Parameters: meter. The newest reading of one meter. */
    static final String SELECT_LATEST = "SELECT ts, power_w, import_kwh, export_kwh, power_l1_w, power_l2_w, power_l3_w "
            + "FROM readings WHERE meter = ? ORDER BY ts DESC LIMIT 1";

    /** The newest stored reading of {@code meter}, if it has any (bulk commands use it to continue a counter). */
    public Optional<Reading> latest(Connection c, String meter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_LATEST)) {
            ps.setString(1, meter);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Reading(meter, rs.getLong(1), Columns.nullableDouble(rs, 2), Columns.nullableDouble(rs, 3),
                        Columns.nullableDouble(rs, 4), Columns.nullableDouble(rs, 5), Columns.nullableDouble(rs, 6), Columns.nullableDouble(rs, 7),
                        null));
            }
        }
    }

    /** Parameters: meter, ts. The time of the first reading after ts. */
    static final String SELECT_NEXT_TS = "SELECT min(ts) FROM readings WHERE meter = ? AND ts > ?";

    /** The time of the first reading of {@code meter} after {@code ts}, if there is one. */
    public Optional<Long> nextTs(Connection c, String meter, long ts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_NEXT_TS)) {
            ps.setString(1, meter);
            ps.setLong(2, ts);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(Columns.nullableLong(rs, 1)) : Optional.empty();
            }
        }
    }

    /** Parameters: meter, from, to. Power sums of raw rows, each weighted by the time since its previous reading. */
    static final String POWER_SUMS = """
            SELECT count(*), min(ts), max(ts), count(power_w), min(power_w), max(power_w), total(power_w),
              total(power_w * w), total(CASE WHEN power_w IS NULL THEN 0 ELSE w END)
            FROM (SELECT ts, power_w, coalesce(min(ts - (SELECT max(p.ts) FROM readings p
                                                          WHERE p.meter = r.meter AND p.ts < r.ts), %d), 0) AS w
                  FROM readings r WHERE meter = ?1 AND ts >= ?2 AND ts < ?3)""".formatted(Rollup.MAX_WEIGHT_MS);

    /** Power sums over the readings of {@code meter} in [from, to) (meant for short ranges: the edges of a range). */
    public PowerSums powerSums(Connection c, String meter, long from, long to) throws SQLException {
        if (from >= to) {
            return PowerSums.NONE;
        }
        try (PreparedStatement ps = c.prepareStatement(POWER_SUMS)) {
            ps.setString(1, meter);
            ps.setLong(2, from);
            ps.setLong(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? powerSums(rs) : PowerSums.NONE;
            }
        }
    }

    static PowerSums powerSums(ResultSet rs) throws SQLException {
        long n = rs.getLong(1);
        if (n == 0) {
            return PowerSums.NONE;
        }
        return new PowerSums(n, rs.getLong(2), rs.getLong(3), rs.getLong(4), Columns.nullableDouble(rs, 5),
                Columns.nullableDouble(rs, 6), rs.getDouble(7), rs.getDouble(8), Math.round(rs.getDouble(9)));
    }

    /**
     * Parameters: meter, JSON array of [t, lo, hi]. For each instant t, the nearest readings of {@code meter} at or
     * before t and at or after t with a non-null import (and export) counter, among readings in [lo, hi).
     */
    static final String COUNTER_NEIGHBOURS = """
            WITH p AS (SELECT key AS i, value ->> '$[0]' AS t, value ->> '$[1]' AS lo, value ->> '$[2]' AS hi
                       FROM json_each(?2)),
            q AS MATERIALIZED (SELECT i, t,
              (SELECT ts FROM readings WHERE meter = ?1 AND ts <= p.t AND ts >= p.lo AND ts < p.hi AND import_kwh IS NOT NULL
               ORDER BY ts DESC LIMIT 1) AS ib,
              (SELECT ts FROM readings WHERE meter = ?1 AND ts >= p.t AND ts >= p.lo AND ts < p.hi AND import_kwh IS NOT NULL
               ORDER BY ts LIMIT 1) AS ia,
              (SELECT ts FROM readings WHERE meter = ?1 AND ts <= p.t AND ts >= p.lo AND ts < p.hi AND export_kwh IS NOT NULL
               ORDER BY ts DESC LIMIT 1) AS eb,
              (SELECT ts FROM readings WHERE meter = ?1 AND ts >= p.t AND ts >= p.lo AND ts < p.hi AND export_kwh IS NOT NULL
               ORDER BY ts LIMIT 1) AS ea
              FROM p)
            SELECT t, ib, (SELECT import_kwh FROM readings WHERE meter = ?1 AND ts = ib),
              ia, (SELECT import_kwh FROM readings WHERE meter = ?1 AND ts = ia),
              eb, (SELECT export_kwh FROM readings WHERE meter = ?1 AND ts = eb),
              ea, (SELECT export_kwh FROM readings WHERE meter = ?1 AND ts = ea)
            FROM q ORDER BY i""";

    /** Counter readings around an instant, restricted to one counter series; null where there is none. */
    public record CounterNeighbours(long t, Long impBeforeTs, Double impBefore, Long impAfterTs, Double impAfter,
            Long expBeforeTs, Double expBefore, Long expAfterTs, Double expAfter) {
    }

    /** For each {t, lo, hi}: the counter readings nearest t among the readings of {@code meter} in [lo, hi). */
    public List<CounterNeighbours> counterNeighbours(Connection c, String meter, List<long[]> points)
            throws SQLException {
        StringBuilder json = new StringBuilder(points.size() * 48).append('[');
        for (long[] p : points) {
            json.append(json.length() > 1 ? "," : "").append('[').append(p[0]).append(',').append(p[1]).append(',')
                    .append(p[2]).append(']');
        }
        List<CounterNeighbours> out = new ArrayList<>(points.size());
        try (PreparedStatement ps = c.prepareStatement(COUNTER_NEIGHBOURS)) {
            ps.setString(1, meter);
            ps.setString(2, json.append(']').toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CounterNeighbours(rs.getLong(1), Columns.nullableLong(rs, 2), Columns.nullableDouble(rs, 3),
                            Columns.nullableLong(rs, 4), Columns.nullableDouble(rs, 5), Columns.nullableLong(rs, 6),
                            Columns.nullableDouble(rs, 7), Columns.nullableLong(rs, 8), Columns.nullableDouble(rs, 9)));
                }
            }
        }
        return out;
    }

    /** Parameters: meter, from (inclusive), to (exclusive). */
    static final String COUNT_BETWEEN = "SELECT count(*) FROM readings WHERE meter = ? AND ts >= ? AND ts < ?";

    /** How many readings {@code meter} has in [from, to). */
    public long countBetween(Connection c, String meter, long from, long to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COUNT_BETWEEN)) {
            ps.setString(1, meter);
            ps.setLong(2, from);
            ps.setLong(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Parameters: meter, start (inclusive), end (exclusive), limit. */
    static final String SELECT_RANGE = "SELECT ts, power_w, import_kwh, export_kwh, power_l1_w, power_l2_w, power_l3_w "
            + "FROM readings WHERE meter = ? AND ts >= ? AND ts < ? ORDER BY ts LIMIT ?";

    /** The readings of {@code meter} in [start, end), oldest first, at most {@code limit} of them. */
    public ReadingCursor range(Connection c, String meter, long start, long end, int limit) throws SQLException {
        return new ReadingCursor(c, SELECT_RANGE, meter, start, end, limit);
    }

    /** Parameters: meter. Two statements, so each is a single index look-up. */
    static final String FIRST_TS = "SELECT min(ts) FROM readings WHERE meter = ?";
    static final String LAST_TS = "SELECT max(ts) FROM readings WHERE meter = ?";

    /** The times of the first and the last reading of {@code meter}, or null when it has none. */
    public long[] span(Connection c, String meter) throws SQLException {
        Long first = single(c, FIRST_TS, meter);
        Long last = single(c, LAST_TS, meter);
        return first == null || last == null ? null : new long[] {first, last};
    }

    private static Long single(Connection c, String sql, String meter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, meter);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Columns.nullableLong(rs, 1) : null;
            }
        }
    }

    /** Parameters: meter, start, end, limit. Counts index entries only, stopping at the limit. */
    static final String COUNT_UP_TO = "SELECT count(*) FROM (SELECT 1 FROM readings WHERE meter = ? AND ts >= ? AND ts < ? "
            + "LIMIT ?)";

    /** How many readings {@code meter} has in [start, end), counting no further than {@code limit}. */
    public long countUpTo(Connection c, String meter, long start, long end, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COUNT_UP_TO)) {
            ps.setString(1, meter);
            ps.setLong(2, start);
            ps.setLong(3, end);
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
