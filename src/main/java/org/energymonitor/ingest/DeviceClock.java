package org.energymonitor.ingest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Turns Tasmota's {@code Time} into an instant, falling back to the receive time when the device clock
 * is implausible (not synced, too old, too far ahead). Parses by hand: it runs for every message.
 */
public final class DeviceClock {

    private static final long MAX_OFFSET_MS = 18L * 3_600_000L;
    private static final long NOT_BELIEVED = Long.MIN_VALUE;

    private final ZoneRules rules;
    private final long maxAgeMs;
    private final long maxAheadMs;

    public DeviceClock(ZoneId zone, long maxAgeMs, long maxAheadMs) {
        if (maxAgeMs < 0 || maxAheadMs < 0) {
            throw new IllegalArgumentException("maxAgeMs and maxAheadMs must not be negative");
        }
        this.rules = zone.getRules();
        this.maxAgeMs = maxAgeMs;
        this.maxAheadMs = maxAheadMs;
    }

    /** The epoch ms of {@code deviceTime} when present, parseable and plausible, else {@code receivedMs}. */
    public long instant(String deviceTime, long receivedMs) {
        long ms = deviceMs(deviceTime, receivedMs);
        return ms == NOT_BELIEVED ? receivedMs : ms;
    }

    /** Whether {@code deviceTime} is present, parseable and plausible: whether {@link #instant} takes it. */
    public boolean believes(String deviceTime, long receivedMs) {
        return deviceMs(deviceTime, receivedMs) != NOT_BELIEVED;
    }

    private long deviceMs(String deviceTime, long receivedMs) {
        TimeText t = TimeText.parse(deviceTime);
        if (t == null) {
            return NOT_BELIEVED;
        }
        long localMs = t.localEpochMs();
        if (localMs + MAX_OFFSET_MS < receivedMs - maxAgeMs || localMs - MAX_OFFSET_MS > receivedMs + maxAheadMs) {
            return NOT_BELIEVED; // implausible whatever the offset, e.g. 1970
        }
        long ms = t.hasOffset() ? localMs - t.offsetSeconds() * 1000L : zoned(t, localMs, receivedMs);
        return ms >= receivedMs - maxAgeMs && ms <= receivedMs + maxAheadMs ? ms : NOT_BELIEVED;
    }

    private long zoned(TimeText t, long localMs, long receivedMs) {
        if (rules.isFixedOffset()) {
            return localMs - rules.getOffset(Instant.EPOCH).getTotalSeconds() * 1000L;
        }
        LocalDateTime ldt = LocalDateTime.of(t.year(), t.month(), t.day(), t.hour(), t.minute(), t.second());
        List<ZoneOffset> valid = rules.getValidOffsets(ldt);
        if (valid.size() == 1) {
            return localMs - valid.get(0).getTotalSeconds() * 1000L;
        }
        if (valid.isEmpty()) { // spring gap: shifted forward by the gap, as ZonedDateTime.ofLocal does
            return localMs - rules.getTransition(ldt).getOffsetBefore().getTotalSeconds() * 1000L;
        }
        long first = localMs - valid.get(0).getTotalSeconds() * 1000L;
        long second = localMs - valid.get(1).getTotalSeconds() * 1000L;
        return Math.abs(second - receivedMs) < Math.abs(first - receivedMs) ? second : first;
    }
}
