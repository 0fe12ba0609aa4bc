package org.energymonitor.query;

import org.energymonitor.store.RollupRow;

/**
 * One chart point: the readings of a time bucket starting at {@code t} (epoch ms). {@code pAvg} is the time-weighted
 * average power (the plain mean when no reading has a weight); {@code pMin}/{@code pMax} the true extremes;
 * the counters are the first and last non-null values in the bucket; {@code l1}..{@code l3} the phase means.
 * A field is null when no reading in the bucket had that value.
 */
public record Bucket(long t, long n, Double pAvg, Double pMin, Double pMax, Double importFirst, Double importLast,
        Double exportFirst, Double exportLast, Double l1, Double l2, Double l3) {

    static Bucket of(RollupRow r) {
        return new Bucket(r.bucket(), r.n(), average(r.pwSum(), r.wSum(), r.pSum(), r.pN()), r.pMin(), r.pMax(),
                r.impFirst(), r.impLast(), r.expFirst(), r.expLast(), mean(r.l1Sum(), r.l1N()),
                mean(r.l2Sum(), r.l2N()), mean(r.l3Sum(), r.l3N()));
    }

    /** Σ p·w / Σ w, or the plain mean Σ p / n when Σ w is 0, or null without power values. */
    static Double average(double pwSum, long wSum, double pSum, long pN) {
        if (pN == 0) {
            return null;
        }
        return wSum > 0 ? pwSum / wSum : pSum / pN;
    }

    private static Double mean(double sum, long n) {
        return n == 0 ? null : sum / n;
    }
}
