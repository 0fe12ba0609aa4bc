package org.energymonitor.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

import org.energymonitor.ingest.Reading;
import org.energymonitor.store.Database;
import org.energymonitor.store.RawRollups;
import org.energymonitor.store.TestReadings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RebuildRollupsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final List<String> TABLES = List.of("rollup_minute", "rollup_hour", "rollup_day");

    @TempDir
    Path dir;

    private static void assertMatchesRawRows(Connection c) throws SQLException {
        List<Reading> raw = TestReadings.stored(c);
        LongUnaryOperator day = ts -> Instant.ofEpochMilli(ts).atZone(BERLIN).toLocalDate().atStartOfDay(BERLIN)
                .toInstant().toEpochMilli();
        List<LongUnaryOperator> buckets = List.of(ts -> ts - ts % 60_000, ts -> ts - ts % 3_600_000, day);
        for (int i = 0; i < TABLES.size(); i++) {
            assertEquals(List.of(), RawRollups.differences(RawRollups.of(raw, buckets.get(i)),
                    RawRollups.stored(c, TABLES.get(i))), TABLES.get(i));
        }
    }

    @Test
    void simulated_history_across_the_autumn_dst_change_has_rollups_that_a_rebuild_reproduces() throws SQLException {
        try (Database db = new Database(dir.resolve("energy.db"), BERLIN).migrate()) {
            Clock clock = Clock.fixed(Instant.parse("2026-10-26T09:00:00Z"), ZoneOffset.UTC);
            new SimulateHistory(db, BERLIN, Clock.offset(clock, java.time.Duration.ofDays(-4)))
                    .run("sim", 1, 30_000, 3500, 2);                                       // 2,880 rows
            new SimulateHistory(db, BERLIN, clock).run("sim", 3, 10_000, 3500, 1);       // 25,920 rows, two chunks
            try (Connection c = db.connection()) {
                assertMatchesRawRows(c);
                Map<String, Map<String, Object>> before = RawRollups.stored(c, "rollup_minute");

                String line = new RebuildRollups(db).run();

                assertTrue(line.startsWith("rebuilt rollups from 28,800 readings: "), line);
                assertTrue(line.contains(" day rows (days in Europe/Berlin) in "), line);
                assertEquals(List.of(), RawRollups.differences(before, RawRollups.stored(c, "rollup_minute")));
                assertMatchesRawRows(c);
            }
        }
    }
}
