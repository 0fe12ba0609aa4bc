package org.energymonitor.query;

import java.util.ArrayList;
import java.util.List;

import org.energymonitor.ingest.Reading;

/** Plain-Java answers from raw rows (one meter, in time order), written from the definitions, for the query tests. */
final class Raw {

    private Raw() {
    }

    /** Each reading's weight: time since the meter's previous reading, at most 15 minutes, 0 for the first. */
    static long[] weights(List<Reading> rows) {
        long[] w = new long[rows.size()];
        for (int i = 1; i < rows.size(); i++) {
            w[i] = Math.min(rows.get(i).ts() - rows.get(i - 1).ts(), 900_000);
        }
        return w;
    }

    static PowerStats stats(List<Reading> rows, long start, long end) {
        long[] w = weights(rows);
        long count = 0;
        long wSum = 0;
        double pSum = 0;
        double pwSum = 0;
        Double min = null;
        Double max = null;
        Long first = null;
        Long last = null;
        for (int i = 0; i < rows.size(); i++) {
            Reading r = rows.get(i);
            if (r.ts() < start || r.ts() >= end) {
                continue;
            }
            first = first == null ? r.ts() : first;
            last = r.ts();
            if (r.powerW() != null) {
                count++;
                min = min == null ? r.powerW() : Math.min(min, r.powerW());
                max = max == null ? r.powerW() : Math.max(max, r.powerW());
                pSum += r.powerW();
                pwSum += r.powerW() * w[i];
                wSum += w[i];
            }
        }
        Double avg = count == 0 ? null : wSum > 0 ? pwSum / wSum : pSum / count;
        return new PowerStats(count, min, max, avg, first, last);
    }

    /** E(t) of one series (ts, value pairs with a value, in time order), or NaN without readings. */
    static double counterAt(List<double[]> series, long t) {
        double[] before = null;
        double[] after = null;
        for (double[] p : series) {
            if (p[0] <= t) {
                before = p;
            }
            if (p[0] >= t && after == null) {
                after = p;
            }
        }
        if (before == null && after == null) {
            return Double.NaN;
        }
        if (before == null) {
            return after[1];
        }
        if (after == null || after[0] == before[0]) {
            return before[1];
        }
        return before[1] + (after[1] - before[1]) * (t - before[0]) / (after[0] - before[0]);
    }

    /** Energy over [a, b), split at the series starts, import when {@code imp} else export. */
    static double[] energy(List<Reading> rows, long[] seriesStarts, long a, long b, boolean imp) {
        List<Long> cuts = new ArrayList<>();
        cuts.add(a);
        for (long s : seriesStarts) {
            if (s > a && s < b) {
                cuts.add(s);
            }
        }
        cuts.add(b);
        double sum = 0;
        boolean data = false;
        for (int i = 0; i + 1 < cuts.size(); i++) {
            long x = cuts.get(i);
            long y = cuts.get(i + 1);
            long lo = Long.MIN_VALUE;
            long hi = Long.MAX_VALUE;
            for (long s : seriesStarts) {
                if (s <= x) {
                    lo = s;
                } else {
                    hi = Math.min(hi, s);
                }
            }
            List<double[]> series = new ArrayList<>();
            boolean atOrBeforeY = false;
            boolean atOrAfterX = false;
            for (Reading r : rows) {
                Double v = imp ? r.importKwh() : r.exportKwh();
                if (v != null && r.ts() >= lo && r.ts() < hi) {
                    series.add(new double[] {r.ts(), v});
                    atOrBeforeY |= r.ts() <= y;
                    atOrAfterX |= r.ts() >= x;
                }
            }
            if (atOrBeforeY && atOrAfterX) {
                sum += counterAt(series, y) - counterAt(series, x);
                data = true;
            }
        }
        return new double[] {sum, data ? 1 : 0};
    }
}
