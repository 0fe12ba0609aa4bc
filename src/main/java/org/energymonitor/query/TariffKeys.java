package org.energymonitor.query;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Reads the tariffs from the keys {@code energy.tariff.<n>.valid-from}, {@code .price-per-kwh},
 * {@code .feed-in-per-kwh}, {@code .base-fee-per-month} and {@code .currency} for n = 1, 2, … up to the first n
 * without a {@code valid-from}. {@code valid-from} and {@code price-per-kwh} are required; the other three, when
 * empty, repeat the previous tariff's value (for tariff 1: 0, 0 and EUR), so a price change needs two lines.
 * With no tariff configured at all, {@link #DEFAULT} applies.
 */
final class TariffKeys {

    static final Tariff DEFAULT = new Tariff(LocalDate.of(1970, 1, 1), 0.30, 0.08, 12.00, "EUR");

    private TariffKeys() {
    }

    static String key(int n, String field) {
        return "energy.tariff." + n + "." + field;
    }

    /** The configured tariffs; {@code setting} gives a key's value, "" or null when it is unset. */
    static List<Tariff> read(UnaryOperator<String> setting) {
        List<Tariff> tariffs = new ArrayList<>();
        Tariff previous = new Tariff(DEFAULT.validFrom(), 0, 0, 0, DEFAULT.currency());
        int n = 1;
        for (; !value(setting, key(n, "valid-from")).isEmpty(); n++) {
            String currency = value(setting, key(n, "currency"));
            previous = new Tariff(date(setting, key(n, "valid-from")),
                    number(setting, key(n, "price-per-kwh"), null),
                    number(setting, key(n, "feed-in-per-kwh"), previous.feedInPerKwh()),
                    number(setting, key(n, "base-fee-per-month"), previous.baseFeePerMonth()),
                    currency.isEmpty() ? previous.currency() : currency);
            tariffs.add(previous);
        }
        if (!value(setting, key(n + 1, "valid-from")).isEmpty()) {
            throw new IllegalArgumentException(key(n + 1, "valid-from") + " is set but " + key(n, "valid-from")
                    + " is not: tariffs are numbered 1, 2, 3, … without gaps");
        }
        return tariffs.isEmpty() ? List.of(DEFAULT) : tariffs;
    }

    private static String value(UnaryOperator<String> setting, String key) {
        String v = setting.apply(key);
        return v == null ? "" : v.trim();
    }

    private static LocalDate date(UnaryOperator<String> setting, String key) {
        String v = value(setting, key);
        try {
            return LocalDate.parse(v);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(key + ": \"" + v + "\" is not a date like 2025-01-01", e);
        }
    }

    private static double number(UnaryOperator<String> setting, String key, Double fallback) {
        String v = value(setting, key);
        if (v.isEmpty()) {
            if (fallback == null) {
                throw new IllegalArgumentException(key + " is required");
            }
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": \"" + v + "\" is not a number", e);
        }
    }
}
