package org.energymonitor.commands;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.energymonitor.ingest.Reading;
import org.energymonitor.store.BulkReadings;
import org.energymonitor.store.Database;
import org.energymonitor.store.MetersTable;

/**
 * Collects the readings of a bulk command and inserts them in chunks, one transaction per chunk, so that a year of
 * readings never sits in memory at once; each chunk's rollups are rebuilt in its transaction ({@link BulkReadings}); {@link #finish()} records the span of the accepted readings in
 * {@code meters}.
 */
final class ReadingSink {

    static final int CHUNK_ROWS = 20_000;

    private final Connection connection;
    private final String meter;
    private final BulkReadings readings;
    private final MetersTable meters = new MetersTable();
    private final List<Reading> chunk = new ArrayList<>(CHUNK_ROWS);
    private long offered;
    private long inserted;
    private long firstTs = Long.MAX_VALUE;
    private long lastTs = Long.MIN_VALUE;

    ReadingSink(Database db, Connection connection, String meter) {
        this.connection = connection;
        this.meter = meter;
        this.readings = new BulkReadings(db.zone());
    }

    void add(Reading reading) throws SQLException {
        chunk.add(reading);
        offered++;
        firstTs = Math.min(firstTs, reading.ts());
        lastTs = Math.max(lastTs, reading.ts());
        if (chunk.size() >= CHUNK_ROWS) {
            flush();
        }
    }

    /** Inserts what is left and records the span in {@code meters} (nothing when no reading was added). */
    void finish() throws SQLException {
        flush();
        if (offered > 0) {
            meters.recordReadings(connection, meter, firstTs, lastTs, lastTs);
        }
    }

    /** Readings added. */
    long offered() {
        return offered;
    }

    /** Readings that were new; the others had a key that was already stored. */
    long inserted() {
        return inserted;
    }

    /** The earliest timestamp added, or 0 when none was. */
    long firstTs() {
        return offered == 0 ? 0 : firstTs;
    }

    /** The latest timestamp added, or 0 when none was. */
    long lastTs() {
        return offered == 0 ? 0 : lastTs;
    }

    private void flush() throws SQLException {
        if (!chunk.isEmpty()) {
            inserted += readings.insert(connection, meter, chunk);
            chunk.clear();
        }
    }
}
