package org.energymonitor.store;

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

    public SqlCall insert(String meter, long ts, String payload) {
        return SqlCall.of(INSERT, meter, ts, payload);
    }

    /** Deletes rows older than {@code days} days before {@code nowMs}. */
    public SqlCall purgeOlderThan(long nowMs, int days) {
        return SqlCall.of(PURGE, nowMs - days * 86_400_000L);
    }
}
