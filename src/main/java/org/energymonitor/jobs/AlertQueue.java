package org.energymonitor.jobs;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts waiting for Telegram. {@code direct:send-alert} only {@link #add adds} (never blocks a job); the
 * {@code deliver-alerts} route takes the {@link #next} one, and reports {@link #delivered} or {@link #failed}. A failed
 * send stays at the head and is retried after a back-off that doubles up to {@code maxBackoffMs}. When the queue is
 * full the oldest alert is dropped (and logged). Every alert is logged at WARN when it is added, so the log has
 * them all even without Telegram. How many were sent and dropped, and how many wait, show in {@code /status}
 * ({@code alerts}) and in the metrics ({@code energy_alerts_total{outcome}}, {@code energy_alerts_waiting}).
 */
public final class AlertQueue {

    private static final Logger LOG = LoggerFactory.getLogger(AlertQueue.class);

    private final Clock clock;
    private final boolean enabled;
    private final int capacity;
    private final long firstBackoffMs;
    private final long maxBackoffMs;
    private final Deque<String> queue = new ArrayDeque<>();
    private long retryAt;
    private long backoff;
    private long sent;
    private long dropped;

    public AlertQueue(Clock clock, boolean enabled, int capacity, long firstBackoffMs, long maxBackoffMs) {
        this.clock = clock;
        this.enabled = enabled;
        this.capacity = capacity;
        this.firstBackoffMs = firstBackoffMs;
        this.maxBackoffMs = maxBackoffMs;
        this.backoff = firstBackoffMs;
    }

    public synchronized void add(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        LOG.warn("Alert: {}", text);
        if (!enabled) {
            return;
        }
        if (queue.size() >= capacity) {
            dropped++;
            LOG.warn("Alert queue full ({} alerts): dropped the oldest: {}", capacity, queue.pollFirst());
        }
        queue.addLast(text);
    }

    /** The alert to send now, or null when there is none or the last failure's back-off has not passed. */
    public synchronized String next() {
        return queue.isEmpty() || clock.millis() < retryAt ? null : queue.peekFirst();
    }

    public synchronized void delivered() {
        queue.pollFirst();
        sent++;
        backoff = firstBackoffMs;
        retryAt = 0;
    }

    public synchronized void failed(Throwable error) {
        LOG.warn("Telegram send failed ({} alerts waiting), next try in {} s: {}", queue.size(), backoff / 1000,
                error == null ? "unknown error" : error.toString());
        retryAt = clock.millis() + backoff;
        backoff = Math.min(backoff * 2, maxBackoffMs);
    }

    public synchronized int waiting() {
        return queue.size();
    }

    public synchronized long sent() {
        return sent;
    }

    public synchronized long dropped() {
        return dropped;
    }
}
