package org.energymonitor.query;

/**
 * A named time range {@code [start, end)} with the two ranges it is compared with, all in epoch ms. See
 * {@link Periods} for how each comparison is chosen.
 */
public record Period(String name, long start, long end, long previousStart, long previousEnd, long yearAgoStart,
                     long yearAgoEnd) {
}
