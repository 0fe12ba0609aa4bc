package org.energymonitor.query;

import java.sql.Connection;

import org.energymonitor.ingest.Reading;
import org.energymonitor.store.ReadingCursor;

/** Every raw reading of a range as CSV lines; owns (and closes) its connection. */
final class RawCsvRows implements CsvRows {

    private final Connection connection;
    private final ReadingCursor cursor;
    private final CsvFormat format;
    private final StringBuilder line = new StringBuilder(128);

    RawCsvRows(Connection connection, ReadingCursor cursor, CsvFormat format) {
        this.connection = connection;
        this.cursor = cursor;
        this.format = format;
    }

    @Override
    public String header() {
        return "time,timestamp_ms,power_w,import_kwh,export_kwh,power_l1_w,power_l2_w,power_l3_w";
    }

    @Override
    public String nextLine() throws Exception {
        if (!cursor.next()) {
            return null;
        }
        Reading r = cursor.reading();
        line.setLength(0);
        line.append(format.time(r.ts())).append(',').append(r.ts());
        for (Double v : new Double[] {r.powerW(), r.importKwh(), r.exportKwh(), r.powerL1W(), r.powerL2W(), r.powerL3W()}) {
            line.append(',').append(CsvFormat.number(v));
        }
        return line.toString();
    }

    @Override
    public void close() throws Exception {
        try {
            cursor.close();
        } finally {
            connection.close();
        }
    }
}
