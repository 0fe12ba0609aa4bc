package org.energymonitor.store;

/**
 * One bucket of a rollup table, or several merged, with the raw aggregates (see {@link RollupSchema}).
 * {@code bucket} is the start of the bucket (epoch ms).
 */
public record RollupRow(long bucket, long n, long firstTs, long lastTs, long pN, Double pMin, Double pMax,
        double pSum, double pwSum, long wSum, Double impFirst, Long impFirstTs, Double impLast, Long impLastTs,
        Double expFirst, Long expFirstTs, Double expLast, Long expLastTs, long l1N, double l1Sum, long l2N,
        double l2Sum, long l3N, double l3Sum) {
}
