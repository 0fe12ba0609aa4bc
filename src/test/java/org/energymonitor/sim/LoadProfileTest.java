package org.energymonitor.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class LoadProfileTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final LoadProfile profile = LoadProfile.h0();

    @Test
    void a_year_of_the_profile_integrates_to_the_yearly_consumption() {
        for (int year : new int[] {2025, 2026, 2028}) {
            long from = ZonedDateTime.of(year, 1, 1, 0, 0, 0, 0, BERLIN).toInstant().toEpochMilli();
            long to = ZonedDateTime.of(year + 1, 1, 1, 0, 0, 0, 0, BERLIN).toInstant().toEpochMilli();
            double kwh = 0;
            for (long t = from; t < to; t += 5 * 60_000) {
                kwh += profile.meanWatts(Instant.ofEpochMilli(t).atZone(BERLIN), 3500) / 12 / 1000;
            }
            assertEquals(3500, kwh, 3500 * 0.03, "year " + year + ": " + kwh + " kWh");
        }
    }

    @Test
    void the_value_at_the_middle_of_an_hour_is_the_table_value_times_the_seasonal_factor() {
        // Wednesday 14 January 2026, winter working day, hour 11: 118.3 W per 1,000 kWh/a
        double watts = profile.meanWatts(ZonedDateTime.of(2026, 1, 14, 11, 30, 0, 0, BERLIN), 2000);
        assertEquals(118.3 * LoadProfile.seasonalFactor(14) * 2, watts, 1e-9);
        // Saturday 1 August 2026, summer Saturday, hour 19: 180.4
        double saturday = profile.meanWatts(ZonedDateTime.of(2026, 8, 1, 19, 30, 0, 0, BERLIN), 1000);
        assertEquals(180.4 * LoadProfile.seasonalFactor(213), saturday, 1e-9);
    }

    @Test
    void between_hour_centres_the_value_is_interpolated_without_steps() {
        ZonedDateTime before = ZonedDateTime.of(2026, 1, 14, 10, 59, 59, 999_000_000, BERLIN);
        double a = profile.meanWatts(before, 1000);
        double b = profile.meanWatts(before.plusNanos(1_000_000), 1000);
        assertEquals(a, b, 0.01);
        double fullHour = profile.meanWatts(ZonedDateTime.of(2026, 1, 14, 11, 0, 0, 0, BERLIN), 1000);
        assertEquals((116.2 + 118.3) / 2 * LoadProfile.seasonalFactor(14), fullHour, 1e-9);
        double quarterPast = profile.meanWatts(ZonedDateTime.of(2026, 1, 14, 10, 45, 0, 0, BERLIN), 1000);
        assertEquals((116.2 + (118.3 - 116.2) / 4) * LoadProfile.seasonalFactor(14), quarterPast, 1e-9);
        ZonedDateTime lateSaturday = ZonedDateTime.of(2026, 1, 17, 23, 59, 59, 999_000_000, BERLIN);
        assertEquals(profile.meanWatts(lateSaturday, 1000), profile.meanWatts(lateSaturday.plusNanos(1_000_000), 1000),
                0.01);
    }

    @Test
    void sundays_and_nationwide_holidays_are_sunday_type_days() {
        assertEquals(LocalDate.of(2026, 4, 5), GermanHolidays.easterSunday(2026));
        assertEquals(LocalDate.of(2025, 4, 20), GermanHolidays.easterSunday(2025));
        assertEquals(LocalDate.of(2024, 3, 31), GermanHolidays.easterSunday(2024));
        for (LocalDate holiday : new LocalDate[] {LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 3),
                LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 14),
                LocalDate.of(2026, 5, 25), LocalDate.of(2026, 10, 3), LocalDate.of(2026, 12, 25),
                LocalDate.of(2026, 12, 26), LocalDate.of(2026, 3, 8)}) {
            assertEquals(2, LoadProfile.dayType(holiday), holiday.toString());
        }
        assertEquals(1, LoadProfile.dayType(LocalDate.of(2026, 4, 4)));
        assertEquals(0, LoadProfile.dayType(LocalDate.of(2026, 4, 7)));
        assertEquals(0, LoadProfile.dayType(LocalDate.of(2025, 10, 31)), "Friday, Reformation Day is not nationwide");
    }

    @Test
    void seasons_follow_the_bdew_calendar() {
        assertEquals(0, LoadProfile.season(LocalDate.of(2026, 3, 20)));
        assertEquals(1, LoadProfile.season(LocalDate.of(2026, 3, 21)));
        assertEquals(1, LoadProfile.season(LocalDate.of(2026, 5, 14)));
        assertEquals(2, LoadProfile.season(LocalDate.of(2026, 5, 15)));
        assertEquals(2, LoadProfile.season(LocalDate.of(2026, 9, 14)));
        assertEquals(1, LoadProfile.season(LocalDate.of(2026, 10, 31)));
        assertEquals(0, LoadProfile.season(LocalDate.of(2026, 11, 1)));
        assertTrue(LoadProfile.seasonalFactor(1) > 1.2 && LoadProfile.seasonalFactor(182) < 0.85);
    }
}
