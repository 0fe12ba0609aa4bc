package org.energymonitor.commands;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import org.energymonitor.ingest.Reading;
import org.energymonitor.sim.LoadProfile;
import org.energymonitor.sim.SimulatedMeter;
import org.energymonitor.store.Database;
import org.energymonitor.store.ReadingsTable;

/**
 * The {@code simulate-history} command: fills the database with {@code days} days of readings of a
 * {@link SimulatedMeter}, one every period, ending now (aligned to the period), streamed to the database in chunks.
 * <p>
 * A meter that already has readings is only extended backwards in time if all of them are older than the simulated
 * range: the counter then continues from the newest stored value. A meter with readings inside or after the range is
 * refused with an {@link IllegalStateException} and nothing is written; simulate another meter name or delete those
 * readings first. A meter without readings starts its counter at {@value #START_KWH} kWh.
 */
public final class SimulateHistory {

    static final double START_KWH = 10_000.0;
    private static final long DAY_MS = 86_400_000L;

    private final Database db;
    private final ZoneId zone;
    private final Clock clock;
    private final LoadProfile profile = LoadProfile.h0();
    private final ReadingsTable readings = new ReadingsTable();

    public SimulateHistory(Database db, ZoneId zone) {
        this(db, zone, Clock.systemUTC());
    }

    SimulateHistory(Database db, ZoneId zone, Clock clock) {
        this.db = db;
        this.zone = zone;
        this.clock = clock;
    }

    /** What a run wrote; {@code importKwh} is the energy over the simulated range (last minus first counter). */
    public record Summary(String meter, long rows, long firstTs, long lastTs, double importKwh, long millis) {

        public String describe(ZoneId zone) {
            DateTimeFormatter f = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT).withZone(zone);
            return String.format(Locale.ROOT, "simulated %,d readings of meter '%s' from %s to %s (%s), %,.1f kWh, "
                            + "in %.1f s (%,d rows/s)", rows, meter, f.format(Instant.ofEpochMilli(firstTs)),
                    f.format(Instant.ofEpochMilli(lastTs)), zone.getId(), importKwh, millis / 1000.0,
                    rows * 1000 / Math.max(1, millis));
        }
    }

    public Summary run(String meter, int days, long periodMs, double yearlyKwh, long seed) {
        if (meter == null || meter.isBlank() || days < 1 || periodMs < 1000 || periodMs > DAY_MS || !(yearlyKwh > 0)) {
            throw new IllegalArgumentException("simulate-history needs a meter name, at least one day, a period "
                    + "between 1 s and 1 day and a positive yearly consumption; got meter '" + meter + "', " + days
                    + " days, " + periodMs + " ms, " + yearlyKwh + " kWh");
        }
        long started = System.nanoTime();
        long rows = days * DAY_MS / periodMs;
        long end = Math.floorDiv(clock.millis(), periodMs) * periodMs;
        long start = end - (rows - 1) * periodMs;
        try (Connection c = db.connection()) {
            Optional<Reading> latest = readings.latest(c, meter);
            if (latest.isPresent() && latest.get().ts() >= start) {
                throw new IllegalStateException("Meter '" + meter + "' already has readings up to "
                        + Instant.ofEpochMilli(latest.get().ts()).atZone(zone).toLocalDateTime()
                        + ", not before the start of the " + days + " days to simulate ("
                        + Instant.ofEpochMilli(start).atZone(zone).toLocalDateTime() + " " + zone.getId()
                        + "); nothing was written. Choose another --meter or delete that meter's readings first.");
            }
            double startKwh = latest.map(Reading::importKwh).orElse(START_KWH);
            SimulatedMeter simulated = new SimulatedMeter(profile, zone, yearlyKwh, seed, startKwh);
            ReadingSink sink = new ReadingSink(db, c, meter);
            double lastKwh = startKwh;
            for (long i = 0; i < rows; i++) {
                Reading reading = simulated.next(meter, start + i * periodMs);
                lastKwh = reading.importKwh();
                sink.add(reading);
            }
            sink.finish();
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new Summary(meter, sink.inserted(), sink.firstTs(), sink.lastTs(), lastKwh - startKwh, millis);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the simulated history to " + db.file() + ": "
                    + e.getMessage(), e);
        }
    }
}
