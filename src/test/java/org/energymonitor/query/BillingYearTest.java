package org.energymonitor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class BillingYearTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final double EPS = 1e-6;
    private static final Tariffs FLAT = new Tariffs(List.of(new Tariff(LocalDate.of(1970, 1, 1), 0.30, 0.08, 12.00, "EUR")), BERLIN);
    /** 10 kWh imported and 2 kWh exported per day, at any time. */
    /** The readings began before the billing year: the whole year so far is covered. */
    private static final long ALL_YEAR = Long.MIN_VALUE;
    private static final EnergySource STEADY = (a, b) -> new Kwh(10.0 * (b - a) / 86_400_000L, 2.0 * (b - a) / 86_400_000L);

    private static long local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(BERLIN).toInstant().toEpochMilli();
    }

    private static BillingYear year(String now, int startMonth, double advance, Tariffs tariffs) {
        Clock clock = Clock.fixed(LocalDateTime.parse(now).atZone(BERLIN).toInstant(), BERLIN);
        return new BillingYear(BERLIN, clock, tariffs, startMonth, advance);
    }

    @Test
    void before_april_a_year_starting_in_april_began_last_year() {
        Forecast f = year("2025-02-15T00:00", 4, 100, FLAT).forecast(STEADY, ALL_YEAR);
        assertEquals(local("2024-04-01T00:00"), f.yearStart());
        assertEquals(local("2025-04-01T00:00"), f.yearEnd());
        assertEquals(11 * 100.0, f.advancePaid(), EPS, "April to February: 11 advances");
    }

    @Test
    void from_april_on_a_year_starting_in_april_began_this_year() {
        BillingYear year = year("2025-04-01T00:00", 4, 100, FLAT);
        assertEquals(LocalDate.of(2025, 4, 1), year.startDate());
        Forecast f = year("2025-06-10T12:00", 4, 100, FLAT).forecast(STEADY, ALL_YEAR);
        assertEquals(local("2025-04-01T00:00"), f.yearStart());
        assertEquals(local("2026-04-01T00:00"), f.yearEnd());
        assertEquals(300.0, f.advancePaid(), EPS, "April, May and June");
    }

    @Test
    void extrapolates_kwh_and_cost_at_the_pace_so_far() {
        Forecast f = year("2025-10-01T00:00", 4, 100, FLAT).forecast(STEADY, ALL_YEAR);
        long days = (local("2025-10-01T00:00") - local("2025-04-01T00:00")) / 86_400_000L; // both in CEST
        assertEquals(183, days);
        assertEquals(183 / 365.0, f.elapsedShare(), 1e-4);
        assertEquals(f.usedKwh() / f.elapsedShare(), f.expectedKwh(), EPS);
        assertEquals(3650, f.expectedKwh(), 0.5);
        double expectedCost = 3650 * 0.30 - 730 * 0.08 + 12 * 12.00;
        assertEquals(expectedCost, f.expectedCost(), 0.5);
        assertEquals(1200.0, f.advanceYear(), EPS);
        assertEquals(1200.0 - f.expectedCost(), f.expectedBalance(), EPS);
        assertTrue(f.expectedBalance() > 0, "a refund");
        assertEquals("EUR", f.currency());
    }

    @Test
    void a_price_change_later_in_the_year_is_in_the_expected_cost() {
        Tariffs rising = new Tariffs(List.of(new Tariff(LocalDate.of(1970, 1, 1), 0.30, 0, 0, "EUR"),
                new Tariff(LocalDate.of(2026, 1, 1), 0.40, 0, 0, "EUR")), BERLIN);
        Forecast f = year("2025-07-01T00:00", 1, 0, rising).forecast((a, b) -> new Kwh(10.0 * (b - a) / 86_400_000L, 0), ALL_YEAR);
        assertEquals(3650 * 0.30, f.expectedCost(), 1e-3, "the change is after the year's end");
        Forecast g = year("2025-10-01T00:00", 4, 0, rising).forecast((a, b) -> new Kwh(10.0 * (b - a) / 86_400_000L, 0), ALL_YEAR);
        assertEquals((275 * 0.30 + 90 * 0.40) * 10, g.expectedCost(), 0.5, "Apr–Dec at 0.30, Jan–Mar at 0.40");
    }

    @Test
    void without_an_advance_there_is_no_balance() {
        Forecast f = year("2025-06-10T12:00", 1, 0, FLAT).forecast(STEADY, ALL_YEAR);
        assertNull(f.advancePaid());
        assertNull(f.advanceYear());
        assertNull(f.expectedBalance());
    }

    @Test
    void at_the_first_instant_of_the_year_the_pace_is_zero() {
        Forecast f = year("2025-01-01T00:00", 1, 50, FLAT).forecast(STEADY, ALL_YEAR);
        assertEquals(0, f.elapsedShare());
        assertEquals(0, f.expectedKwh());
        assertEquals(12 * 12.00, f.expectedCost(), EPS, "only the base fees");
        assertEquals(50.0, f.advancePaid(), EPS);
    }

    @Test
    void rejects_a_start_month_outside_1_to_12_and_a_negative_advance() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> year("2025-01-01T00:00", 13, 0, FLAT))
                .getMessage().startsWith("energy.billing.start-month"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> year("2025-01-01T00:00", 1, -5, FLAT))
                .getMessage().startsWith("energy.billing.monthly-advance"));
    }

    @Test
    void reads_its_keys_and_names_them_when_they_are_not_numbers() {
        Clock clock = Clock.fixed(LocalDateTime.parse("2025-02-15T00:00").atZone(BERLIN).toInstant(), BERLIN);
        BillingYear year = BillingYear.read(k -> k.equals("energy.billing.start-month") ? "4" : "", BERLIN, clock, FLAT);
        assertEquals(LocalDate.of(2024, 4, 1), year.startDate());
        assertNull(year.forecast(STEADY, ALL_YEAR).expectedBalance());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> BillingYear.read(k -> k.equals("energy.billing.monthly-advance") ? "80 EUR" : "", BERLIN, clock, FLAT))
                .getMessage().startsWith("energy.billing.start-month"));
    }
}
