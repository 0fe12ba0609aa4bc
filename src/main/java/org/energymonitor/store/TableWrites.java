package org.energymonitor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Runs the single-statement writes of the ingestion that the table classes build (meter states, new counter series,
 * quarantine rows, raw payloads, purges) on the service's write data source, in arrival order with the batches of
 * readings: while {@link HeldReadings} holds writes, or when the database refuses this one (disk full, a foreign
 * write lock, the file removed), the statement is held and the {@code write-held-readings} route writes it again.
 *
 * <p>Own code rather than a camel-jdbc step: each statement belongs to its table class, so no SQL text and no
 * statement object has to travel through the routes (the routes name the business step, such as
 * {@code metersTable.online}); the readings themselves keep their visible camel-jdbc step in {@code write-batch}.
 * Plain JDBC on the same data source behaves as that step did: one statement, one transaction.
 */
public final class TableWrites {

    private final DataSource dataSource;
    private final HeldReadings held;

    public TableWrites(DataSource dataSource, HeldReadings held) {
        this.dataSource = dataSource;
        this.held = held;
    }

    /** Writes {@code call} now, or holds it behind the writes that wait (and when the database refuses it). */
    void run(SqlCall call) throws InterruptedException {
        if (held.holding()) {
            held.hold(call, null);
            return;
        }
        try {
            execute(call);
        } catch (SQLException e) {
            held.hold(call, e.getMessage());
        }
    }

    /**
     * The {@code write-held-readings} step for a held statement (a held batch of readings goes through
     * {@code write-batch}): writes it and releases it, or keeps it first in line with the new error.
     */
    public void writeHeld(Object statement) throws InterruptedException {
        SqlCall call = (SqlCall) statement;
        try {
            execute(call);
        } catch (SQLException e) {
            held.hold(call, e.getMessage());
            return;
        }
        held.written(call);
    }

    private void execute(SqlCall call) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(call.sql())) {
            call.bind(ps);
            ps.executeUpdate();
        }
    }
}
