package org.energymonitor.query;

import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Rollup buckets of a range as CSV lines, fetched one window at a time (a day of minutes, a month of hours), so a
 * year of minute buckets streams in constant memory. Owns (and closes) its connection.
 */
final class BucketCsvRows implements CsvRows {

    private final Connection connection;
    private final Range range;
    private final Resolution resolution;
    private final long window;
    private final CsvFormat format;
    private final BucketQuery query = new BucketQuery();
    private final Deque<Bucket> pending = new ArrayDeque<>();
    private long next;

    BucketCsvRows(Connection connection, Range range, Resolution resolution, CsvFormat format) {
        this.connection = connection;
        this.range = range;
        this.resolution = resolution;
        this.format = format;
        this.window = resolution == Resolution.M1 ? 86_400_000L : resolution == Resolution.H1 ? 31 * 86_400_000L
                : Long.MAX_VALUE / 4;
        this.next = range.start();
    }

    @Override
    public String header() {
        return "time,timestamp_ms,readings,power_avg_w,power_min_w,power_max_w,import_kwh,export_kwh,"
                + "power_l1_w,power_l2_w,power_l3_w";
    }

    @Override
    public String nextLine() throws Exception {
        while (pending.isEmpty() && next < range.end()) {
            long to = next + window > range.end() || next + window < next ? range.end() : next + window;
            pending.addAll(query.buckets(connection, range.meter(), next, to, resolution));
            next = to;
        }
        Bucket b = pending.poll();
        if (b == null) {
            return null;
        }
        StringBuilder line = new StringBuilder(160);
        line.append(format.time(b.t())).append(',').append(b.t()).append(',').append(b.n());
        for (Double v : new Double[] {b.pAvg(), b.pMin(), b.pMax(), b.importLast(), b.exportLast(), b.l1(), b.l2(), b.l3()}) {
            line.append(',').append(CsvFormat.number(v));
        }
        return line.toString();
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
