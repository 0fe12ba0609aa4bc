package org.energymonitor.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import java.time.ZoneId;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

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
    /** The file system's identity (device and inode) of the file the service opened. */
    private Object identity;

    /** A database whose local days are those of the system zone (commands and tests; the service passes its zone). */
    public Database(Path file) {
        this(file, ZoneId.systemDefault());
    }

    public Database(Path file, ZoneId zone) {
        this(file, zone, 15_000);
    }

    /** {@code busyTimeoutMs}: how long a statement waits for another process's lock before it fails. */
    public Database(Path file, ZoneId zone, int busyTimeoutMs) {
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
        config.setBusyTimeout(busyTimeoutMs);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        // Never create the file behind the service's back: a connection opened after the file was removed fails
        // (SQLITE_CANTOPEN) instead of writing into a new empty database. migrate() creates it once.
        config.resetOpenMode(SQLiteOpenMode.CREATE);
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
                if (!Files.exists(file)) {
                    DriverManager.getConnection("jdbc:sqlite:" + file).close(); // creates the empty file
                }
                keeper = connection();
                identity = DatabaseFile.identity(file);
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

    /**
     * What is wrong with the file on disk, or null: removed, or replaced by another file, while the service ran.
     * A stat per call; cheap enough for every health check and every held-batch retry.
     */
    public String fileProblem() {
        return identity == null ? null : DatabaseFile.problem(file, identity);
    }

    /**
     * When the file was removed while the service ran, writes it again from the connection that still holds the
     * removed file open (SQLite reads a deleted file's content, WAL included, through an open handle), then reopens
     * every connection on it. Returns true when it rebuilt the file; a replaced file is left alone.
     */
    public synchronized boolean recreateIfRemoved() throws SQLException {
        if (keeper == null || identity == null || Files.exists(file)) {
            return false;
        }
        identity = DatabaseFile.rebuild(keeper, file);
        readers.renew();
        Connection old = keeper;
        keeper = connection();
        old.close();
        LOG.error("The database file {} was removed while the service ran; it was rebuilt from the open connection",
                file);
        return true;
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
