package org.energymonitor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import org.energymonitor.ingest.Reading;
import org.energymonitor.store.Database;
import org.energymonitor.store.TestReadings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PowerStatsQueryTest {

    @TempDir
    Path dir;

    static void assertSameStats(PowerStats expected, PowerStats actual, String what) {
        assertEquals(expected.count(), actual.count(), what + " count");
        assertEquals(expected.pMin(), actual.pMin(), what + " min");
        assertEquals(expected.pMax(), actual.pMax(), what + " max");
        assertEquals(expected.firstTs(), actual.firstTs(), what + " first");
        assertEquals(expected.lastTs(), actual.lastTs(), what + " last");
        if (expected.pAvg() == null) {
            assertEquals(null, actual.pAvg(), what + " avg");
        } else {
            assertEquals(expected.pAvg(), actual.pAvg(), 1e-9 * Math.max(1, Math.abs(expected.pAvg())), what + " avg");
        }
    }

    @Test
    void power_stats_for_random_ranges_equal_a_plain_computation_over_the_raw_rows() throws SQLException {
        List<Reading> rows = TestReadings.awkwardDays("a", 11);
        try (Database db = new Database(dir.resolve("energy.db"), ZoneId.of("Europe/Berlin")).migrate();
                Connection c = db.connection()) {
            TestReadings.insertAll(c, rows);
            TestReadings.insertAll(c, TestReadings.awkwardDays("other", 12));
            PowerStatsQuery query = new PowerStatsQuery();
            long first = rows.get(0).ts() - 3_600_000;
            long span = rows.get(rows.size() - 1).ts() + 3_600_000 - first;
            Random random = new Random(13);
            for (int i = 0; i < 300; i++) {
                long a = first + (long) (random.nextDouble() * span);
                long length = switch (i % 4) {
                    case 0 -> random.nextInt(90_000);                 // inside a minute or two
                    case 1 -> random.nextInt(7_200_000);              // minutes, maybe an hour
                    case 2 -> random.nextInt(86_400_000);             // hours
                    default -> (long) (random.nextDouble() * span);   // anything
                };
                long b = a + length;
                assertSameStats(Raw.stats(rows, a, b), query.stats(c, "a", a, b), "[" + a + ", " + b + ")");
            }
            long end = rows.get(rows.size() - 1).ts() + 1;
            assertSameStats(Raw.stats(rows, rows.get(0).ts(), end), query.stats(c, "a", rows.get(0).ts(), end), "all");
            assertEquals(new PowerStats(0, null, null, null, null, null), query.stats(c, "a", 0, 1000));
        }
    }
}
