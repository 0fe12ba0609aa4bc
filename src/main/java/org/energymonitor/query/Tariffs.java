package org.energymonitor.query;

import static org.energymonitor.query.TariffKeys.key;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The tariffs in force over time, oldest first. Each starts at the local midnight of its {@code validFrom} in
 * the configured zone and ends where the next one starts; the first one also applies to any time before it.
 *
 * <p>{@link #cost} splits a range at every tariff change inside it and prices each part with its own tariff:
 * imported kWh × price, exported kWh × feed-in, and the monthly base fee prorated by the share of each local
 * calendar month the part covers (so a full 28-, 30- or 31-day month costs exactly one fee, and a 25-hour
 * October day 25/745 of it).
 */
public final class Tariffs {

    private final List<Tariff> tariffs;
    private final long[] starts;
    private final ZoneId zone;

    /** Checks the list (messages name the {@code energy.tariff.<n>} key, n = position + 1). */
    public Tariffs(List<Tariff> tariffs, ZoneId zone) {
        if (tariffs.isEmpty()) {
            throw new IllegalArgumentException("at least one tariff is required (energy.tariff.1.*)");
        }
        this.tariffs = List.copyOf(tariffs);
        this.zone = zone;
        this.starts = new long[tariffs.size()];
        for (int i = 0; i < tariffs.size(); i++) {
            Tariff t = tariffs.get(i);
            int n = i + 1;
            notNegative(t.pricePerKwh(), key(n, "price-per-kwh"));
            notNegative(t.feedInPerKwh(), key(n, "feed-in-per-kwh"));
            notNegative(t.baseFeePerMonth(), key(n, "base-fee-per-month"));
            if (t.currency() == null || t.currency().isBlank()) {
                throw new IllegalArgumentException(key(n, "currency") + " must not be empty");
            }
            if (i > 0) {
                Tariff before = tariffs.get(i - 1);
                if (!t.validFrom().isAfter(before.validFrom())) {
                    throw new IllegalArgumentException(key(n, "valid-from") + " (" + t.validFrom() + ") must be after "
                            + key(n - 1, "valid-from") + " (" + before.validFrom() + "): list tariffs oldest first, "
                            + "one per date");
                }
                if (!t.currency().equals(tariffs.get(0).currency())) {
                    throw new IllegalArgumentException(key(n, "currency") + " is " + t.currency() + " but "
                            + key(1, "currency") + " is " + tariffs.get(0).currency()
                            + ": all tariffs need one currency");
                }
            }
            starts[i] = t.validFrom().atStartOfDay(zone).toInstant().toEpochMilli();
        }
    }

    /** The tariffs configured by {@code energy.tariff.<n>.*}; {@code setting} looks a key up ("" when unset). */
    public static Tariffs read(UnaryOperator<String> setting, ZoneId zone) {
        return new Tariffs(TariffKeys.read(setting), zone);
    }

    public List<Tariff> all() {
        return tariffs;
    }

    public String currency() {
        return tariffs.get(0).currency();
    }

    /** The tariff in force at {@code ms}. */
    public Tariff at(long ms) {
        return tariffs.get(index(ms));
    }

    /** The cost of {@code [start, end)}; {@code energy} is asked once per tariff part. */
    public Cost cost(long start, long end, EnergySource energy) {
        if (end < start) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
        double imported = 0, exported = 0, importCost = 0, credit = 0, baseFee = 0;
        for (long a = start; a < end; ) {
            int i = index(a);
            long b = i + 1 < starts.length ? Math.min(end, starts[i + 1]) : end;
            Tariff t = tariffs.get(i);
            Kwh kwh = energy.between(a, b);
            imported += kwh.imported();
            exported += kwh.exported();
            importCost += kwh.imported() * t.pricePerKwh();
            credit += kwh.exported() * t.feedInPerKwh();
            baseFee += t.baseFeePerMonth() * months(a, b);
            a = b;
        }
        return new Cost(imported, exported, importCost, credit, baseFee, importCost - credit + baseFee, currency());
    }

    /** How many local calendar months {@code [start, end)} covers, each month counted by its share of time. */
    double months(long start, long end) {
        double months = 0;
        LocalDate month = Instant.ofEpochMilli(start).atZone(zone).toLocalDate().withDayOfMonth(1);
        long m0 = month.atStartOfDay(zone).toInstant().toEpochMilli();
        while (m0 < end) {
            month = month.plusMonths(1);
            long m1 = month.atStartOfDay(zone).toInstant().toEpochMilli();
            months += (Math.min(end, m1) - Math.max(start, m0)) / (double) (m1 - m0);
            m0 = m1;
        }
        return months;
    }

    private int index(long ms) {
        int i = Arrays.binarySearch(starts, ms);
        return i >= 0 ? i : Math.max(0, -i - 2);
    }

    private static void notNegative(double value, String key) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(key + " must be a number of zero or more, not " + value);
        }
    }
}
