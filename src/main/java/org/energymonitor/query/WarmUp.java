package org.energymonitor.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the dashboard's first requests to the service itself once after start-up, with the parameters the page
 * uses (web/js/main.js: the last day with {@code maxPoints=2000} and its stats, the summary, {@value #DAILY_DAYS}
 * days back of daily values and {@value #MONTHS} months, the status), plus the page, a module, uPlot and the year
 * view, so the first visitor does not pay for a cold JIT, cold caches and class loading (measured: the first
 * page's API requests take 400-600 ms cold, 100-300 ms warm).
 */
public final class WarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    private static final long DAY = 86_400_000L;
    /** As {@code dailyDays}, {@code months} and {@code maxPoints} in web/js/config.js. */
    static final int DAILY_DAYS = 460;
    static final int MONTHS = 25;
    static final int MAX_POINTS = 2_000;
    private final ToIntFunction<List<String>> requestSelf;
    private final Clock clock;
    private final ZoneId zone;
    private volatile boolean done;

    public WarmUp(ToIntFunction<List<String>> requestSelf, Clock clock, ZoneId zone) {
        this.requestSelf = requestSelf;
        this.clock = clock;
        this.zone = zone;
    }

    /** The page's first requests at {@code now} (its local dates in the service's zone). */
    public static List<String> firstRequests(long now, ZoneId zone) {
        LocalDate today = Instant.ofEpochMilli(now).atZone(zone).toLocalDate();
        LocalDate month = today.withDayOfMonth(1);
        String day = "start=" + (now - DAY) + "&end=" + now;
        return List.of("/status", "/api/readings?" + day + "&maxPoints=" + MAX_POINTS, "/api/stats?" + day,
                "/api/summary", "/api/daily?start=" + today.minusDays(DAILY_DAYS) + "&end=" + today.plusDays(1),
                "/api/monthly?start=" + month.minusMonths(MONTHS - 1) + "&end=" + month.plusMonths(1));
    }

    public void run() {
        long t0 = System.nanoTime();
        long now = clock.millis();
        List<String> paths = new ArrayList<>(List.of("/", "/js/main.js", "/webjars/uplot/dist/uPlot.iife.min.js",
                "/api/readings?start=" + (now - 366 * DAY) + "&end=" + now + "&maxPoints=" + MAX_POINTS));
        paths.addAll(firstRequests(now, zone));
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
