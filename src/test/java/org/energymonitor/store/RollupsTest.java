package org.energymonitor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

import org.energymonitor.ingest.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollupsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @TempDir
    Path dir;

    static List<Reading> awkwardDays(String meter, long seed) {
        return TestReadings.awkwardDays(meter, seed);
    }

    static LongUnaryOperator localDay(ZoneId zone) {
        return ts -> Instant.ofEpochMilli(ts).atZone(zone).toLocalDate().atStartOfDay(zone).toInstant().toEpochMilli();
    }

    private static void assertRollupsMatchRawRows(Connection c, ZoneId zone) throws SQLException {
        List<Reading> raw = TestReadings.stored(c);
        assertEquals(List.of(), RawRollups.differences(RawRollups.of(raw, ts -> ts - ts % 60_000),
                RawRollups.stored(c, "rollup_minute")), "rollup_minute");
        assertEquals(List.of(), RawRollups.differences(RawRollups.of(raw, ts -> ts - ts % 3_600_000),
                RawRollups.stored(c, "rollup_hour")), "rollup_hour");
        assertEquals(List.of(), RawRollups.differences(RawRollups.of(raw, localDay(zone)),
                RawRollups.stored(c, "rollup_day")), "rollup_day");
    }

    @Test
    void rollups_agree_with_raw_rows_across_midnight_both_dst_changes_gaps_and_nulls_on_both_insert_paths()
            throws SQLException {
        List<Reading> a = awkwardDays("a", 1);
        List<Reading> b = awkwardDays("b", 2);
        try (Database db = new Database(dir.resolve("energy.db"), BERLIN).migrate(); Connection c = db.connection()) {
            for (int from = 0, i = 0; from < Math.max(a.size(), b.size()); from += 250, i++) {
                for (List<Reading> rows : List.of(a, b)) {
                    List<Reading> batch = rows.subList(Math.min(from, rows.size()), Math.min(from + 250, rows.size()));
                    if (batch.isEmpty()) {
                        continue;
                    }
                    int inserted = i % 2 == 0 ? TestReadings.insertLikeTheRoute(db, batch) : TestReadings.insertAll(c, batch);
                    assertEquals(batch.size(), inserted);
                }
            }
            // duplicates, with other values, through both paths: ignored, and the rollups do not count them again
            List<Reading> again = new ArrayList<>();
            for (Reading r : a.subList(0, 40)) {
                again.add(new Reading(r.meter(), r.ts(), 99_999.0, 1.0, 1.0, 1.0, 1.0, 1.0, null));
            }
            assertEquals(0, TestReadings.insertLikeTheRoute(db, again));
            assertEquals(0, TestReadings.insertAll(c, again));

            assertEquals(a.size() + b.size(), TestReadings.stored(c).size());
            assertRollupsMatchRawRows(c, BERLIN);
            assertTrue(RawRollups.stored(c, "rollup_day").size() >= 8, "days around the changes");
        }
    }

    @Test
    void rebuild_rollups_produces_the_same_tables_as_the_triggers() throws SQLException {
        try (Database db = new Database(dir.resolve("energy.db"), BERLIN).migrate(); Connection c = db.connection()) {
            TestReadings.insertAll(c, awkwardDays("a", 3));
            Map<String, Map<String, Object>> minutes = RawRollups.stored(c, "rollup_minute");
            Map<String, Map<String, Object>> hours = RawRollups.stored(c, "rollup_hour");
            Map<String, Map<String, Object>> days = RawRollups.stored(c, "rollup_day");

            RollupRebuild.Counts counts = new RollupRebuild(BERLIN).rebuildAll(c);

            assertEquals(minutes.size(), counts.minuteRows());
            assertEquals(hours.size(), counts.hourRows());
            assertEquals(days.size(), counts.dayRows());
            assertEquals(TestReadings.stored(c).size(), counts.readings());
            assertEquals(List.of(), RawRollups.differences(minutes, RawRollups.stored(c, "rollup_minute")));
            assertEquals(List.of(), RawRollups.differences(hours, RawRollups.stored(c, "rollup_hour")));
            assertEquals(List.of(), RawRollups.differences(days, RawRollups.stored(c, "rollup_day")));
        }
    }

    @Test
    void a_reading_out_of_order_is_fixed_by_a_rebuild() throws SQLException {
        try (Database db = new Database(dir.resolve("energy.db"), BERLIN).migrate(); Connection c = db.connection()) {
            List<Reading> rows = new TestReadings("a", 4).window(BERLIN, LocalDateTime.parse("2026-06-10T10:00"), 30);
            Reading late = rows.remove(rows.size() / 2);
            TestReadings.insertAll(c, rows);
            TestReadings.insertAll(c, List.of(late));
            new RollupRebuild(BERLIN).rebuildAll(c);
            assertRollupsMatchRawRows(c, BERLIN);
        }
    }

    @Test
    void the_bulk_path_rebuilds_the_range_it_touched_also_before_existing_readings() throws SQLException {
        TestReadings g = new TestReadings("a", 5);
        List<Reading> early = g.window(BERLIN, LocalDateTime.parse("2026-10-24T20:00"), 10 * 60);
        List<Reading> late = g.window(BERLIN, LocalDateTime.parse("2026-10-25T08:00"), 3 * 60);
        try (Database db = new Database(dir.resolve("energy.db"), BERLIN).migrate(); Connection c = db.connection()) {
            BulkReadings bulk = new BulkReadings(BERLIN);
            TestReadings.insertAll(c, late);                        // triggers
            bulk.insert(c, "a", early.subList(early.size() / 2, early.size()));
            bulk.insert(c, "a", early.subList(0, early.size() / 2));      // before what is stored
            assertRollupsMatchRawRows(c, BERLIN);
            TestReadings.insertAll(c, new TestReadings("a", 6).between(late.get(late.size() - 1).ts() + 5_000,
                    late.get(late.size() - 1).ts() + 600_000));            // triggers still on afterwards
            assertRollupsMatchRawRows(c, BERLIN);
        }
    }

    @Test
    void a_migration_fills_the_rollups_of_an_existing_database_and_a_zone_change_rebuilds_the_days()
            throws SQLException {
        Path file = dir.resolve("energy.db");
        try (Database db = new Database(file, BERLIN).migrate(); Connection c = db.connection();
                Statement s = c.createStatement()) {
            TestReadings.insertAll(c, awkwardDays("a", 7));
            // back to a version 1 database that already holds readings
            s.execute("DROP TRIGGER readings_rollups");
            for (String table : List.of("rollup_minute", "rollup_hour", "rollup_day", "rollup_meta")) {
                s.execute("DROP TABLE " + table);
            }
            s.execute("PRAGMA user_version = 1");
        }
        try (Database db = new Database(file, BERLIN).migrate(); Connection c = db.connection()) {
            assertRollupsMatchRawRows(c, BERLIN);
        }
        try (Database db = new Database(file, NEW_YORK).migrate(); Connection c = db.connection()) {
            assertRollupsMatchRawRows(c, NEW_YORK);
            TestReadings.insertAll(c, new TestReadings("a", 8).window(NEW_YORK,
                    LocalDateTime.parse("2026-11-01T00:30"), 120));       // New York's own 25-hour day
            assertRollupsMatchRawRows(c, NEW_YORK);
        }
    }
}
