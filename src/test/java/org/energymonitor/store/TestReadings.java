package org.energymonitor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.energymonitor.ingest.Reading;

/** Irregular test readings (nulls, gaps, phases) and the raw rows read back, for the plain-Java checks. */
public final class TestReadings {

    private final Random random;
    private final String meter;
    private double importKwh = 1000;
    private double exportKwh = 50;

    public TestReadings(String meter, long seed) {
        this.meter = meter;
        this.random = new Random(seed);
    }

    /** Hours around an ordinary midnight, both Berlin DST days of 2026, and a 30-minute gap across midnight. */
    public static List<Reading> awkwardDays(String meter, long seed) {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        TestReadings g = new TestReadings(meter, seed);
        List<Reading> rows = new ArrayList<>();
        rows.addAll(g.window(berlin, LocalDateTime.parse("2026-03-28T22:30"), 6 * 60));   // 23-hour day, 02:00 -> 03:00
        rows.addAll(g.window(berlin, LocalDateTime.parse("2026-06-10T23:20"), 90));
        rows.addAll(g.window(berlin, LocalDateTime.parse("2026-06-12T22:00"), 110));       // ends 23:50
        rows.addAll(g.window(berlin, LocalDateTime.parse("2026-06-13T00:20"), 40));        // gap across midnight
        rows.addAll(g.window(berlin, LocalDateTime.parse("2026-10-24T23:10"), 5 * 60));   // 25-hour day, 03:00 -> 02:00
        return rows;
    }

    /** Readings from {@code start} for {@code minutes}, 1–40 s apart, some values null now and then. */
    public List<Reading> window(ZoneId zone, LocalDateTime start, int minutes) {
        long from = start.atZone(zone).toInstant().toEpochMilli() + random.nextInt(60_000);
        return between(from, from + minutes * 60_000L);
    }

    public List<Reading> between(long from, long to) {
        List<Reading> out = new ArrayList<>();
        for (long ts = from; ts < to; ts += 1_000 + random.nextInt(40_000)) {
            double power = random.nextInt(8000) - 1000 + random.nextInt(1000) / 8.0;
            importKwh += Math.max(0, power) * 40 / 3.6e6;
            exportKwh += Math.max(0, -power) * 40 / 3.6e6;
            out.add(new Reading(meter, ts, sometimes(power), sometimes(importKwh), sometimes(exportKwh),
                    sometimes(power / 3), sometimes(power / 4), sometimes(power / 5), null));
        }
        return out;
    }

    private Double sometimes(double value) {
        return random.nextInt(9) == 0 ? null : value;
    }

    /** All rows of {@code readings}, ordered by meter and time. */
    public static List<Reading> stored(Connection c) throws SQLException {
        List<Reading> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT meter, ts, power_w, import_kwh, export_kwh, "
                + "power_l1_w, power_l2_w, power_l3_w FROM readings ORDER BY meter, ts");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Reading(rs.getString(1), rs.getLong(2), (Double) rs.getObject(3), (Double) rs.getObject(4),
                        (Double) rs.getObject(5), (Double) rs.getObject(6), (Double) rs.getObject(7),
                        (Double) rs.getObject(8), null));
            }
        }
        return out;
    }

    /**
     * Inserts readings in one transaction on {@code c}, with the statements of the bulk commands
     * ({@link ReadingsTable#insertRows}).
     *
     * @return how many rows were new
     */
    public static int insertAll(Connection c, List<Reading> readings) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            int inserted = new ReadingsTable().insertRows(c, readings);
            c.commit();
            return inserted;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** The multi-row INSERT OR IGNORE of the route, run like camel-jdbc does on a data source connection. */
    public static int insertLikeTheRoute(Database db, List<Reading> batch) throws SQLException {
        ReadingsTable table = new ReadingsTable();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(table.insertSql(batch.size()))) {
            int i = 1;
            for (Object v : table.insertParameters(batch)) {
                ps.setObject(i++, v);
            }
            return ps.executeUpdate();
        }
    }
}
