package org.energymonitor.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per client: {@code perSecond} tokens a second flow in up to {@code burst}; a request takes one.
 * At most 10,000 clients are tracked (then the table starts afresh, which only ever lets requests through).
 */
final class TokenBuckets {

    private final double perSecond;
    private final double burst;
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

    TokenBuckets(double perSecond, double burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** Whether {@code client} may make a request at {@code nowNanos} (and takes its token if so). */
    boolean allow(String client, long nowNanos) {
        if (buckets.size() > 10_000) {
            buckets.clear();
        }
        double[] b = buckets.computeIfAbsent(client, k -> new double[] {burst, nowNanos});
        synchronized (b) {
            b[0] = Math.min(burst, b[0] + Math.max(0, nowNanos - (long) b[1]) / 1e9 * perSecond);
            b[1] = nowNanos;
            if (b[0] >= 1) {
                b[0] -= 1;
                return true;
            }
            return false;
        }
    }
}
