package org.energymonitor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongUnaryOperator;

import org.energymonitor.ingest.Reading;

/** The rollup columns computed in plain Java from raw rows, one straightforward loop, for comparison with SQL. */
public final class RawRollups {

    private RawRollups() {
    }

    /** Expected rows keyed "meter/bucket", columns by name; {@code rows} ordered by meter and time. */
    public static Map<String, Map<String, Object>> of(List<Reading> rows, LongUnaryOperator bucketOf) {
        Map<String, List<long[]>> weights = new LinkedHashMap<>();
        Map<String, Map<String, Object>> out = new TreeMap<>();
        Reading previous = null;
        for (Reading r : rows) {
            long w = previous == null || !previous.meter().equals(r.meter()) ? 0
                    : Math.min(r.ts() - previous.ts(), 900_000);
            previous = r;
            long bucket = bucketOf.applyAsLong(r.ts());
            Map<String, Object> b = out.computeIfAbsent(r.meter() + "/" + bucket, k -> empty(r.meter(), bucket));
            b.put("n", (long) b.get("n") + 1);
            b.put("first_ts", Math.min((long) b.get("first_ts"), r.ts()));
            b.put("last_ts", Math.max((long) b.get("last_ts"), r.ts()));
            if (r.powerW() != null) {
                double p = r.powerW();
                b.put("p_n", (long) b.get("p_n") + 1);
                b.put("p_min", b.get("p_min") == null ? p : Math.min((double) b.get("p_min"), p));
                b.put("p_max", b.get("p_max") == null ? p : Math.max((double) b.get("p_max"), p));
                b.put("p_sum", (double) b.get("p_sum") + p);
                b.put("pw_sum", (double) b.get("pw_sum") + p * w);
                b.put("w_sum", (long) b.get("w_sum") + w);
            }
            counter(b, "imp", r.importKwh(), r.ts());
            counter(b, "exp", r.exportKwh(), r.ts());
            phase(b, "l1", r.powerL1W());
            phase(b, "l2", r.powerL2W());
            phase(b, "l3", r.powerL3W());
        }
        return out;
    }

    private static Map<String, Object> empty(String meter, long bucket) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("meter", meter);
        b.put("bucket", bucket);
        for (String k : List.of("n", "p_n", "w_sum", "l1_n", "l2_n", "l3_n")) {
            b.put(k, 0L);
        }
        for (String k : List.of("p_sum", "pw_sum", "l1_sum", "l2_sum", "l3_sum")) {
            b.put(k, 0.0);
        }
        b.put("first_ts", Long.MAX_VALUE);
        b.put("last_ts", Long.MIN_VALUE);
        for (String k : List.of("p_min", "p_max", "imp_first", "imp_first_ts", "imp_last", "imp_last_ts",
                "exp_first", "exp_first_ts", "exp_last", "exp_last_ts")) {
            b.put(k, null);
        }
        return b;
    }

    private static void counter(Map<String, Object> b, String name, Double value, long ts) {
        if (value == null) {
            return;
        }
        if (b.get(name + "_first_ts") == null || ts < (long) b.get(name + "_first_ts")) {
            b.put(name + "_first_ts", ts);
            b.put(name + "_first", value);
        }
        if (b.get(name + "_last_ts") == null || ts > (long) b.get(name + "_last_ts")) {
            b.put(name + "_last_ts", ts);
            b.put(name + "_last", value);
        }
    }

    private static void phase(Map<String, Object> b, String name, Double value) {
        if (value != null) {
            b.put(name + "_n", (long) b.get(name + "_n") + 1);
            b.put(name + "_sum", (double) b.get(name + "_sum") + value);
        }
    }

    /** A rollup table as stored, in the same shape (integers as Long, reals as Double). */
    public static Map<String, Map<String, Object>> stored(Connection c, String table) throws SQLException {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table);
                ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    row.put(md.getColumnName(i), v instanceof Integer n ? Long.valueOf(n) : v);
                }
                out.put(row.get("meter") + "/" + row.get("bucket"), row);
            }
        }
        return out;
    }

    /** Differences between two tables: exact for counts, times, min/max and counters, 1e-9 relative for sums. */
    public static List<String> differences(Map<String, Map<String, Object>> expected,
            Map<String, Map<String, Object>> actual) {
        List<String> out = new ArrayList<>();
        if (!expected.keySet().equals(actual.keySet())) {
            out.add("buckets differ: expected " + expected.keySet().size() + ", got " + actual.keySet().size());
        }
        expected.forEach((key, row) -> {
            Map<String, Object> got = actual.get(key);
            if (got == null) {
                out.add("missing " + key);
                return;
            }
            row.forEach((column, want) -> {
                Object have = got.get(column);
                if (!same(column, want, have)) {
                    out.add(key + " " + column + ": expected " + want + ", got " + have);
                }
            });
        });
        return out.size() > 20 ? out.subList(0, 20) : out;
    }

    private static boolean same(String column, Object want, Object have) {
        if (want == null || have == null) {
            return want == have;
        }
        if (column.endsWith("_sum") && want instanceof Double w) {
            double h = ((Number) have).doubleValue();
            return Math.abs(w - h) <= 1e-9 * Math.max(1, Math.abs(w));
        }
        if (want instanceof Double w) {
            return have instanceof Number h && w == h.doubleValue();
        }
        if (want instanceof String) {
            return want.equals(have);
        }
        return want instanceof Long w && have instanceof Number h && w == h.longValue();
    }
}
