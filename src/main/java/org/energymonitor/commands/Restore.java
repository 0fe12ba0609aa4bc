package org.energymonitor.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.energymonitor.store.DatabaseCopy;
import org.energymonitor.store.InstanceLock;

/**
 * {@code restore FILE}: replaces the database with a backup while the service is stopped. The backup is checked
 * with {@code PRAGMA integrity_check} first; the current database (with its {@code -wal} and {@code -shm} files) is
 * kept beside it as {@code energy.db.before-restore-<time>}; the backup is copied to a temporary file and renamed
 * into place atomically. Refuses while the service holds the database's lock.
 */
public final class Restore {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path database;
    private final Clock clock;
    private final DatabaseCopy copy = new DatabaseCopy();

    public Restore(Path database, Clock clock) {
        this.database = database.toAbsolutePath();
        this.clock = clock;
    }

    /** Restores {@code backup} and returns what was done; throws IllegalStateException when it must not. */
    public String run(Path backup) throws IOException, SQLException {
        if (!Files.isRegularFile(backup)) {
            throw new IllegalArgumentException("no such file: " + backup);
        }
        Optional<InstanceLock> lock = InstanceLock.tryAcquire(database);
        if (lock.isEmpty()) {
            throw new IllegalStateException("the service is running on " + database + "; stop it first "
                    + "(systemctl stop energy-monitor), then restore, then start it again");
        }
        try (InstanceLock held = lock.get()) {
            List<String> problems = copy.integrityProblems(backup);
            if (!problems.isEmpty()) {
                throw new IllegalStateException(backup + " fails PRAGMA integrity_check: " + problems.get(0));
            }
            String stamp = STAMP.format(Instant.ofEpochMilli(clock.millis()));
            Path kept = null;
            if (Files.exists(database)) {
                kept = database.resolveSibling(database.getFileName() + ".before-restore-" + stamp);
                for (String suffix : new String[] {"-wal", "-shm", ""}) {
                    Path f = database.resolveSibling(database.getFileName() + suffix);
                    if (Files.exists(f)) {
                        Files.move(f, kept.resolveSibling(kept.getFileName() + suffix), StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            }
            Path temp = database.resolveSibling(database.getFileName() + ".restoring");
            Files.copy(backup, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, database, StandardCopyOption.ATOMIC_MOVE);
            return "Restored " + database + " from " + backup + " (" + Files.size(database) / 1024 + " KiB, integrity ok)"
                    + (kept == null ? "" : "; the previous database is kept as " + kept);
        }
    }
}
