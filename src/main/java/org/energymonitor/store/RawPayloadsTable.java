package org.energymonitor.store;

import org.energymonitor.ingest.Reading;

/**
 * All SQL of the {@code raw_payloads} table, filled only when {@code energy.ingest.keep-raw} is on.
 */
public final class RawPayloadsTable {

    static final String CREATE = """
            CREATE TABLE IF NOT EXISTS raw_payloads (
              meter   TEXT    NOT NULL,
              ts      INTEGER NOT NULL,
              payload TEXT    NOT NULL,
              PRIMARY KEY (meter, ts)
            ) WITHOUT ROWID""";

    private static final String INSERT = "INSERT OR IGNORE INTO raw_payloads (meter, ts, payload) VALUES (?, ?, ?)";
    private static final String PURGE = "DELETE FROM raw_payloads WHERE ts < ?";

    private final TableWrites writes;

    public RawPayloadsTable(TableWrites writes) {
        this.writes = writes;
    }

    /** Keeps the MQTT payload {@code payload} (bytes or text) of {@code reading}. */
    public void insert(Reading reading, Object payload) throws InterruptedException {
        String text = payload instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : String.valueOf(payload);
        writes.run(SqlCall.of(INSERT, reading.meter(), reading.ts(), text));
    }

    /** Deletes rows older than {@code days} days before {@code nowMs}. */
    public void purgeOlderThan(long nowMs, int days) throws InterruptedException {
        writes.run(SqlCall.of(PURGE, nowMs - days * 86_400_000L));
    }
}
