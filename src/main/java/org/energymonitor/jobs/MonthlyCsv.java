package org.energymonitor.jobs;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.energymonitor.query.ExportQuery;
import org.energymonitor.store.Database;
import org.energymonitor.store.MeterState;
import org.energymonitor.store.MetersTable;
import org.energymonitor.store.ReadingsTable;

/**
 * The text the git history commits: {@code readings/<meter>/<yyyy-MM>.csv} per meter and local month, rendered by
 * the API's CSV export at {@code resolution} ({@code raw}, {@code minute}, {@code hour}, {@code day}). Each run renders
 * the months whose file is missing and the {@code recentMonths} newest ones, and writes a file only when its content
 * changed, so git sees exactly the months that changed. Readings added to older months later (an import) are
 * picked up after their files are deleted.
 */
public final class MonthlyCsv {

    private final Database db;
    private final ExportQuery export;
    private final ZoneId zone;
    private final Clock clock;
    private final String resolution;
    private final int recentMonths;
    private final MetersTable meters = new MetersTable();
    private final ReadingsTable readings = new ReadingsTable();

    public MonthlyCsv(Database db, ExportQuery export, ZoneId zone, Clock clock, String resolution, int recentMonths) {
        if (!Arrays.asList("raw", "minute", "hour", "day").contains(resolution)) {
            throw new IllegalArgumentException("energy.git.resolution must be raw, minute, hour or day, not " + resolution);
        }
        this.db = db;
        this.export = export;
        this.zone = zone;
        this.clock = clock;
        this.resolution = resolution;
        this.recentMonths = recentMonths;
    }

    /** Renders into {@code root} and returns the paths (relative to root) whose content changed. */
    public List<String> render(Path root) throws Exception {
        List<String> changed = new ArrayList<>();
        YearMonth now = YearMonth.from(clock.instant().atZone(zone));
        try (Connection c = db.reader()) {
            for (MeterState m : meters.all(c)) {
                long[] span = readings.span(c, m.meter());
                if (span == null) {
                    continue;
                }
                YearMonth first = YearMonth.from(Instant.ofEpochMilli(span[0]).atZone(zone));
                YearMonth last = YearMonth.from(Instant.ofEpochMilli(span[1]).atZone(zone));
                String folder = "readings/" + m.meter().replaceAll("[^A-Za-z0-9_.-]", "_");
                for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                    String name = folder + "/" + month + ".csv";
                    Path file = root.resolve(name);
                    boolean recent = month.isAfter(now.minusMonths(recentMonths));
                    if ((recent || !Files.exists(file)) && write(file, csv(m.meter(), month))) {
                        changed.add(name);
                    }
                }
            }
        }
        return changed;
    }

    private byte[] csv(String meter, YearMonth month) throws Exception {
        ExportQuery.Export e = export.export(new ExportQuery.Request(meter, midnight(month.atDay(1)),
                midnight(month.plusMonths(1).atDay(1)), resolution));
        try (InputStream in = e.stream()) {
            return in.readAllBytes();
        }
    }

    private long midnight(LocalDate day) {
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    private static boolean write(Path file, byte[] content) throws Exception {
        if (Files.exists(file) && Arrays.equals(Files.readAllBytes(file), content)) {
            return false;
        }
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temp, content);
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return true;
    }
}
