package org.energymonitor.commands;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.energymonitor.ingest.Reading;
import org.energymonitor.store.Database;

/**
 * The {@code import-original} command: copies the original Python project's {@code energy_readings} into the
 * readings of one meter, streaming and in chunks; running it again adds nothing (existing keys are counted as
 * duplicates).
 * <p>
 * <b>Time stamps.</b> The original stored each reading's time as naive local wall-clock text
 * ({@code 2026-11-28 01:59:43.901848}) computed with the fixed UTC offset in force when its MQTT process started; it
 * did not follow DST while running, so the true offset of a row depends on when that process was last restarted,
 * which the file does not record. By default the text is read as wall-clock time in {@code energy.timezone} with the
 * zone's DST rules. That is exact for every row written by a process started in the same DST period as the row
 * (for example all of a winter); rows written after a DST change by a process started before it come out one hour
 * off. In the repeated hour of the autumn change the earlier (summer) offset is used, and a spring-forward time that
 * does not exist is moved forward by the length of the gap. If the writer is known to have run without a restart, pass
 * the offset it started with ({@code --offset +01:00}): every row is then read with that fixed offset, which is exact
 * for that process. Microseconds are truncated to milliseconds. Rows are checked in stored (text) order: a counter
 * that runs backwards, as after a restart across the autumn change, skips the row as {@code counter_backwards}; rows
 * with a missing or zero import counter (the original's register glitches) are skipped too, never stored.
 */
public final class ImportOriginal {

    /** {@code 2026-11-28 01:59:43.901848}, also without the fraction or with a {@code T}. */
    private static final DateTimeFormatter NAIVE = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd[ ]['T']HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private final Database target;
    private final ZoneId zone;

    public ImportOriginal(Database target, ZoneId zone) {
        this.target = target;
        this.zone = zone;
    }

    /** What an import did; {@code skipped} counts the rows left out by reason. */
    public record Report(long imported, long duplicates, Map<String, Long> skipped, long firstTs, long lastTs) {

        public Report {
            skipped = Map.copyOf(skipped);
        }

        public String describe(ZoneId zone) {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "imported %,d rows", imported));
            if (duplicates > 0) {
                out.append(String.format(Locale.ROOT, " (%,d already present)", duplicates));
            }
            long total = skipped.values().stream().mapToLong(Long::longValue).sum();
            out.append(String.format(Locale.ROOT, ", skipped %,d", total));
            if (total > 0) {
                out.append(new TreeMap<>(skipped).entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "%s: %,d", e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", ", " (", ")")));
            }
            if (imported + duplicates > 0) {
                DateTimeFormatter day = DateTimeFormatter.ISO_LOCAL_DATE.withZone(zone);
                out.append(", ").append(day.format(Instant.ofEpochMilli(firstTs))).append(" … ")
                        .append(day.format(Instant.ofEpochMilli(lastTs)));
            }
            return out.toString();
        }
    }

    /** Imports with the time stamps read as wall-clock time of the configured zone (see the class comment). */
    public Report run(Path originalDb, String meter) {
        return importWith(originalDb, meter, zone);
    }

    /** Imports with every time stamp read at {@code fixedOffset}, the offset the original writer started with. */
    public Report run(Path originalDb, String meter, ZoneOffset fixedOffset) {
        return importWith(originalDb, meter, fixedOffset);
    }

    private Report importWith(Path originalDb, String meter, ZoneId rule) {
        if (meter == null || meter.isBlank()) {
            throw new IllegalArgumentException("import-original needs a meter name");
        }
        Map<String, Long> skipped = new TreeMap<>();
        double[] lastImport = {Double.NEGATIVE_INFINITY};
        try (OriginalDatabase original = OriginalDatabase.open(originalDb); Connection c = target.connection()) {
            ReadingSink sink = new ReadingSink(target, c, meter);
            original.forEachRow(row -> {
                LocalDateTime local = parse(row.timestamp());
                String reason = local == null ? "unparseable_timestamp" : check(row, lastImport[0]);
                if (reason != null) {
                    skipped.merge(reason, 1L, Long::sum);
                    return;
                }
                lastImport[0] = row.importKwh();
                long ts = ZonedDateTime.ofLocal(local, rule, null).toInstant().toEpochMilli();
                String serial = row.meterId() == null || row.meterId().equals("None") ? null : row.meterId();
                sink.add(new Reading(meter, ts, row.powerW(), row.importKwh(), row.exportKwh(),
                        row.powerL1W(), row.powerL2W(), row.powerL3W(), serial));
            });
            sink.finish();
            return new Report(sink.inserted(), sink.offered() - sink.inserted(), skipped, sink.firstTs(),
                    sink.lastTs());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot import " + originalDb + " into " + target.file() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Why a row with a valid time stamp is skipped, or null to import it. */
    private static String check(OriginalDatabase.Row row, double lastImport) {
        if (row.powerW() == null && row.importKwh() == null && row.exportKwh() == null) {
            return "no_values";
        }
        if (row.importKwh() == null) {
            return "import_missing";
        }
        if (row.importKwh() <= 0) {
            return "import_zero";
        }
        return row.importKwh() < lastImport ? "counter_backwards" : null;
    }

    /** The naive wall-clock time, or null when the text is not {@code yyyy-MM-dd HH:mm:ss[.ffffff]}. */
    static LocalDateTime parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim(), NAIVE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
