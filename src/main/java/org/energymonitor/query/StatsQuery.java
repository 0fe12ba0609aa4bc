package org.energymonitor.query;

import java.sql.Connection;
import java.sql.SQLException;

import org.energymonitor.store.Database;
import org.energymonitor.store.ReadingsTable;

/**
 * {@code GET /api/stats}: energy (from the counters, across gaps and meter replacements), its cost at the tariffs
 * in force, and power statistics (from the rollups) for any range, in milliseconds even for a year.
 */
public final class StatsQuery {

    /**
     * The numbers of a range. Energy and cost are null when the meter has no counter readings around the range;
     * {@code avg_power_watts} is time-weighted (see the README).
     */
    public record Stats(Double energyUsedKwh, Double energyExportedKwh, Cost cost, Double minPowerWatts,
                        Double maxPowerWatts, Double avgPowerWatts, long count, Long firstTs, Long lastTs) {
    }

    /** The JSON answer: the range as used (swapped when given reversed) and its stats. */
    public record Answer(String meter, long start, long end, Stats stats) {
    }

    /** What to answer for: a meter (null for the only or first one) and the range [start, end) in epoch ms. */
    public record Request(String meter, long start, long end) {
    }

    private final Database db;
    private final RangeParameters ranges;
    private final Tariffs tariffs;
    private final PowerStatsQuery power = new PowerStatsQuery();
    private final ReadingsTable readings = new ReadingsTable();

    public StatsQuery(Database db, RangeParameters ranges, Tariffs tariffs) {
        this.db = db;
        this.ranges = ranges;
        this.tariffs = tariffs;
    }

    public Answer stats(Request request) throws Exception {
        try (Connection c = db.reader()) {
            Range r = ranges.range(c, request.meter(), request.start(), request.end());
            if (r.isEmpty()) {
                return new Answer(r.meter(), r.start(), r.end(),
                        new Stats(null, null, null, null, null, null, 0, null, null));
            }
            return new Answer(r.meter(), r.start(), r.end(), stats(c, r));
        }
    }

    Stats stats(Connection c, Range r) throws SQLException {
        PowerStats ps = power.stats(c, r.meter(), r.start(), r.end());
        long[] span = readings.span(c, r.meter());
        Priced priced = span == null ? new Priced(Energy.NONE, null)
                : priced(c, tariffs, r.meter(), r.start(), r.end(), span);
        Energy e = priced.energy();
        if (!e.hasData()) {
            return new Stats(null, null, null, ps.pMin(), ps.pMax(), ps.pAvg(), ps.count(), ps.firstTs(), ps.lastTs());
        }
        return new Stats(e.importKwh(), e.exportKwh(), priced.cost(), ps.pMin(), ps.pMax(), ps.pAvg(), ps.count(),
                ps.firstTs(), ps.lastTs());
    }

    /** Energy from the counters and its cost (null without readings in the range). */
    record Priced(Energy energy, Cost cost) {
    }

    /**
     * The energy of [start, end) and its cost over the part the readings cover ({@link Coverage}). The counters
     * are clamped to the first and last reading, so the energy of that part equals the range's, and it is queried
     * once: the tariff split only queries again for the parts of a range that a tariff change cuts.
     */
    static Priced priced(Connection c, Tariffs tariffs, String meter, long start, long end, long[] span)
            throws SQLException {
        long[] covered = Coverage.of(start, end, span);
        EnergyQuery q = new EnergyQuery();
        if (covered == null) {
            return new Priced(q.between(c, meter, start, end), null);
        }
        Energy e = q.between(c, meter, covered[0], covered[1]);
        if (!e.hasData()) {
            return new Priced(e, null);
        }
        EnergySource parts = source(c, meter);
        Kwh whole = new Kwh(e.importKwh(), e.exportKwh());
        return new Priced(e, tariffs.cost(covered[0], covered[1],
                (a, b) -> a == covered[0] && b == covered[1] ? whole : parts.between(a, b)));
    }

    /** Energy of any sub-range, for the tariff split. */
    static EnergySource source(Connection c, String meter) {
        EnergyQuery q = new EnergyQuery();
        return (a, b) -> {
            try {
                Energy e = q.between(c, meter, a, b);
                return new Kwh(e.importKwh(), e.exportKwh());
            } catch (SQLException ex) {
                throw new IllegalStateException(ex);
            }
        };
    }
}
