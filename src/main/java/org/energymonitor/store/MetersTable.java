package org.energymonitor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.energymonitor.ingest.Reading;

/**
 * All SQL of the {@code meters} and {@code meter_series} tables.
 * A meter is one Tasmota device; each counter series (a new meter serial, or a counter that restarted for good)
 * starts a row in {@code meter_series}, so energy across a meter replacement is a query per series.
 */
public final class MetersTable {

    /** Set for the ingestion's instance (the writes of {@link #online}, {@link #seen}, ...); null for readers. */
    private final TableWrites writes;

    /** A reader of the tables (queries, jobs, commands). */
    public MetersTable() {
        this(null);
    }

    /** The ingestion's instance, whose write methods run through {@code writes}. */
    public MetersTable(TableWrites writes) {
        this.writes = writes;
    }

    static final String CREATE = """
            CREATE TABLE IF NOT EXISTS meters (
              meter          TEXT PRIMARY KEY,
              first_seen     INTEGER NOT NULL,
              last_seen      INTEGER NOT NULL,
              last_reading   INTEGER,
              online         INTEGER,
              online_changed INTEGER,
              serial         TEXT
            )""";

    static final String CREATE_SERIES = """
            CREATE TABLE IF NOT EXISTS meter_series (
              meter        TEXT    NOT NULL,
              series_start INTEGER NOT NULL,
              serial       TEXT,
              reason       TEXT    NOT NULL,
              PRIMARY KEY (meter, series_start)
            ) WITHOUT ROWID""";

    private static final String UPSERT_HEAD =
            "INSERT INTO meters (meter, first_seen, last_seen, last_reading, online, online_changed, serial) VALUES ";
    private static final String UPSERT_TAIL = """
             ON CONFLICT (meter) DO UPDATE SET
              first_seen   = min(first_seen, excluded.first_seen),
              last_seen    = max(last_seen, excluded.last_seen),
              last_reading = max(coalesce(last_reading, excluded.last_reading), excluded.last_reading),
              serial       = coalesce(excluded.serial, serial)""";

    private static final String SEEN = "UPDATE meters SET last_seen = max(last_seen, ?) WHERE meter = ?";
    private static final String ONLINE = "UPDATE meters SET online = ?, online_changed = ?, last_seen = max(last_seen, ?) "
            + "WHERE meter = ?";
    private static final String SERIES = "INSERT OR IGNORE INTO meter_series (meter, series_start, serial, reason) "
            + "VALUES (?, ?, ?, ?)";
    private static final String ALL = "SELECT meter, first_seen, last_seen, last_reading, online, online_changed, serial "
            + "FROM meters ORDER BY meter";
    private static final String LAST_COUNTERS = """
            SELECT m.meter, m.serial, r.ts, r.import_kwh, r.export_kwh
            FROM meters m
            JOIN readings r ON r.meter = m.meter
             AND r.ts = (SELECT max(ts) FROM readings x WHERE x.meter = m.meter AND x.import_kwh IS NOT NULL)""";

    /** Records the meters of a stored batch: first and last reading, seen at {@code seenMs}, the newest serial. */
    public void recordBatch(Collection<Reading> readings, long seenMs) throws InterruptedException {
        writes.run(upsert(readings, seenMs));
    }

    /** One upsert for the meters of a batch: first and last reading, seen now, the newest serial reported. */
    private SqlCall upsert(Collection<Reading> readings, long seenMs) {
        java.util.Map<String, long[]> spans = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> serials = new java.util.HashMap<>();
        for (Reading r : readings) {
            spans.merge(r.meter(), new long[] {r.ts(), r.ts()},
                    (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            if (r.serial() != null) {
                serials.put(r.meter(), r.serial());
            }
        }
        StringBuilder sql = new StringBuilder(UPSERT_HEAD);
        List<Object> values = new ArrayList<>(spans.size() * 7);
        spans.forEach((meter, span) -> {
            sql.append(values.isEmpty() ? "" : ",").append("(?,?,?,?,1,?,?)");
            values.addAll(java.util.Arrays.asList(meter, span[0], seenMs, span[1], seenMs, serials.get(meter)));
        });
        return new SqlCall(sql.append(UPSERT_TAIL).toString(), values);
    }

    /** Records that {@code meter} had readings from {@code firstTs} to {@code lastTs}, seen at {@code seenMs}. */
    public void recordReadings(Connection c, String meter, long firstTs, long lastTs, long seenMs) throws SQLException {
        SqlCall call = upsert(List.of(Reading.of(meter, firstTs, null, null, null),
                Reading.of(meter, lastTs, null, null, null)), seenMs);
        try (PreparedStatement ps = c.prepareStatement(call.sql())) {
            call.bind(ps);
            ps.executeUpdate();
        }
    }

    /** A message from a known meter that carries no reading (STATE, INFO): it is alive. */
    public void seen(String meter, long seenMs) throws InterruptedException {
        writes.run(SqlCall.of(SEEN, seenMs, meter));
    }

    /** Tasmota's LWT as {@code PayloadGuard.online} read it: true for {@code Online}, false for {@code Offline}. */
    public void online(String meter, boolean online, long seenMs) throws InterruptedException {
        writes.run(SqlCall.of(ONLINE, online ? 1 : 0, seenMs, seenMs, meter));
    }

    /** A new counter series starts with {@code first} (meter replacement or counter restart; {@code reason} says which). */
    public void seriesStart(Reading first, String reason) throws InterruptedException {
        writes.run(SqlCall.of(SERIES, first.meter(), first.ts(), first.serial(), reason));
    }

    /** The newest stored counters of every meter, to continue the plausibility checks after a restart. */
    public List<Reading> lastCounters(Connection c) throws SQLException {
        List<Reading> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(LAST_COUNTERS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Reading(rs.getString(1), rs.getLong(3), null, Columns.nullableDouble(rs, 4),
                        Columns.nullableDouble(rs, 5), null, null, null, rs.getString(2)));
            }
        }
        return out;
    }

    private static final String SERIES_STARTS = "SELECT series_start FROM meter_series WHERE meter = ? "
            + "ORDER BY series_start";

    /** The starts of the counter series of {@code meter} after its first, in time order. */
    public long[] seriesStarts(Connection c, String meter) throws SQLException {
        List<Long> starts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SERIES_STARTS)) {
            ps.setString(1, meter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    starts.add(rs.getLong(1));
                }
            }
        }
        return starts.stream().mapToLong(Long::longValue).toArray();
    }

    /** Every known meter, by name. */
    public List<MeterState> all(Connection c) throws SQLException {
        List<MeterState> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(ALL); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Long online = Columns.nullableLong(rs, 5);
                out.add(new MeterState(rs.getString(1), rs.getLong(2), rs.getLong(3), Columns.nullableLong(rs, 4),
                        online == null ? null : online == 1, Columns.nullableLong(rs, 6), rs.getString(7)));
            }
        }
        return out;
    }

    private static final String FIRST = "SELECT meter FROM meters ORDER BY meter LIMIT 1";
    private static final String EXISTS = "SELECT 1 FROM meters WHERE meter = ?";

    /** The first meter by name, or null when there is none. */
    public String first(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FIRST); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Whether {@code meter} is known. */
    public boolean exists(Connection c, String meter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(EXISTS)) {
            ps.setString(1, meter);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
