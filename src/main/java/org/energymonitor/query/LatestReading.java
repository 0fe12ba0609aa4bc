package org.energymonitor.query;

import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneId;

import org.energymonitor.ingest.Reading;
import org.energymonitor.store.Database;
import org.energymonitor.store.ReadingsTable;

/** {@code GET /api/latest_reading}: the newest reading of a meter. */
public final class LatestReading {

    /**
     * The JSON answer: the meter and its newest reading, {@code t} in epoch ms and {@code time} in ISO-8601 with the
     * configured zone's offset; values as in {@link Point}.
     */
    public record Answer(String meter, long t, String time, Double p, Double e, Double ex, Double p1, Double p2,
                         Double p3) {
    }

    /** What to answer for: a meter's name, or null for the only (or first) meter. */
    public record Request(String meter) {
    }

    private final Database db;
    private final MeterChoice meters;
    private final ReadingsTable readings;

    private final ZoneId zone;

    public LatestReading(Database db, MeterChoice meters, ReadingsTable readings, ZoneId zone) {
        this.db = db;
        this.zone = zone;
        this.meters = meters;
        this.readings = readings;
    }

    public Answer latest(Request request) throws Exception {
        try (Connection c = db.reader()) {
            String meter = meters.resolve(c, request.meter());
            if (meter == null) {
                throw new NotFoundException("no readings yet: the database is empty");
            }
            Reading r = readings.latest(c, meter)
                    .orElseThrow(() -> new NotFoundException("meter " + meter + " has no readings yet"));
            String time = Instant.ofEpochMilli(r.ts()).atZone(zone).toOffsetDateTime().toString();
            return new Answer(meter, r.ts(), time, r.powerW(), r.importKwh(), r.exportKwh(), r.powerL1W(),
                    r.powerL2W(), r.powerL3W());
        }
    }
}
