package org.energymonitor.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Cells of the CSV export: ISO-8601 local times with their offset, plain decimals, empty for absent values. */
public final class CsvFormat {

    private final DateTimeFormatter time;

    public CsvFormat(ZoneId zone) {
        this.time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
    }

    public String time(long ms) {
        return time.format(Instant.ofEpochMilli(ms));
    }

    public static String number(Double v) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            return "";
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
