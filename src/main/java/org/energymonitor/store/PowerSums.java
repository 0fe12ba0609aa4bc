package org.energymonitor.store;

/**
 * Power aggregates over a time range, from raw readings or rollup buckets; {@link #plus} merges two ranges.
 * {@code n} counts all readings, {@code pN} those with a power value; {@code pwSum}/{@code wSum} are the
 * time-weighted sums (see {@link RollupSchema}).
 */
public record PowerSums(long n, Long firstTs, Long lastTs, long pN, Double pMin, Double pMax, double pSum,
        double pwSum, long wSum) {

    public static final PowerSums NONE = new PowerSums(0, null, null, 0, null, null, 0, 0, 0);

    public PowerSums plus(PowerSums o) {
        return new PowerSums(n + o.n, least(firstTs, o.firstTs), greatest(lastTs, o.lastTs), pN + o.pN,
                least(pMin, o.pMin), greatest(pMax, o.pMax), pSum + o.pSum, pwSum + o.pwSum, wSum + o.wSum);
    }

    private static <T extends Comparable<T>> T least(T a, T b) {
        return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
    }

    private static <T extends Comparable<T>> T greatest(T a, T b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }
}
