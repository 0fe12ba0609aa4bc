package org.energymonitor.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import java.time.ZoneId;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite file: opens connections in WAL mode and migrates the schema at start-up. Every connection it hands out
 * (also through {@link #dataSource()}, which camel-jdbc uses) has the {@link RollupFunctions} the rollup triggers
 * call; {@code zone} decides the local days of {@code rollup_day}.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final Path file;
    private final ZoneId zone;
    private final RollupDataSource dataSource;
    /**
     * Held open while the service runs: when the last connection to a WAL database closes, SQLite checkpoints and
     * removes the WAL, which made every batch (camel-jdbc opens and closes a connection per statement) pay a full
     * checkpoint. With this one open, checkpoints happen as usual, every 1,000 pages.
     */
    private Connection keeper;
    private final ReadPool readers;

    /** A database whose local days are those of the system zone (commands and tests; the service passes its zone). */
    public Database(Path file) {
        this(file, ZoneId.systemDefault());
    }

    public Database(Path file, ZoneId zone) {
        this.file = file.toAbsolutePath();
        this.zone = zone;
        try {
            Path parent = this.file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder for " + this.file, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(15_000);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        this.dataSource = new RollupDataSource(config, zone);
        this.dataSource.setUrl("jdbc:sqlite:" + this.file);
        this.readers = new ReadPool(dataSource, 8);
    }

    /** A pooled connection for read queries (the API); closing it returns it to the pool. */
    public Connection reader() throws SQLException {
        return readers.borrow();
    }

    /** Opens the file, creates or migrates the schema, keeps one connection open and returns this. */
    public Database migrate() {
        try {
            if (keeper == null) {
                keeper = connection();
            }
            new Schema().migrate(keeper);
            if (new RollupRebuild(zone).ensureDayZone(keeper)) {
                LOG.info("Rebuilt rollup_day for the zone {}", zone.getId());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open or migrate the database " + file + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** Closes the kept connection (the last close checkpoints the WAL into the database file). */
    @Override
    public void close() {
        try {
            readers.close();
        } catch (SQLException e) {
            LOG.warn("Cannot close a pooled read connection of {}: {}", file, e.getMessage());
        }
        if (keeper != null) {
            try {
                keeper.close();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot close the database " + file + ": " + e.getMessage(), e);
            }
            keeper = null;
        }
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public ZoneId zone() {
        return zone;
    }

    public Path file() {
        return file;
    }
}
