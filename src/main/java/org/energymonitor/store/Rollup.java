package org.energymonitor.store;

/**
 * The three rollup tables. They share one layout (see {@link RollupSchema}) and differ in how a reading's time maps
 * to its bucket: UTC minutes, UTC hours, or local calendar days in {@code energy.timezone}.
 */
public enum Rollup {
    MINUTE("rollup_minute", "%1$s - %1$s %% 60000"),
    HOUR("rollup_hour", "%1$s - %1$s %% 3600000"),
    DAY("rollup_day", "local_day(%1$s)");

    /**
     * A reading's weight in the time-weighted average power is the time since the meter's previous reading, at
     * most this long (15 minutes), so a gap in the data does not give one reading the weight of the whole gap.
     */
    public static final long MAX_WEIGHT_MS = 900_000;

    private final String table;
    private final String bucketOf;

    Rollup(String table, String bucketOf) {
        this.table = table;
        this.bucketOf = bucketOf;
    }

    public String table() {
        return table;
    }

    /** The SQL expression of the bucket start holding the instant {@code tsExpression}. */
    String bucketOf(String tsExpression) {
        return String.format(bucketOf, tsExpression);
    }
}
