package org.energymonitor.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.energymonitor.store.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportOriginalTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** The original's DDL as SQLAlchemy created it (spec section 4.1). */
    private static final List<String> ORIGINAL_DDL = List.of("""
            CREATE TABLE energy_readings (
            	timestamp DATETIME NOT NULL,
            	meter_id VARCHAR(255),
            	power_watts FLOAT,
            	energy_in_kwh FLOAT,
            	energy_out_kwh FLOAT,
            	power_phase_1_watts FLOAT,
            	power_phase_2_watts FLOAT,
            	power_phase_3_watts FLOAT,
            	raw_payload TEXT NOT NULL,
            	PRIMARY KEY (timestamp)
            )""",
            "CREATE INDEX ix_energy_readings_timestamp ON energy_readings (timestamp)",
            "CREATE INDEX ix_energy_readings_meter_id ON energy_readings (meter_id)");
    private static final String INSERT = "INSERT INTO energy_readings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SERIAL = "0a01454d480000b8f1d4";

    @TempDir
    Path dir;
    private Path original;
    private Database target;

    @BeforeEach
    void createDatabases() throws SQLException {
        original = dir.resolve("original.db");
        target = new Database(dir.resolve("energy.db")).migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + original);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            for (String ddl : ORIGINAL_DDL) {
                s.execute(ddl);
            }
            insert(c, "2025-11-24 10:00:00.123456", 300.0, 1000.0, 100.0);
            insert(c, "2025-11-24 10:00:10", 310.0, 1000.001, 101.0);
            insert(c, "2025-11-24 10:00:20.000000", 320.0, 0.0, 102.0);
            insert(c, "2025-11-24 10:00:30.5", 200.0, null, 103.0);
            insert(c, "2025-11-24 10:00:40.000001", null, null, null);
            insert(c, "2025-11-24 10:00:50.000000", 330.0, 999.5, 104.0);
            insert(c, "2025-11-24 10:01:00.000000", 340.0, 1000.002, 105.0);
            insert(c, "2025-10-26 02:30:00.000000", 250.0, 900.0, 106.0);
            insert(c, "2026-03-29 02:30:00.000000", 260.0, 1100.0, 107.0);
            insert(c, "2026-07-01 12:00:00.000000", 270.0, 1200.0, 108.0);
            insert(c, "garbage", 280.0, 1300.0, 109.0);
            insert(c, "2025-13-01 00:00:00.000000", 290.0, 1300.0, 110.0);
        }
    }

    @Test
    void imports_the_original_rows_and_skips_glitches_with_their_reason() throws Exception {
        byte[] before = Files.readAllBytes(original);
        ImportOriginal.Report report = new ImportOriginal(target, BERLIN).run(original, "house");
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(original)), "the original is only read");

        assertEquals(6, report.imported());
        assertEquals(0, report.duplicates());
        assertEquals(Map.of("unparseable_timestamp", 2L, "import_zero", 1L, "import_missing", 1L, "no_values", 1L,
                "counter_backwards", 1L), report.skipped());
        assertEquals(ms("2025-10-26T00:30:00Z"), report.firstTs());
        assertEquals(ms("2026-07-01T10:00:00Z"), report.lastTs());
        assertEquals(List.of(
                        List.of(ms("2025-10-26T00:30:00Z"), 250.0, 900.0, 0.0, 106.0),
                        List.of(ms("2025-11-24T09:00:00.123Z"), 300.0, 1000.0, 0.0, 100.0),
                        List.of(ms("2025-11-24T09:00:10Z"), 310.0, 1000.001, 0.0, 101.0),
                        List.of(ms("2025-11-24T09:01:00Z"), 340.0, 1000.002, 0.0, 105.0),
                        List.of(ms("2026-03-29T01:30:00Z"), 260.0, 1100.0, 0.0, 107.0),
                        List.of(ms("2026-07-01T10:00:00Z"), 270.0, 1200.0, 0.0, 108.0)),
                stored("house"));
        assertEquals("imported 6 rows, skipped 6 (counter_backwards: 1, import_missing: 1, import_zero: 1, "
                + "no_values: 1, unparseable_timestamp: 2), 2025-10-26 … 2026-07-01", report.describe(BERLIN));
        try (Connection c = target.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT first_seen, last_reading FROM meters WHERE meter = 'house'"); ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            assertEquals(report.firstTs(), rs.getLong(1));
            assertEquals(report.lastTs(), rs.getLong(2));
        }
    }

    @Test
    void importing_again_adds_nothing_and_counts_duplicates() throws SQLException {
        ImportOriginal importer = new ImportOriginal(target, BERLIN);
        importer.run(original, "house");
        ImportOriginal.Report again = importer.run(original, "house");
        assertEquals(0, again.imported());
        assertEquals(6, again.duplicates());
        assertEquals(6, stored("house").size());
        assertTrue(again.describe(BERLIN).startsWith("imported 0 rows (6 already present), skipped 6 ("));
    }

    @Test
    void a_fixed_offset_reads_every_time_stamp_at_that_offset() throws SQLException {
        ImportOriginal.Report report = new ImportOriginal(target, BERLIN)
                .run(original, "fixed", ZoneOffset.ofHours(1));
        assertEquals(6, report.imported());
        List<Object> times = stored("fixed").stream().map(row -> row.get(0)).toList();
        assertEquals(List.of(ms("2025-10-26T01:30:00Z"), ms("2025-11-24T09:00:00.123Z"), ms("2025-11-24T09:00:10Z"),
                ms("2025-11-24T09:01:00Z"), ms("2026-03-29T01:30:00Z"), ms("2026-07-01T11:00:00Z")), times);
    }

    @Test
    void streams_a_large_original_in_chunks() throws SQLException {
        Path big = dir.resolve("big.db");
        int rows = 45_000;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + big); Statement s = c.createStatement()) {
            s.execute(ORIGINAL_DDL.get(0));
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (int i = 0; i < rows; i++) {
                    long second = 10L * i;
                    ps.setString(1, String.format("2025-12-%02d %02d:%02d:%02d.%06d", 1 + second / 86_400,
                            second / 3600 % 24, second / 60 % 60, second % 60, i % 1_000_000));
                    ps.setString(2, SERIAL);
                    ps.setDouble(3, 400);
                    ps.setDouble(4, 5000 + i * 0.001);
                    ps.setDouble(5, 0);
                    ps.setNull(6, Types.REAL);
                    ps.setNull(7, Types.REAL);
                    ps.setNull(8, Types.REAL);
                    ps.setString(9, "{}");
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
        ImportOriginal.Report report = new ImportOriginal(target, BERLIN).run(big, "house");
        assertEquals(rows, report.imported());
        assertEquals(Map.of(), report.skipped());
        assertEquals(ms("2025-11-30T23:00:00Z"), report.firstTs());
    }

    @Test
    void a_missing_file_or_a_file_without_the_table_is_rejected_with_a_clear_message() throws Exception {
        ImportOriginal importer = new ImportOriginal(target, BERLIN);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> importer.run(dir.resolve("nope.db"), "house"));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        IllegalArgumentException noTable = assertThrows(IllegalArgumentException.class,
                () -> importer.run(target.file(), "house"));
        assertTrue(noTable.getMessage().contains("has no energy_readings table"), noTable.getMessage());
        Path text = Files.writeString(dir.resolve("notes.txt"), "this is not a database, just some text ".repeat(50));
        IllegalArgumentException notSqlite = assertThrows(IllegalArgumentException.class,
                () -> importer.run(text, "house"));
        assertTrue(notSqlite.getMessage().contains("cannot be read as an SQLite database"), notSqlite.getMessage());
    }

    private static void insert(Connection c, String ts, Double power, Double in, Double phase1) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, ts);
            ps.setString(2, SERIAL);
            Double[] values = {power, in, in == null ? null : 0.0, phase1, power == null ? null : 110.0, null};
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    ps.setNull(3 + i, Types.REAL);
                } else {
                    ps.setDouble(3 + i, values[i]);
                }
            }
            ps.setString(9, "{\"E_in\": " + in + "}");
            ps.executeUpdate();
        }
    }

    private List<List<Object>> stored(String meter) throws SQLException {
        try (Connection c = target.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT ts, power_w, import_kwh, export_kwh, power_l1_w FROM readings WHERE meter = ? ORDER BY ts")) {
            ps.setString(1, meter);
            try (ResultSet rs = ps.executeQuery()) {
                List<List<Object>> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(List.of(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5)));
                }
                return out;
            }
        }
    }

    private static long ms(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}
