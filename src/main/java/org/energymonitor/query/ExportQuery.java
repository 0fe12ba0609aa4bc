package org.energymonitor.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.energymonitor.store.Database;
import org.energymonitor.store.ReadingsTable;

/**
 * {@code GET /api/export.csv}: a range as CSV (raw readings or minute, hour or day buckets), streamed from the
 * database while the client downloads it.
 */
public final class ExportQuery {

    /** A prepared download: its file name and its rows (the route turns them into a {@link CsvStream}). */
    public record Export(String filename, CsvStream stream) {
    }

    /**
     * What to export: a meter (null for the only or first one), the range in epoch ms (null for the default, the last
     * 24 hours) and the resolution: raw, minute, hour or day.
     */
    public record Request(String meter, Long start, Long end, String resolution) {
    }

    private static final long DAY = 86_400_000L;

    private final Database db;
    private final RangeParameters ranges;
    private final ZoneId zone;
    private final CsvFormat format;
    private final ReadingsTable readings = new ReadingsTable();

    public ExportQuery(Database db, RangeParameters ranges, ZoneId zone) {
        this.db = db;
        this.ranges = ranges;
        this.zone = zone;
        this.format = new CsvFormat(zone);
    }

    /** The buckets of a resolution, null for raw readings. */
    static Resolution bucket(String resolution) {
        return switch (resolution) {
            case "raw" -> null;
            case "minute" -> Resolution.M1;
            case "hour" -> Resolution.H1;
            case "day" -> Resolution.D1;
            default -> throw new BadParameterException("resolution", BadParameterException.quote(resolution)
                    + " is not one of raw, minute, hour, day");
        };
    }

    public Export export(Request request) throws Exception {
        String resolution = request.resolution();
        Resolution bucket = bucket(resolution);
        Connection c = db.reader();
        try {
            Range r = ranges.orDefault(c, request.meter(), request.start(), request.end(), DAY);
            String name = "energy-" + (r.meter() == null ? "none" : r.meter().replaceAll("[^A-Za-z0-9_-]", "_")) + "-"
                    + day(r.start()) + "-" + day(r.end()) + "-" + resolution + ".csv";
            CsvRows rows;
            if (r.isEmpty()) {
                rows = new BucketCsvRows(c, new Range(r.meter(), r.start(), r.start()), Resolution.M1, format);
            } else if (bucket == null) {
                rows = new RawCsvRows(c, readings.range(c, r.meter(), r.start(), r.end(), Integer.MAX_VALUE), format);
            } else {
                rows = new BucketCsvRows(c, r, bucket, format);
            }
            return new Export(name, new CsvStream(rows));
        } catch (RuntimeException | SQLException e) {
            c.close();
            throw e;
        }
    }

    private String day(long ms) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(ms), zone).toString();
    }
}
