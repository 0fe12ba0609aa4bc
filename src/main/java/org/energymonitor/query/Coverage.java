package org.energymonitor.query;

/**
 * The part of a range that the meter's readings cover: costs (and their prorated base fee) are computed over it,
 * so a period that began before monitoring did, or has not ended yet, is not charged for time without readings.
 */
final class Coverage {

    private Coverage() {
    }

    /** [max(start, first reading), min(end, last reading)], or null when they do not overlap. */
    static long[] of(long start, long end, long[] span) {
        long a = Math.max(start, span[0]);
        long b = Math.min(end, span[1]);
        return b > a ? new long[] {a, b} : null;
    }
}
