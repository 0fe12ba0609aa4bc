package org.energymonitor.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

import org.sqlite.Function;

/**
 * The Java SQL functions the rollup triggers call, registered on every connection {@link Database} hands out:
 * {@code local_day(ts)} (epoch ms of the local midnight starting the calendar day of {@code ts} in the configured
 * zone), {@code local_week(ts)} (the same for the ISO week, Monday first), {@code local_month(ts)} (calendar month)
 * and {@code rollups_live()} (1, or 0 on a connection whose bulk insert rebuilds its range afterwards).
 */
public final class RollupFunctions {

    private RollupFunctions() {
    }

    /** Registers both functions on {@code c}, with live rollups on. */
    static void register(Connection c, ZoneId zone) throws SQLException {
        Function.create(c, "local_day", new LocalPeriod(zone, 'd'), 1, Function.FLAG_DETERMINISTIC);
        Function.create(c, "local_week", new LocalPeriod(zone, 'w'), 1, Function.FLAG_DETERMINISTIC);
        Function.create(c, "local_month", new LocalPeriod(zone, 'm'), 1, Function.FLAG_DETERMINISTIC);
        live(c, true);
    }

    /** Turns the rollup triggers on or off for this connection only. */
    static void live(Connection c, boolean on) throws SQLException {
        Function.create(c, "rollups_live", new Constant(on ? 1 : 0), 0, 0);
    }

    /** Epoch ms of the local midnight that starts the calendar day holding {@code ts} in {@code zone}. */
    public static long dayStart(ZoneId zone, long ts) {
        return Instant.ofEpochMilli(ts).atZone(zone).toLocalDate().atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /** Epoch ms of the local midnight that ends the calendar day holding {@code ts} (23, 24 or 25 hours later). */
    public static long dayEnd(ZoneId zone, long ts) {
        return Instant.ofEpochMilli(ts).atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant()
                .toEpochMilli();
    }

    /** Start of the local day, week or month of a time; remembers the last period, since rows come in order. */
    private static final class LocalPeriod extends Function {

        private final ZoneId zone;
        private final char unit;
        private long from = 1;
        private long to = 0;

        LocalPeriod(ZoneId zone, char unit) {
            this.zone = zone;
            this.unit = unit;
        }

        @Override
        protected void xFunc() throws SQLException {
            if (value_type(0) == 5) { // SQLITE_NULL
                result();
                return;
            }
            long ts = value_long(0);
            if (ts < from || ts >= to) {
                LocalDate day = Instant.ofEpochMilli(ts).atZone(zone).toLocalDate();
                LocalDate start = switch (unit) {
                    case 'w' -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    case 'm' -> day.withDayOfMonth(1);
                    default -> day;
                };
                LocalDate next = switch (unit) {
                    case 'w' -> start.plusWeeks(1);
                    case 'm' -> start.plusMonths(1);
                    default -> start.plusDays(1);
                };
                from = start.atStartOfDay(zone).toInstant().toEpochMilli();
                to = next.atStartOfDay(zone).toInstant().toEpochMilli();
            }
            result(from);
        }
    }

    private static final class Constant extends Function {

        private final int value;

        Constant(int value) {
            this.value = value;
        }

        @Override
        protected void xFunc() throws SQLException {
            result(value);
        }
    }
}
