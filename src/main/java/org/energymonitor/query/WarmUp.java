package org.energymonitor.query;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the dashboard's first queries once after start-up (the last day, the year view, the summary, the daily
 * bars) and writes their JSON, so the first visitor does not pay for a cold JIT and a cold page cache.
 */
public final class WarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    private static final long YEAR = 366L * 86_400_000L;
    private final List<Function<Map<String, Object>, Object>> queries;
    private final ObjectMapper json;
    private final RangeParameters ranges;

    public WarmUp(ReadingsQuery readings, SummaryQuery summary, CalendarQuery calendar, ObjectMapper json,
                  RangeParameters ranges) {
        this.queries = List.of(unchecked(readings::readings), unchecked(summary::summary),
                unchecked(calendar::daily));
        this.json = json;
        this.ranges = ranges;
    }

    public void run() {
        long t0 = System.nanoTime();
        long now = ranges.now();
        try {
            for (int round = 0; round < 3; round++) {
                for (Function<Map<String, Object>, Object> q : queries) {
                    json.writeValueAsBytes(q.apply(Map.of()));
                }
                json.writeValueAsBytes(queries.get(0).apply(Map.of("start", Long.toString(now - YEAR))));
            }
            LOG.info("Warmed up the dashboard's queries in {} ms", (System.nanoTime() - t0) / 1_000_000);
        } catch (Exception e) {
            LOG.debug("Warm-up skipped: {}", e.getMessage());
        }
    }

    private interface Query {
        Object apply(Map<String, Object> parameters) throws Exception;
    }

    private static Function<Map<String, Object>, Object> unchecked(Query q) {
        return p -> {
            try {
                return q.apply(p);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
