package org.energymonitor.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.sqlite.SQLiteConfig;

/**
 * The original Python project's SQLite file, opened read-only: all SQL of its {@code energy_readings} table
 * (timestamp TEXT primary key in naive local wall-clock time, meter_id, power_watts, energy_in_kwh, energy_out_kwh,
 * power_phase_1..3_watts, raw_payload).
 */
final class OriginalDatabase implements AutoCloseable {

    static final String TABLE_EXISTS = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?";
    static final String SELECT_ROWS = "SELECT timestamp, meter_id, power_watts, energy_in_kwh, energy_out_kwh, "
            + "power_phase_1_watts, power_phase_2_watts, power_phase_3_watts FROM energy_readings ORDER BY timestamp";

    /** One row as stored; the numbers are null when NULL or not numeric. */
    record Row(String timestamp, String meterId, Double powerW, Double importKwh, Double exportKwh,
               Double powerL1W, Double powerL2W, Double powerL3W) {
    }

    /** Receives the rows one at a time. */
    interface RowHandler {
        void accept(Row row) throws SQLException;
    }

    private final Path file;
    private final Connection connection;

    private OriginalDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens {@code file} read-only; a missing file, a non-SQLite file or one without the table is rejected. */
    static OriginalDatabase open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("The original database " + file + " does not exist or is not a file");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(15_000);
        try {
            Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (PreparedStatement ps = c.prepareStatement(TABLE_EXISTS)) {
                ps.setString(1, "energy_readings");
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getInt(1) == 1) {
                        return new OriginalDatabase(file, c);
                    }
                }
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            c.close();
            throw new IllegalArgumentException(file + " has no energy_readings table: is it the original project's "
                    + "data/energy.db?");
        } catch (SQLException e) {
            throw new IllegalArgumentException(file + " cannot be read as an SQLite database: " + e.getMessage(), e);
        }
    }

    /** Streams all rows in timestamp order (the text order of the stored wall-clock values) to {@code handler}. */
    void forEachRow(RowHandler handler) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(SELECT_ROWS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                handler.accept(new Row(rs.getString(1), rs.getString(2), number(rs, 3), number(rs, 4), number(rs, 5),
                        number(rs, 6), number(rs, 7), number(rs, 8)));
            }
        }
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private static Double number(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column) instanceof Number n ? n.doubleValue() : null;
    }
}
