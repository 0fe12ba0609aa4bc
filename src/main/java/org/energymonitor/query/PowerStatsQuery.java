package org.energymonitor.query;

import java.sql.Connection;
import java.sql.SQLException;

import org.energymonitor.store.PowerSums;
import org.energymonitor.store.ReadingsTable;
import org.energymonitor.store.Rollup;
import org.energymonitor.store.RollupsTable;

/**
 * Exact power statistics for any range [start, end): raw readings for the partial minutes at the edges, minute
 * rollups for the whole minutes up to the first and from the last whole hour, hour rollups in between.
 */
public final class PowerStatsQuery {

    private static final long MINUTE = 60_000L;
    private static final long HOUR = 3_600_000L;

    private final ReadingsTable readings = new ReadingsTable();
    private final RollupsTable rollups = new RollupsTable();

    public PowerStats stats(Connection c, String meter, long start, long end) throws SQLException {
        PowerSums sums = PowerSums.NONE;
        long m0 = ceil(start, MINUTE);
        long m1 = Math.floorDiv(end, MINUTE) * MINUTE;
        if (m0 >= m1) {
            sums = readings.powerSums(c, meter, start, end);
        } else {
            long h0 = ceil(m0, HOUR);
            long h1 = Math.floorDiv(m1, HOUR) * HOUR;
            sums = sums.plus(readings.powerSums(c, meter, start, m0));
            if (h0 >= h1) {
                sums = sums.plus(rollups.powerSums(c, Rollup.MINUTE, meter, m0, m1));
            } else {
                sums = sums.plus(rollups.powerSums(c, Rollup.MINUTE, meter, m0, h0))
                        .plus(rollups.powerSums(c, Rollup.HOUR, meter, h0, h1))
                        .plus(rollups.powerSums(c, Rollup.MINUTE, meter, h1, m1));
            }
            sums = sums.plus(readings.powerSums(c, meter, m1, end));
        }
        return new PowerStats(sums.pN(), sums.pMin(), sums.pMax(),
                Bucket.average(sums.pwSum(), sums.wSum(), sums.pSum(), sums.pN()), sums.firstTs(), sums.lastTs());
    }

    private static long ceil(long t, long unit) {
        return -Math.floorDiv(-t, unit) * unit;
    }
}
