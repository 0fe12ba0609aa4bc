package org.energymonitor.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.energymonitor.ingest.Reading;
import org.energymonitor.store.Database;
import org.energymonitor.store.MetersTable;
import org.energymonitor.store.TestReadings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateHistoryTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-03-30T12:00:30.500Z");

    @TempDir
    Path dir;

    private SimulateHistory history(Database db) {
        return new SimulateHistory(db, BERLIN, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void fills_the_days_before_now_with_one_reading_per_period() throws SQLException {
        Database db = new Database(dir.resolve("energy.db")).migrate();
        SimulateHistory.Summary summary = history(db).run("sim", 2, 60_000, 3500, 1);

        long end = Instant.parse("2026-03-30T12:00:00Z").toEpochMilli();
        long start = end - 2879 * 60_000L;
        assertEquals(2880, summary.rows());
        assertEquals(start, summary.firstTs());
        assertEquals(end, summary.lastTs());
        try (Connection c = db.connection()) {
            List<long[]> rows = query(c, "SELECT ts, import_kwh * 10000 FROM readings WHERE meter = ? ORDER BY ts");
            assertEquals(2880, rows.size());
            for (int i = 1; i < rows.size(); i++) {
                assertEquals(60_000, rows.get(i)[0] - rows.get(i - 1)[0]);
                assertTrue(rows.get(i)[1] >= rows.get(i - 1)[1]);
            }
            assertEquals(SimulateHistory.START_KWH * 10000, rows.get(0)[1], 1);
            double stored = (rows.get(rows.size() - 1)[1] - rows.get(0)[1]) / 10000.0;
            assertEquals(stored, summary.importKwh(), 0.0002);
            assertTrue(summary.importKwh() > 10 && summary.importKwh() < 40, "two days: " + summary.importKwh());
            List<long[]> meter = query(c, "SELECT first_seen, last_reading FROM meters WHERE meter = ?");
            assertEquals(start, meter.get(0)[0]);
            assertEquals(end, meter.get(0)[1]);
        }
        String line = summary.describe(BERLIN);
        assertTrue(line.startsWith("simulated 2,880 readings of meter 'sim' from 2026-03-28 13:01 to 2026-03-30 14:00 "
                + "(Europe/Berlin), "), line);
        assertTrue(line.matches(".* [\\d.]+ kWh, in \\d+\\.\\d s \\([\\d,]+ rows/s\\)"), line);
    }

    @Test
    void a_meter_with_readings_inside_the_range_is_refused_and_left_alone() throws SQLException {
        Database db = new Database(dir.resolve("energy.db")).migrate();
        history(db).run("sim", 1, 10_000, 3500, 1);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> history(db).run("sim", 1, 10_000, 3500, 2));
        assertTrue(refused.getMessage().contains("Meter 'sim' already has readings up to 2026-03-30T14:00"),
                refused.getMessage());
        try (Connection c = db.connection()) {
            assertEquals(8640, query(c, "SELECT count(*), 0 FROM readings WHERE meter = ?").get(0)[0]);
        }
        assertEquals(8640, history(db).run("other", 1, 10_000, 3500, 2).rows(), "another meter is fine");
    }

    @Test
    void a_meter_with_only_older_readings_continues_its_counter() throws SQLException {
        Database db = new Database(dir.resolve("energy.db")).migrate();
        long old = NOW.toEpochMilli() - 10 * 86_400_000L;
        try (Connection c = db.connection()) {
            TestReadings.insertAll(c, List.of(Reading.of("sim", old, 250.0, 4321.5, 0.0)));
            new MetersTable().recordReadings(c, "sim", old, old, old);
        }
        SimulateHistory.Summary summary = history(db).run("sim", 1, 60_000, 3500, 1);
        assertEquals(1440, summary.rows());
        try (Connection c = db.connection()) {
            List<long[]> rows = query(c, "SELECT ts, import_kwh * 10000 FROM readings WHERE meter = ? ORDER BY ts");
            assertEquals(1441, rows.size());
            assertEquals(old, rows.get(0)[0]);
            assertEquals(43_215_000, rows.get(1)[1], 1);
            assertEquals(old, query(c, "SELECT first_seen, last_reading FROM meters WHERE meter = ?").get(0)[0]);
        }
    }

    @Test
    void bad_arguments_are_rejected_with_a_clear_message() {
        Database db = new Database(dir.resolve("energy.db")).migrate();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> history(db).run("sim", 0, 10_000, 3500, 1));
        assertTrue(e.getMessage().contains("at least one day"));
        assertThrows(IllegalArgumentException.class, () -> history(db).run("sim", 1, 10, 3500, 1));
        assertThrows(IllegalArgumentException.class, () -> history(db).run(" ", 1, 10_000, 3500, 1));
    }

    private static List<long[]> query(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, "sim");
            try (ResultSet rs = ps.executeQuery()) {
                List<long[]> out = new java.util.ArrayList<>();
                while (rs.next()) {
                    out.add(new long[] {rs.getLong(1), Math.round(rs.getDouble(2))});
                }
                return out;
            }
        }
    }
}
