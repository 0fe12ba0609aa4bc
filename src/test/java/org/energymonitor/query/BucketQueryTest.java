package org.energymonitor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongUnaryOperator;

import org.energymonitor.ingest.Reading;
import org.energymonitor.store.Database;
import org.energymonitor.store.TestReadings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BucketQueryTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    private static LongUnaryOperator local(java.util.function.UnaryOperator<LocalDate> start) {
        return ts -> start.apply(Instant.ofEpochMilli(ts).atZone(BERLIN).toLocalDate()).atStartOfDay(BERLIN)
                .toInstant().toEpochMilli();
    }

    private static LongUnaryOperator bucketOf(Resolution r) {
        return switch (r.label()) {
            case "1d" -> local(d -> d);
            case "7d" -> local(d -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            case "1mo" -> local(d -> d.withDayOfMonth(1));
            default -> ts -> ts - ts % r.stepMs();
        };
    }

    /** Buckets computed from the raw rows in [start, end), written from the definition of each field. */
    private static List<Bucket> expected(List<Reading> rows, long start, long end, Resolution r) {
        long[] w = Raw.weights(rows);
        Map<Long, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            long ts = rows.get(i).ts();
            if (ts >= start && ts < end) {
                groups.computeIfAbsent(bucketOf(r).applyAsLong(ts), k -> new ArrayList<>()).add(i);
            }
        }
        List<Bucket> out = new ArrayList<>();
        groups.forEach((t, members) -> {
            List<Reading> in = members.stream().map(rows::get).toList();
            double pw = 0;
            long ws = 0;
            for (int i : members) {
                if (rows.get(i).powerW() != null) {
                    pw += rows.get(i).powerW() * w[i];
                    ws += w[i];
                }
            }
            List<Double> power = in.stream().map(Reading::powerW).filter(java.util.Objects::nonNull).toList();
            List<Double> imp = in.stream().map(Reading::importKwh).filter(java.util.Objects::nonNull).toList();
            List<Double> exp = in.stream().map(Reading::exportKwh).filter(java.util.Objects::nonNull).toList();
            Double avg = power.isEmpty() ? null : ws > 0 ? pw / ws
                    : power.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            out.add(new Bucket(t, in.size(), avg,
                    power.stream().min(Double::compare).orElse(null), power.stream().max(Double::compare).orElse(null),
                    imp.isEmpty() ? null : imp.get(0), imp.isEmpty() ? null : imp.get(imp.size() - 1),
                    exp.isEmpty() ? null : exp.get(0), exp.isEmpty() ? null : exp.get(exp.size() - 1),
                    mean(in.stream().map(Reading::powerL1W).toList()), mean(in.stream().map(Reading::powerL2W).toList()),
                    mean(in.stream().map(Reading::powerL3W).toList())));
        });
        return out;
    }

    private static Double mean(List<Double> values) {
        List<Double> present = values.stream().filter(java.util.Objects::nonNull).toList();
        return present.isEmpty() ? null : present.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static void assertSameBuckets(List<Bucket> expected, List<Bucket> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + " buckets");
        for (int i = 0; i < expected.size(); i++) {
            Bucket e = expected.get(i);
            Bucket a = actual.get(i);
            String at = what + " bucket " + e.t();
            assertEquals(e.t(), a.t(), at);
            assertEquals(e.n(), a.n(), at + " n");
            assertEquals(e.pMin(), a.pMin(), at + " min (true minimum)");
            assertEquals(e.pMax(), a.pMax(), at + " max (true maximum)");
            assertEquals(java.util.Arrays.asList(e.importFirst(), e.importLast(), e.exportFirst(), e.exportLast()),
                    java.util.Arrays.asList(a.importFirst(), a.importLast(), a.exportFirst(), a.exportLast()),
                    at + " counters");
            assertClose(e.pAvg(), a.pAvg(), at + " avg");
            assertClose(e.l1(), a.l1(), at + " l1");
            assertClose(e.l2(), a.l2(), at + " l2");
            assertClose(e.l3(), a.l3(), at + " l3");
        }
    }

    private static void assertClose(Double expected, Double actual, String what) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, what);
        } else {
            assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
        }
    }

    @Test
    void buckets_of_every_resolution_equal_the_raw_rows_and_keep_the_true_min_and_max() throws SQLException {
        List<Reading> rows = TestReadings.awkwardDays("a", 31);
        try (Database db = new Database(dir.resolve("energy.db"), BERLIN).migrate(); Connection c = db.connection()) {
            TestReadings.insertAll(c, rows);
            TestReadings.insertAll(c, TestReadings.awkwardDays("b", 32));
            BucketQuery query = new BucketQuery();
            long all0 = LocalDate.parse("2026-03-01").atStartOfDay(BERLIN).toInstant().toEpochMilli();
            long all1 = LocalDate.parse("2026-11-01").atStartOfDay(BERLIN).toInstant().toEpochMilli();
            long some0 = rows.get(100).ts() - rows.get(100).ts() % 3_600_000;
            long some1 = some0 + 4 * 3_600_000;
            for (Resolution r : Resolution.values()) {
                assertSameBuckets(expected(rows, all0, all1, r), query.buckets(c, "a", all0, all1, r), r.label());
                if (r.stepMs() <= 3_600_000) {
                    assertSameBuckets(expected(rows, some0, some1, r), query.buckets(c, "a", some0, some1, r),
                            r.label() + " in four hours");
                }
            }
            assertEquals(List.of(), query.buckets(c, "a", 0, 1_000_000, Resolution.M1));
        }
    }

    @Test
    void the_resolution_is_the_finest_with_at_most_max_points_buckets() {
        long day = 86_400_000L;
        assertEquals(Resolution.M1, Resolution.forRange(0, day, 2000));
        assertEquals(Resolution.M5, Resolution.forRange(0, 2 * day, 2000));
        assertEquals(Resolution.M30, Resolution.forRange(0, 30 * day, 2000));
        assertEquals(Resolution.H1, Resolution.forRange(0, 60 * day, 2000));
        assertEquals(Resolution.H6, Resolution.forRange(0, 365 * day, 2000));
        assertEquals(Resolution.D1, Resolution.forRange(0, 365 * day, 400));
        assertEquals(Resolution.W1, Resolution.forRange(0, 365 * day, 60));
        assertEquals(Resolution.MO1, Resolution.forRange(0, 365 * day, 14));
        assertEquals(Resolution.MO1, Resolution.forRange(0, 3650 * day, 10));
    }
}
