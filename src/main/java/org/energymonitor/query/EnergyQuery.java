package org.energymonitor.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.energymonitor.store.MetersTable;
import org.energymonitor.store.ReadingsTable;
import org.energymonitor.store.ReadingsTable.CounterNeighbours;

/**
 * Energy from the counters. E(t), the counter at instant t, is interpolated linearly between the nearest readings
 * with a non-null counter at or before and at or after t, and clamped to the first or last reading when t lies
 * outside the data. The energy over [a, b) is E(b) − E(a), split at every counter series start s in (a, b)
 * ({@code meter_series}): each piece uses only the readings of its own series, so a meter replacement adds neither a
 * negative nor a huge jump (the energy between the old meter's last reading and the new one's first is unknown and
 * not counted). Energy between consecutive boundaries therefore adds up to the energy over the whole range.
 */
public final class EnergyQuery {

    private static final long FAR = 1L << 62;

    private final ReadingsTable readings = new ReadingsTable();
    private final MetersTable meters = new MetersTable();

    public Energy between(Connection c, String meter, long a, long b) throws SQLException {
        return between(c, meter, new long[] {a, b}).get(0);
    }

    /** The energy between each pair of consecutive boundaries (one fewer than boundaries; empty for fewer than 2). */
    public List<Energy> between(Connection c, String meter, long[] boundaries) throws SQLException {
        if (boundaries.length < 2) {
            return List.of();
        }
        long[] starts = meters.seriesStarts(c, meter);
        Map<String, Integer> index = new LinkedHashMap<>();
        List<long[]> points = new ArrayList<>();
        List<List<int[]>> segments = new ArrayList<>();
        for (int i = 0; i + 1 < boundaries.length; i++) {
            List<int[]> pieces = new ArrayList<>(1);
            long from = boundaries[i];
            long to = boundaries[i + 1];
            int k = seriesAt(starts, from);
            while (from < to) {
                long seriesEnd = k < starts.length ? starts[k] : FAR;
                long end = Math.min(to, seriesEnd);
                long lo = k == 0 ? -FAR : starts[k - 1];
                pieces.add(new int[] {point(index, points, from, lo, seriesEnd), point(index, points, end, lo, seriesEnd)});
                from = end;
                k++;
            }
            segments.add(pieces);
        }
        List<CounterNeighbours> near = readings.counterNeighbours(c, meter, points);
        List<Energy> out = new ArrayList<>(segments.size());
        for (List<int[]> pieces : segments) {
            double imp = 0;
            double exp = 0;
            boolean data = false;
            for (int[] piece : pieces) {
                CounterNeighbours x = near.get(piece[0]);
                CounterNeighbours y = near.get(piece[1]);
                if (y.impBeforeTs() != null && x.impAfterTs() != null) {
                    imp += importAt(y) - importAt(x);
                    data = true;
                }
                if (y.expBeforeTs() != null && x.expAfterTs() != null) {
                    exp += exportAt(y) - exportAt(x);
                    data = true;
                }
            }
            out.add(data ? new Energy(imp, exp, true) : Energy.NONE);
        }
        return out;
    }

    private static int point(Map<String, Integer> index, List<long[]> points, long t, long lo, long hi) {
        return index.computeIfAbsent(t + "/" + lo, key -> {
            points.add(new long[] {t, lo, hi});
            return points.size() - 1;
        });
    }

    /** Index of the series holding t: the number of series starts at or before t. */
    private static int seriesAt(long[] starts, long t) {
        int k = 0;
        while (k < starts.length && starts[k] <= t) {
            k++;
        }
        return k;
    }

    private static double importAt(CounterNeighbours n) {
        return at(n.t(), n.impBeforeTs(), n.impBefore(), n.impAfterTs(), n.impAfter());
    }

    private static double exportAt(CounterNeighbours n) {
        return at(n.t(), n.expBeforeTs(), n.expBefore(), n.expAfterTs(), n.expAfter());
    }

    /** The counter at t, interpolated between the readings around it or clamped to the one there is. */
    static double at(long t, Long beforeTs, Double before, Long afterTs, Double after) {
        if (beforeTs == null) {
            return after;
        }
        if (afterTs == null || afterTs.equals(beforeTs)) {
            return before;
        }
        return before + (after - before) * (double) (t - beforeTs) / (afterTs - beforeTs);
    }
}
