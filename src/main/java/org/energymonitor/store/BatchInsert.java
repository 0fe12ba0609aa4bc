package org.energymonitor.store;

import java.util.ArrayList;
import java.util.List;

import org.energymonitor.ingest.IngestCounters;
import org.energymonitor.ingest.Reading;

/**
 * Prepares one batch of readings (the lists collected by the route's aggregator) for the camel-jdbc insert step,
 * and the upsert of the meters it touches.
 */
public final class BatchInsert {

    private final ReadingsTable readings;
    private final MetersTable meters;
    private final IngestCounters counters;

    private final java.time.Clock clock;

    public BatchInsert(ReadingsTable readings, MetersTable meters, IngestCounters counters, java.time.Clock clock) {
        this.clock = clock;
        this.readings = readings;
        this.meters = meters;
        this.counters = counters;
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

    /** The multi-row INSERT OR IGNORE for a batch (at most {@link ReadingsTable#MAX_ROWS_PER_STATEMENT} rows). */
    public SqlCall insert(List<Reading> batch) {
        if (batch.size() > ReadingsTable.MAX_ROWS_PER_STATEMENT) {
            throw new IllegalArgumentException("A batch holds at most " + ReadingsTable.MAX_ROWS_PER_STATEMENT
                    + " readings; lower energy.ingest.batch-size");
        }
        return SqlCall.of(readings.insertSql(batch.size()), readings.insertParameters(batch));
    }

    /** The meters upsert for a batch. */
    public SqlCall meters(List<Reading> batch, long seenMs) {
        return meters.recordBatch(batch, seenMs);
    }

    /** Counts stored rows and duplicates from the insert's update count, and the batch and its duration. */
    public void inserted(int batchSize, int updateCount, long startedMs) {
        counters.add("stored", updateCount);
        counters.add("duplicate", batchSize - updateCount);
        counters.batch(batchSize, Math.max(0, clock.millis() - startedMs));
    }
}
