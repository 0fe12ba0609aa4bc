package org.energymonitor.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.energymonitor.store.Database;
import org.energymonitor.store.DatabaseCopy;

/**
 * The hourly backup: {@code VACUUM INTO} a temporary file in {@code <data>/backups/}, {@code PRAGMA integrity_check}
 * on it, a sanity check against the newest good backup ({@link BackupSanity}), an atomic rename to
 * {@code energy-<UTC time>.db}, and only the newest {@code keep} backups kept. A copy that fails either check is
 * deleted and the run fails (the job log and an alert say so); the retention then deletes nothing.
 */
public final class Backup {

    static final String PREFIX = "energy-";
    static final String SUFFIX = ".db";
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Database db;
    private final Path folder;
    private final int keep;
    private final Clock clock;
    private final DatabaseCopy copy = new DatabaseCopy();
    private final BackupSanity sanity;

    public Backup(Database db, Path folder, int keep, double minRowsRatio, Clock clock) {
        this.sanity = new BackupSanity(minRowsRatio);
        if (keep < 1) {
            throw new IllegalArgumentException("energy.backup.keep must be at least 1");
        }
        this.db = db;
        this.folder = folder;
        this.keep = keep;
        this.clock = clock;
    }

    public JobResult run() throws Exception {
        long started = clock.millis();
        Files.createDirectories(folder);
        Path target = folder.resolve(PREFIX + NAME.format(Instant.ofEpochMilli(started)) + SUFFIX);
        Path temp = folder.resolve(target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        try {
            try (Connection c = db.connection()) {
                copy.vacuumInto(c, temp);
            }
            List<String> problems = copy.integrityProblems(temp);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the backup failed PRAGMA integrity_check: " + problems.get(0));
            }
            List<Path> good = backups();
            Optional<String> insane = sanity.problem(temp, good.isEmpty() ? Optional.empty()
                    : Optional.of(good.get(good.size() - 1)));
            if (insane.isPresent()) {
                throw new IllegalStateException("no backup taken, the good backups are kept: " + insane.get());
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        int removed = prune();
        return JobResult.of(target.getFileName() + ", " + Files.size(target) / 1024 + " KiB in "
                + (clock.millis() - started) + " ms, integrity ok, " + removed + " old backups removed");
    }

    /** The backups in the folder, oldest first (their names sort by time). */
    public List<Path> backups() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(PREFIX) && n.endsWith(SUFFIX);
            }).sorted().toList();
        }
    }

    private int prune() throws IOException {
        List<Path> all = backups();
        int removed = 0;
        for (int i = 0; i < all.size() - keep; i++) {
            Files.deleteIfExists(all.get(i));
            removed++;
        }
        return removed;
    }
}
