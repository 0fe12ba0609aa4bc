package org.energymonitor.query;

/**
 * One point of {@code /api/readings}. Raw points carry one reading; bucketed points summarise a time bucket
 * ({@code t} = its start) with the time-weighted average power in {@code p}, its extremes in {@code pmin}/{@code pmax},
 * the counters at the bucket's end and the number of readings {@code n}. Absent values are left out of the JSON.
 *
 * @param t    epoch milliseconds
 * @param p    power in W (negative = export)
 * @param e    import counter in kWh
 * @param ex   export counter in kWh
 * @param p1   power on L1 in W
 * @param p2   power on L2 in W
 * @param p3   power on L3 in W
 * @param pmin lowest power in the bucket (bucketed only)
 * @param pmax highest power in the bucket (bucketed only)
 * @param n    readings in the bucket (bucketed only)
 */
public record Point(long t, Double p, Double e, Double ex, Double p1, Double p2, Double p3,
                    Double pmin, Double pmax, Long n) {

    /** A raw reading. */
    public static Point raw(long t, Double p, Double e, Double ex, Double p1, Double p2, Double p3) {
        return new Point(t, p, e, ex, p1, p2, p3, null, null, null);
    }
}
