package org.energymonitor.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.energymonitor.ingest.Reading;
import org.junit.jupiter.api.Test;

class SimulatedMeterTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LoadProfile H0 = LoadProfile.h0();
    private static final long START = ZonedDateTime.of(2026, 1, 12, 0, 0, 0, 0, BERLIN).toInstant().toEpochMilli();
    private static final long DAY = 86_400_000L;

    private static List<Reading> run(SimulatedMeter meter, long from, long to, long period) {
        List<Reading> out = new ArrayList<>();
        for (long t = from; t < to; t += period) {
            out.add(meter.next("sim", t));
        }
        return out;
    }

    @Test
    void the_same_seed_gives_the_same_readings() {
        List<Reading> a = run(new SimulatedMeter(H0, BERLIN, 3500, 42, 10_000), START, START + DAY, 10_000);
        List<Reading> b = run(new SimulatedMeter(H0, BERLIN, 3500, 42, 10_000), START, START + DAY, 10_000);
        List<Reading> other = run(new SimulatedMeter(H0, BERLIN, 3500, 43, 10_000), START, START + DAY, 10_000);
        assertEquals(a, b);
        assertNotEquals(a, other);
    }

    @Test
    void counters_never_run_backwards_and_power_is_never_negative() {
        List<Reading> readings = run(new SimulatedMeter(H0, BERLIN, 1500, 1, 0), START, START + 7 * DAY, 10_000);
        for (int i = 1; i < readings.size(); i++) {
            assertTrue(readings.get(i).importKwh() >= readings.get(i - 1).importKwh(), "reading " + i);
        }
        for (Reading r : readings) {
            assertTrue(r.powerW() >= 0 && r.powerL1W() >= 0 && r.powerL2W() >= 0 && r.powerL3W() >= 0, r.toString());
            assertEquals(0.0, r.exportKwh());
            assertEquals(r.powerW(), r.powerL1W() + r.powerL2W() + r.powerL3W(), 1e-9);
        }
    }

    @Test
    void the_import_counter_advances_by_the_reported_power_times_the_elapsed_time() {
        SimulatedMeter meter = new SimulatedMeter(H0, BERLIN, 3500, 7, 12_345.6789);
        SplittableRandom gaps = new SplittableRandom(3);
        Reading previous = meter.next("sim", START);
        assertEquals(12_345.6789, previous.importKwh());
        double integrated = 0;
        for (int i = 0; i < 20_000; i++) {
            long ts = previous.ts() + 1_000 + gaps.nextLong(299_000);
            Reading r = meter.next("sim", ts);
            double kwh = r.powerW() * (ts - previous.ts()) / 3_600_000.0 / 1000.0;
            assertEquals(kwh, r.importKwh() - previous.importKwh(), 0.000_100_1, "interval " + i);
            integrated += kwh;
            previous = r;
        }
        assertEquals(integrated, previous.importKwh() - 12_345.6789, 0.000_100_1);
    }

    @Test
    void a_simulated_year_uses_about_the_yearly_consumption() {
        for (double yearly : new double[] {1500, 3500, 6000}) {
            long from = ZonedDateTime.of(2025, 3, 1, 0, 0, 0, 0, BERLIN).toInstant().toEpochMilli();
            long to = ZonedDateTime.of(2026, 3, 1, 0, 0, 0, 0, BERLIN).toInstant().toEpochMilli();
            List<Reading> year = run(new SimulatedMeter(H0, BERLIN, yearly, 11, 0), from, to, 60_000);
            double used = year.get(year.size() - 1).importKwh() - year.get(0).importKwh();
            assertEquals(yearly, used, yearly * 0.15, yearly + " kWh/a gave " + used);
        }
    }

    @Test
    void the_energy_hardly_depends_on_the_sampling_period() {
        double tenSeconds = energy(run(new SimulatedMeter(H0, BERLIN, 3500, 5, 0), START, START + 28 * DAY, 10_000));
        double fiveMinutes = energy(run(new SimulatedMeter(H0, BERLIN, 3500, 5, 0), START, START + 28 * DAY, 300_000));
        assertEquals(tenSeconds, fiveMinutes, tenSeconds * 0.1);
    }

    @Test
    void a_day_has_appliance_peaks_above_a_quiet_night() {
        List<Reading> week = run(new SimulatedMeter(H0, BERLIN, 3500, 9, 0), START, START + 7 * DAY, 10_000);
        double max = week.stream().mapToDouble(Reading::powerW).max().orElseThrow();
        double nightMin = week.stream().filter(r -> hour(r) >= 2 && hour(r) < 5)
                .mapToDouble(Reading::powerW).min().orElseThrow();
        assertTrue(max > 2000, "peak " + max);
        assertTrue(nightMin > 30 && nightMin < 250, "night minimum " + nightMin);
        long fridgeOnL3 = week.stream().filter(r -> hour(r) == 3).mapToDouble(Reading::powerL3W).distinct().count();
        assertTrue(fridgeOnL3 > 10);
    }

    @Test
    void a_timestamp_before_the_previous_one_is_rejected_and_a_repeated_one_repeats_the_reading() {
        SimulatedMeter meter = new SimulatedMeter(H0, BERLIN, 3500, 1, 100);
        meter.next("sim", START);
        Reading r = meter.next("sim", START + 10_000);
        assertEquals(r, meter.next("sim", START + 10_000));
        assertThrows(IllegalArgumentException.class, () -> meter.next("sim", START));
        assertThrows(IllegalArgumentException.class, () -> new SimulatedMeter(H0, BERLIN, 0, 1, 0));
    }

    private static double energy(List<Reading> readings) {
        return readings.get(readings.size() - 1).importKwh() - readings.get(0).importKwh();
    }

    private static int hour(Reading r) {
        return java.time.Instant.ofEpochMilli(r.ts()).atZone(BERLIN).getHour();
    }
}
