package org.energymonitor.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.energymonitor.store.RollupRow;
import org.energymonitor.store.RollupsTable;

/**
 * Chart buckets of one meter from the rollup tables. The range [start, end) selects the source rollup buckets
 * (minutes, hours or local days) that start inside it; buckets without readings are absent.
 */
public final class BucketQuery {

    private final RollupsTable rollups = new RollupsTable();

    public List<Bucket> buckets(Connection c, String meter, long start, long end, Resolution resolution)
            throws SQLException {
        List<RollupRow> rows = resolution.calendarUnit() == null
                ? rollups.steps(c, resolution.source(), meter, start, end, resolution.stepMs())
                : rollups.days(c, resolution.calendarUnit(), meter, start, end);
        List<Bucket> out = new ArrayList<>(rows.size());
        for (RollupRow r : rows) {
            out.add(Bucket.of(r));
        }
        return out;
    }
}
