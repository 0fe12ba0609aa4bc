package org.energymonitor.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * The range a range query answers for, from its typed request's {@code meter}, {@code start} and {@code end}: the
 * meter resolved ({@link MeterChoice}), a reversed range swapped, a missing bound the endpoint's default.
 */
public final class RangeParameters {

    /** How far a reading may lie ahead of this host's clock (Tasmota's Time is trusted up to 2 minutes ahead). */
    public static final long AHEAD_MS = 120_000L;

    private final MeterChoice meters;
    private final Clock clock;

    public RangeParameters(MeterChoice meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    public long now() {
        return clock.millis();
    }

    /** Both bounds given (swapped when reversed). */
    public Range range(Connection c, String meter, long start, long end) throws SQLException {
        return new Range(meters.resolve(c, meter), Math.min(start, end), Math.max(start, end));
    }

    /** Missing bounds default to [end − defaultSpanMs, now + {@link #AHEAD_MS}). */
    public Range orDefault(Connection c, String meter, Long start, Long end, long defaultSpanMs) throws SQLException {
        long defaultEnd = now() + AHEAD_MS;
        long defaultStart = defaultEnd - AHEAD_MS - defaultSpanMs;
        long s = start == null ? (end == null ? defaultStart : end - (defaultEnd - defaultStart)) : start;
        long e = end == null ? (start == null ? defaultEnd : Math.max(defaultEnd, s)) : end;
        return range(c, meter, s, e);
    }
}
