package org.energymonitor.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Reads the parameters every range endpoint shares: {@code meter}, {@code start} and {@code end} (ISO-8601 or epoch
 * ms, see {@link TimeParameter}). A reversed range is swapped; a missing bound takes the endpoint's default.
 */
public final class RangeParameters {

    /** How far a reading may lie ahead of this host's clock (Tasmota's Time is trusted up to 2 minutes ahead). */
    public static final long AHEAD_MS = 120_000L;

    private final TimeParameter times;
    private final MeterChoice meters;
    private final Clock clock;

    public RangeParameters(TimeParameter times, MeterChoice meters, Clock clock) {
        this.times = times;
        this.meters = meters;
        this.clock = clock;
    }

    public long now() {
        return clock.millis();
    }

    /** Both bounds required (400 naming a bad one first, else the missing one). */
    public Range required(Connection c, RequestParameters p) throws SQLException {
        times.optional("start", p.get("start"));
        times.optional("end", p.get("end"));
        for (String name : new String[] {"start", "end"}) {
            if (p.get(name) == null) {
                throw new BadParameterException(name, "is required (ISO-8601 such as 2026-11-01 or "
                        + "2026-11-01T00:00:00+01:00, or epoch milliseconds)");
            }
        }
        return range(c, p, 0, 0);
    }

    /** Missing bounds default to [end − defaultSpanMs, now + {@link #AHEAD_MS}). */
    public Range orDefault(Connection c, RequestParameters p, long defaultSpanMs) throws SQLException {
        long end = now() + AHEAD_MS;
        return range(c, p, end - AHEAD_MS - defaultSpanMs, end);
    }

    private Range range(Connection c, RequestParameters p, long defaultStart, long defaultEnd) throws SQLException {
        Long start = times.optional("start", p.get("start"));
        Long end = times.optional("end", p.get("end"));
        String meter = meters.resolve(c, p.get("meter"));
        long s = start == null ? (end == null ? defaultStart : end - (defaultEnd - defaultStart)) : start;
        long e = end == null ? (start == null ? defaultEnd : Math.max(defaultEnd, s)) : end;
        return new Range(meter, Math.min(s, e), Math.max(s, e));
    }

    public TimeParameter times() {
        return times;
    }
}
