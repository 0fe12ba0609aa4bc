package org.energymonitor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * All SQL of the {@code quarantine} table: every rejected MQTT message with its reason code and detail.
 */
public final class QuarantineTable {

    /** Set for the ingestion's instance; null for readers ({@code /status}). */
    private final TableWrites writes;

    public QuarantineTable() {
        this(null);
    }

    public QuarantineTable(TableWrites writes) {
        this.writes = writes;
    }

    static final String CREATE = """
            CREATE TABLE IF NOT EXISTS quarantine (
              id       INTEGER PRIMARY KEY,
              received INTEGER NOT NULL,
              topic    TEXT    NOT NULL,
              meter    TEXT,
              reason   TEXT    NOT NULL,
              detail   TEXT,
              payload  BLOB
            )""";

    static final String CREATE_INDEX = "CREATE INDEX IF NOT EXISTS quarantine_received ON quarantine (received)";

    private static final String INSERT = "INSERT INTO quarantine (received, topic, meter, reason, detail, payload) "
            + "VALUES (?, ?, ?, ?, ?, ?)";
    private static final String BY_REASON = "SELECT reason, count(*) FROM quarantine GROUP BY reason";
    private static final String PURGE = "DELETE FROM quarantine WHERE received < ?";
    private static final int MAX_STORED_PAYLOAD = 4096;

    /** Stores one rejected message; {@code payload} is the raw MQTT payload (bytes or text), cut to 4 KiB. */
    public void insert(long received, String topic, String meter, String reason, String detail, Object payload)
            throws InterruptedException {
        writes.run(SqlCall.of(INSERT, received, topic == null ? "" : topic, meter, reason, detail, bytes(payload)));
    }

    private static byte[] bytes(Object payload) {
        byte[] b = payload instanceof byte[] raw ? raw
                : payload == null ? new byte[0] : payload.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return b.length > MAX_STORED_PAYLOAD ? java.util.Arrays.copyOf(b, MAX_STORED_PAYLOAD) : b;
    }

    /** Deletes rows older than {@code days} days before {@code nowMs}. */
    public void purgeOlderThan(long nowMs, int days) throws InterruptedException {
        writes.run(SqlCall.of(PURGE, nowMs - days * 86_400_000L));
    }

    /** Stored (not yet purged) quarantined messages per reason code. */
    public Map<String, Long> countByReason(Connection c) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(BY_REASON); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }
}
