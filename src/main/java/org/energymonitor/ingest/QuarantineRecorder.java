package org.energymonitor.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts a rejected message by reason and logs at most one WARN line per reason
 * and interval (with how many were suppressed), so a flood of bad messages cannot flood the log.
 */
public final class QuarantineRecorder {

    private static final Logger LOG = LoggerFactory.getLogger("org.energymonitor.quarantine");
    private final IngestCounters counters;
    private final long warnIntervalMs;
    private final Map<String, AtomicLong> lastWarn = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> suppressed = new ConcurrentHashMap<>();

    public QuarantineRecorder(IngestCounters counters, long warnIntervalMs) {
        this.counters = counters;
        this.warnIntervalMs = warnIntervalMs;
    }

    /** Counts one rejected message by its reason and warns (rate-limited); the quarantine table stores it. */
    public void record(long received, String topic, String reason, String detail) {
        counters.quarantined(reason);
        warn(reason, topic, detail, received);
    }

    private void warn(String reason, String topic, String detail, long now) {
        AtomicLong last = lastWarn.computeIfAbsent(reason, k -> new AtomicLong(Long.MIN_VALUE / 2));
        AtomicLong skipped = suppressed.computeIfAbsent(reason, k -> new AtomicLong());
        long previous = last.get();
        if (now - previous >= warnIntervalMs && last.compareAndSet(previous, now)) {
            long n = skipped.getAndSet(0);
            LOG.warn("Quarantined a message on {}: {} ({}){}", topic, reason, detail,
                    n > 0 ? " - and " + n + " more for this reason since the last warning" : "");
        } else {
            skipped.incrementAndGet();
        }
    }
}
