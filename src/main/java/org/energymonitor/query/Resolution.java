package org.energymonitor.query;

import java.time.temporal.ChronoUnit;

import org.energymonitor.store.Rollup;

/**
 * Bucket sizes for charts. Steps below a day are UTC-aligned and merged from the minute ({@code 1m}..{@code 30m}) or
 * hour ({@code 1h}..{@code 12h}) rollups; {@code 1d}, {@code 7d} (ISO week, Monday first) and {@code 1mo} (calendar
 * month) are local calendar periods in {@code energy.timezone}, merged from the day rollups.
 */
public enum Resolution {
    M1("1m", 60_000L, Rollup.MINUTE, null),
    M5("5m", 300_000L, Rollup.MINUTE, null),
    M15("15m", 900_000L, Rollup.MINUTE, null),
    M30("30m", 1_800_000L, Rollup.MINUTE, null),
    H1("1h", 3_600_000L, Rollup.HOUR, null),
    H3("3h", 10_800_000L, Rollup.HOUR, null),
    H6("6h", 21_600_000L, Rollup.HOUR, null),
    H12("12h", 43_200_000L, Rollup.HOUR, null),
    D1("1d", 23 * 3_600_000L, Rollup.DAY, ChronoUnit.DAYS),
    W1("7d", (7 * 24 - 1) * 3_600_000L, Rollup.DAY, ChronoUnit.WEEKS),
    MO1("1mo", (28 * 24 - 1) * 3_600_000L, Rollup.DAY, ChronoUnit.MONTHS);

    private final String label;
    private final long stepMs;
    private final Rollup source;
    private final ChronoUnit calendarUnit;

    Resolution(String label, long stepMs, Rollup source, ChronoUnit calendarUnit) {
        this.label = label;
        this.stepMs = stepMs;
        this.source = source;
        this.calendarUnit = calendarUnit;
    }

    public String label() {
        return label;
    }

    /** The step in ms; for the calendar resolutions the shortest such period (a 23-hour day, …). */
    public long stepMs() {
        return stepMs;
    }

    Rollup source() {
        return source;
    }

    /** DAYS, WEEKS or MONTHS for the local calendar resolutions, null for the UTC steps. */
    ChronoUnit calendarUnit() {
        return calendarUnit;
    }

    /**
     * The finest resolution that has at most {@code maxPoints} buckets over [start, end) (for calendar periods an
     * upper bound counted with their shortest length), or the coarsest when none has.
     */
    public static Resolution forRange(long start, long end, int maxPoints) {
        for (Resolution r : values()) {
            if (r.maxBuckets(start, end) <= maxPoints) {
                return r;
            }
        }
        return MO1;
    }

    long maxBuckets(long start, long end) {
        if (end <= start) {
            return 0;
        }
        if (calendarUnit == null) {
            return Math.floorDiv(end - 1, stepMs) - Math.floorDiv(start, stepMs) + 1;
        }
        return (end - start + stepMs - 1) / stepMs + 1;
    }
}
