package org.energymonitor.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * The bookkeeping around one batch of readings: flattens the lists collected by the route's aggregator, and counts
 * what the camel-jdbc insert stored (the statement itself is {@code ReadingsTable.insertStatement}).
 */
public final class BatchInsert {

    private final IngestCounters counters;
    private final java.time.Clock clock;

    public BatchInsert(IngestCounters counters, java.time.Clock clock) {
        this.counters = counters;
        this.clock = clock;
    }

    /** Flattens the aggregated bodies (each a list of readings) into one list. */
    public List<Reading> flatten(List<?> bodies) {
        List<Reading> out = new ArrayList<>(bodies.size() + 8);
        for (Object body : bodies) {
            if (body instanceof Reading r) {
                out.add(r);
            } else if (body instanceof List<?> list) {
                for (Object o : list) {
                    out.add((Reading) o);
                }
            }
        }
        return out;
    }

    /** Counts stored rows and duplicates from the insert's update count, and the batch and its duration. */
    public void inserted(List<?> batch, int updateCount, long startedMs) {
        counters.add("stored", updateCount);
        counters.add("duplicate", batch.size() - updateCount);
        counters.batch(batch.size(), Math.max(0, clock.millis() - startedMs));
    }
}
