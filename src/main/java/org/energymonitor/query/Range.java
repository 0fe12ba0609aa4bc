package org.energymonitor.query;

/**
 * A half-open time range [start, end) of one meter, in epoch ms; {@code meter} is null when the database has no
 * meter yet.
 */
public record Range(String meter, long start, long end) {

    public boolean isEmpty() {
        return meter == null || end <= start;
    }
}
