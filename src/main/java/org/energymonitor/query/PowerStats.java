package org.energymonitor.query;

/**
 * Power over a time range: {@code count} readings with a power value, their min and max, the time-weighted average
 * (see {@link Bucket#pAvg()}), and the times of the first and last reading in the range (null when there is none).
 */
public record PowerStats(long count, Double pMin, Double pMax, Double pAvg, Long firstTs, Long lastTs) {
}
