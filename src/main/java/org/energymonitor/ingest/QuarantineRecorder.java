package org.energymonitor.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.energymonitor.store.QuarantineTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a rejected message into its quarantine row, counts it by reason and logs at most one WARN line per reason
 * and interval (with how many were suppressed), so a flood of bad messages cannot flood the log.
 */
public final class QuarantineRecorder {

    private static final Logger LOG = LoggerFactory.getLogger("org.energymonitor.quarantine");
    private static final int MAX_STORED_PAYLOAD = 4096;
    private final QuarantineTable table;
    private final IngestCounters counters;
    private final long warnIntervalMs;
    private final Map<String, AtomicLong> lastWarn = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> suppressed = new ConcurrentHashMap<>();

    public QuarantineRecorder(QuarantineTable table, IngestCounters counters, long warnIntervalMs) {
        this.table = table;
        this.counters = counters;
        this.warnIntervalMs = warnIntervalMs;
    }

    /** Stores one rejected message; {@code payload} is the raw MQTT payload (bytes or text). */
    public void record(long received, String topic, String meter, String reason, String detail, Object payload)
            throws InterruptedException {
        counters.quarantined(reason);
        warn(reason, topic, detail, received);
        table.insert(received, topic == null ? "" : topic, meter, reason, detail, bytes(payload));
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

    private static byte[] bytes(Object payload) {
        byte[] b = payload instanceof byte[] raw ? raw
                : payload == null ? new byte[0] : payload.toString().getBytes(StandardCharsets.UTF_8);
        return b.length > MAX_STORED_PAYLOAD ? Arrays.copyOf(b, MAX_STORED_PAYLOAD) : b;
    }
}
