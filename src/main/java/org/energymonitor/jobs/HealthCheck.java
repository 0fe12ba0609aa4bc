package org.energymonitor.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.energymonitor.store.Database;
import org.energymonitor.store.MeterState;
import org.energymonitor.store.MetersTable;
import org.energymonitor.store.ReadingsTable;
import org.energymonitor.store.RollupsTable;

/**
 * The hourly health check: readings per meter in the last hour against a threshold, and free disk space under the
 * data folder. The threshold is {@code fixedThreshold} when it is above 0, otherwise the meter's own usual rate:
 * the median of its readings per hour over the last {@code historyDays} (hours without any reading left out)
 * times {@code factor}; a meter with fewer than 24 such hours is not judged yet. Alerts follow {@link Conditions}.
 */
public final class HealthCheck {

    /** Settings of the check. */
    public record Limits(long fixedThreshold, double factor, int historyDays, long minFreeDiskMb) {
    }

    static final long HOUR = 3_600_000L;
    private static final int MIN_HOURS = 24;

    private final Database db;
    private final Path dataDir;
    private final Clock clock;
    private final Limits limits;
    private final Conditions conditions;
    private final MetersTable meters = new MetersTable();
    private final ReadingsTable readings = new ReadingsTable();
    private final RollupsTable rollups = new RollupsTable();

    public HealthCheck(Database db, Path dataDir, Clock clock, Limits limits, Conditions conditions) {
        this.db = db;
        this.dataDir = dataDir;
        this.clock = clock;
        this.limits = limits;
        this.conditions = conditions;
    }

    public JobResult check() throws Exception {
        long now = clock.millis();
        List<String> alerts = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        try (Connection c = db.reader()) {
            for (MeterState m : meters.all(c)) {
                long n = readings.countBetween(c, m.meter(), now - HOUR, Long.MAX_VALUE);
                long currentHour = now - now % HOUR;
                long[] hours = rollups.hourlyCounts(c, m.meter(), currentHour - limits.historyDays() * 24 * HOUR,
                        currentHour);
                Threshold t = threshold(hours);
                if (t == null) {
                    parts.add(m.meter() + " " + n + " readings (learning: " + hours.length + " h of history)");
                    continue;
                }
                parts.add(m.meter() + " " + n + " readings (alert below " + t.value() + ", " + t.basis() + ")");
                conditions.observe("rate:" + m.meter(), n < t.value(), now, now, 0)
                        .ifPresent(ch -> alerts.add(AlertTexts.lowRate(ch, m.meter(), n, t.value(), t.basis())));
            }
        }
        long freeMb = freeMb();
        parts.add(freeMb + " MB free");
        conditions.observe("disk", freeMb < limits.minFreeDiskMb(), now, now, 0)
                .ifPresent(ch -> alerts.add(AlertTexts.disk(ch, freeMb, limits.minFreeDiskMb(), dataDir.toString())));
        return new JobResult(String.join("; ", parts), alerts);
    }

    record Threshold(long value, String basis) {
    }

    /** The threshold for a meter with these hourly counts, or null while it is still learning its rate. */
    Threshold threshold(long[] hours) {
        if (limits.fixedThreshold() > 0) {
            return new Threshold(limits.fixedThreshold(), "configured");
        }
        if (hours.length < MIN_HOURS) {
            return null;
        }
        long[] sorted = hours.clone();
        Arrays.sort(sorted);
        long median = sorted[sorted.length / 2];
        return new Threshold(Math.max(1, (long) Math.floor(median * limits.factor())),
                "usually " + median + " an hour");
    }

    private long freeMb() throws IOException {
        Path dir = Files.createDirectories(dataDir);
        return Files.getFileStore(dir).getUsableSpace() / (1024 * 1024);
    }
}
