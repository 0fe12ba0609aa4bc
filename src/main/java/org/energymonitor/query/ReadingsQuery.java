package org.energymonitor.query;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import org.energymonitor.ingest.Reading;
import org.energymonitor.store.Database;
import org.energymonitor.store.ReadingCursor;
import org.energymonitor.store.ReadingsTable;

/**
 * {@code GET /api/readings}: the raw readings of a range when there are at most {@code maxPoints} of them, else
 * buckets from the rollup tables at the finest resolution that fits, so a year costs about what a day costs.
 */
public final class ReadingsQuery {

    /** The JSON answer; {@code step_ms} is 0 for raw points. */
    public record Answer(String meter, long start, long end, String resolution, long stepMs, List<Point> points) {
    }

    /**
     * What to answer for: a meter (null for the only or first one), the range in epoch ms (null for the default, the
     * last 24 hours), only readings newer than {@code after} (null for all; the end then defaults to no limit), and
     * at most {@code maxPoints} points.
     */
    public record Request(String meter, Long start, Long end, Long after, int maxPoints) {
    }

    public static final int DEFAULT_MAX_POINTS = 2000;
    private static final long DAY = 86_400_000L;

    private final Database db;
    private final RangeParameters ranges;
    private final ReadingsTable readings = new ReadingsTable();
    private final BucketQuery buckets = new BucketQuery();

    public ReadingsQuery(Database db, RangeParameters ranges) {
        this.db = db;
        this.ranges = ranges;
    }

    public Answer readings(Request request) throws Exception {
        int maxPoints = request.maxPoints();
        try (Connection c = db.reader()) {
            Range r = ranges.orDefault(c, request.meter(), request.start(), request.end(), DAY);
            if (request.after() != null) {
                r = new Range(r.meter(), request.after() + 1, request.end() == null ? Long.MAX_VALUE : r.end());
            }
            if (r.isEmpty()) {
                return new Answer(r.meter(), r.start(), Math.max(r.start(), r.end()), "raw", 0, List.of());
            }
            if (readings.countUpTo(c, r.meter(), r.start(), r.end(), maxPoints + 1) <= maxPoints) {
                return new Answer(r.meter(), r.start(), r.end(), "raw", 0, raw(c, r, maxPoints));
            }
            long end = r.end() == Long.MAX_VALUE ? ranges.now() + RangeParameters.AHEAD_MS : r.end();
            Resolution res = Resolution.forRange(r.start(), end, maxPoints);
            List<Point> points = new ArrayList<>();
            for (Bucket b : buckets.buckets(c, r.meter(), r.start(), end, res)) {
                points.add(new Point(b.t(), b.pAvg(), b.importLast(), b.exportLast(), b.l1(), b.l2(), b.l3(),
                        b.pMin(), b.pMax(), b.n()));
            }
            return new Answer(r.meter(), r.start(), end, res.label(), res.stepMs(), points);
        }
    }

    private List<Point> raw(Connection c, Range r, int limit) throws Exception {
        List<Point> out = new ArrayList<>(Math.min(limit, 4096));
        try (ReadingCursor cursor = readings.range(c, r.meter(), r.start(), r.end(), limit)) {
            while (cursor.next()) {
                Reading x = cursor.reading();
                out.add(Point.raw(x.ts(), x.powerW(), x.importKwh(), x.exportKwh(), x.powerL1W(), x.powerL2W(),
                        x.powerL3W()));
            }
        }
        return out;
    }
}
