package org.energymonitor.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the dashboard's first requests (the page, uPlot, the last day, the year view, the summary, the daily and
 * monthly bars, stats) to the service itself once after start-up, so the first visitor does not pay for a cold
 * JIT, cold caches and class loading (measured: the first page's API requests take 400-600 ms cold, 100-300 ms
 * warm).
 */
public final class WarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    private static final long DAY = 86_400_000L;
    private final ToIntFunction<List<String>> requestSelf;
    private final RangeParameters ranges;
    private volatile boolean done;

    public WarmUp(ToIntFunction<List<String>> requestSelf, RangeParameters ranges) {
        this.requestSelf = requestSelf;
        this.ranges = ranges;
    }

    public void run() {
        long t0 = System.nanoTime();
        long now = ranges.now();
        List<String> paths = new ArrayList<>(List.of("/", "/webjars/uplot/1.6.30/dist/uPlot.iife.min.js", "/status",
                "/api/readings", "/api/readings?start=" + (now - 366 * DAY), "/api/summary", "/api/daily",
                "/api/monthly", "/api/stats?start=" + (now - DAY) + "&end=" + now));
        int ok = 0;
        for (int round = 0; round < 3; round++) {
            ok += requestSelf.applyAsInt(paths);
        }
        done = true;
        LOG.info("Warmed up the dashboard: {} of {} requests answered in {} ms", ok, 3 * paths.size(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** Whether the warm-up has run. */
    public boolean done() {
        return done;
    }
}
