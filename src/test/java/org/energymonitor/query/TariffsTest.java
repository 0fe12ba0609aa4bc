package org.energymonitor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.energymonitor.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TariffsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final long HOUR = 3_600_000L;
    private static final double EPS = 1e-9;

    private static final Tariff OLD = new Tariff(LocalDate.of(2024, 1, 1), 0.30, 0.08, 12.00, "EUR");
    private static final Tariff NEW = new Tariff(LocalDate.of(2025, 1, 1), 0.40, 0.10, 15.00, "EUR");
    private final Tariffs tariffs = new Tariffs(List.of(OLD, NEW), BERLIN);

    /** 1 kWh imported and 0.5 kWh exported per hour. */
    private static final EnergySource STEADY = (a, b) -> new Kwh((b - a) / (double) HOUR, 0.5 * (b - a) / HOUR);

    private static long local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(BERLIN).toInstant().toEpochMilli();
    }

    private static IllegalArgumentException invalid(Map<String, String> keys) {
        return assertThrows(IllegalArgumentException.class, () -> Tariffs.read(k -> keys.getOrDefault(k, ""), BERLIN));
    }

    private static Map<String, String> two(String secondKey, String value) {
        Map<String, String> keys = new HashMap<>(Map.of(
                "energy.tariff.1.valid-from", "2024-01-01", "energy.tariff.1.price-per-kwh", "0.30",
                "energy.tariff.2.valid-from", "2025-01-01", "energy.tariff.2.price-per-kwh", "0.40"));
        keys.put(secondKey, value);
        return keys;
    }

    @Test
    void uses_the_default_tariff_when_none_is_configured() {
        assertEquals(List.of(new Tariff(LocalDate.of(1970, 1, 1), 0.30, 0.08, 12.00, "EUR")),
                Tariffs.read(k -> "", BERLIN).all());
    }

    @Test
    void the_shipped_configuration_holds_the_default_tariff(@TempDir Path dir) {
        Settings settings = Settings.load(dir);
        assertEquals(List.of(TariffKeys.DEFAULT), Tariffs.read(settings::get, BERLIN).all());
    }

    @Test
    void a_price_change_needs_only_its_date_and_price(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("application.properties"),
                "energy.tariff.2.valid-from = 2025-03-01\nenergy.tariff.2.price-per-kwh = 0.35\n");
        List<Tariff> all = Tariffs.read(Settings.load(dir)::get, BERLIN).all();
        assertEquals(new Tariff(LocalDate.of(2025, 3, 1), 0.35, 0.08, 12.00, "EUR"), all.get(1));
    }

    @Test
    void a_tariff_starts_at_the_local_midnight_of_its_date() {
        long midnight = local("2025-01-01T00:00");
        assertEquals(OLD, tariffs.at(midnight - 1));
        assertEquals(NEW, tariffs.at(midnight));
        assertEquals(OLD, tariffs.at(0), "the first tariff also applies before its date");
    }

    @Test
    void a_price_change_in_the_middle_of_a_range_costs_each_part_at_its_own_price() {
        long start = local("2024-12-31T12:00");
        long end = local("2025-01-01T12:00");
        List<long[]> asked = new ArrayList<>();
        Cost cost = tariffs.cost(start, end, (a, b) -> {
            asked.add(new long[] {a, b});
            return STEADY.between(a, b);
        });
        long change = local("2025-01-01T00:00");
        assertEquals(2, asked.size());
        assertEquals(List.of(start, change, change, end), List.of(asked.get(0)[0], asked.get(0)[1], asked.get(1)[0], asked.get(1)[1]));
        // by hand: 12 h before midnight at the old tariff, 12 h after at the new one; December and January have 744 h
        double importCost = 12 * 0.30 + 12 * 0.40;
        double credit = 6 * 0.08 + 6 * 0.10;
        double baseFee = 12.00 * 12 / 744 + 15.00 * 12 / 744;
        assertEquals(24, cost.importKwh(), EPS);
        assertEquals(12, cost.exportKwh(), EPS);
        assertEquals(importCost, cost.importCost(), EPS);
        assertEquals(credit, cost.feedInCredit(), EPS);
        assertEquals(baseFee, cost.baseFee(), EPS);
        assertEquals(importCost - credit + baseFee, cost.total(), EPS);
        assertEquals("EUR", cost.currency());
    }

    @Test
    void a_full_february_costs_exactly_one_base_fee() {
        assertEquals(15.00, tariffs.cost(local("2025-02-01T00:00"), local("2025-03-01T00:00"), (a, b) -> Kwh.ZERO).baseFee(), EPS);
        assertEquals(12.00, tariffs.cost(local("2024-02-01T00:00"), local("2024-03-01T00:00"), (a, b) -> Kwh.ZERO).baseFee(), EPS);
        assertEquals(1.0, tariffs.months(local("2024-04-01T00:00"), local("2024-05-01T00:00")), 0.0);
    }

    @Test
    void a_full_year_costs_twelve_base_fees() {
        assertEquals(12 * 12.00, tariffs.cost(local("2024-01-01T00:00"), local("2025-01-01T00:00"), (a, b) -> Kwh.ZERO).baseFee(), EPS);
    }

    @Test
    void the_25_hour_october_day_costs_its_share_of_a_745_hour_month() {
        long start = local("2024-10-27T00:00");
        long end = local("2024-10-28T00:00");
        assertEquals(25 * HOUR, end - start);
        assertEquals(12.00 * 25 / 745, tariffs.cost(start, end, (a, b) -> Kwh.ZERO).baseFee(), EPS);
        assertEquals(12.00 * 23 / 743, tariffs.cost(local("2024-03-31T00:00"), local("2024-04-01T00:00"), (a, b) -> Kwh.ZERO).baseFee(), EPS);
    }

    @Test
    void an_empty_range_costs_nothing_and_asks_for_no_energy() {
        Cost cost = tariffs.cost(1_000_000_000_000L, 1_000_000_000_000L, (a, b) -> {
            throw new AssertionError("asked for energy");
        });
        assertEquals(new Cost(0, 0, 0, 0, 0, 0, "EUR"), cost);
        assertThrows(IllegalArgumentException.class, () -> tariffs.cost(2, 1, STEADY));
    }

    @Test
    void rejects_unsorted_dates_naming_the_key() {
        String message = invalid(two("energy.tariff.2.valid-from", "2023-06-01")).getMessage();
        assertTrue(message.startsWith("energy.tariff.2.valid-from (2023-06-01) must be after energy.tariff.1.valid-from"), message);
    }

    @Test
    void rejects_a_duplicate_date_naming_the_key() {
        assertTrue(invalid(two("energy.tariff.2.valid-from", "2024-01-01")).getMessage().startsWith("energy.tariff.2.valid-from"));
    }

    @Test
    void rejects_negative_prices_naming_the_key() {
        assertTrue(invalid(two("energy.tariff.2.price-per-kwh", "-0.1")).getMessage().startsWith("energy.tariff.2.price-per-kwh must be"));
        assertTrue(invalid(two("energy.tariff.2.feed-in-per-kwh", "-1")).getMessage().startsWith("energy.tariff.2.feed-in-per-kwh"));
        assertTrue(invalid(two("energy.tariff.1.base-fee-per-month", "NaN")).getMessage().startsWith("energy.tariff.1.base-fee-per-month"));
    }

    @Test
    void rejects_mixed_currencies_naming_the_key() {
        assertEquals("energy.tariff.2.currency is CHF but energy.tariff.1.currency is EUR: all tariffs need one currency",
                invalid(two("energy.tariff.2.currency", "CHF")).getMessage());
    }

    @Test
    void rejects_values_that_do_not_parse_naming_the_key() {
        assertEquals("energy.tariff.2.valid-from: \"2025-13-01\" is not a date like 2025-01-01",
                invalid(two("energy.tariff.2.valid-from", "2025-13-01")).getMessage());
        assertEquals("energy.tariff.2.price-per-kwh: \"0,40\" is not a number",
                invalid(two("energy.tariff.2.price-per-kwh", "0,40")).getMessage());
        assertEquals("energy.tariff.2.price-per-kwh is required", invalid(two("energy.tariff.2.price-per-kwh", "")).getMessage());
    }

    @Test
    void rejects_a_gap_in_the_numbering() {
        Map<String, String> keys = two("energy.tariff.3.valid-from", "2026-01-01");
        keys.remove("energy.tariff.2.valid-from");
        assertTrue(invalid(keys).getMessage().startsWith("energy.tariff.3.valid-from is set but energy.tariff.2.valid-from is not"));
    }
}
