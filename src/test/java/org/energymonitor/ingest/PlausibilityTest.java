package org.energymonitor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlausibilityTest {

    private static final long T = 1_767_268_800_000L;
    private static final long MIN = 60_000L;

    /** 30 kW: at most 0.5 kWh per minute (+ 0.01 kWh slack). */
    private final Plausibility check = new Plausibility(30_000, 3);

    private static Reading at(long ts, Double importKwh) {
        return Reading.of("m", ts, 200.0, importKwh, 10.0);
    }

    private static Reading serial(long ts, double importKwh, String serial) {
        return new Reading("m", ts, 200.0, importKwh, 10.0, null, null, null, serial);
    }

    private void assertAccepted(Plausibility.Verdict v, String newSeries) {
        assertNull(v.reason(), v.detail());
        assertNull(v.detail());
        assertEquals(newSeries, v.newSeries());
    }

    @Test
    void accepts_the_first_reading_of_an_unknown_meter() {
        assertAccepted(check.check(at(T, 12_345.0)), null);
    }

    @Test
    void accepts_a_counter_that_rises_plausibly() {
        check.seed("m", T, 100.0, 10.0, null);
        assertAccepted(check.check(at(T + MIN, 100.5)), null);
        assertAccepted(check.check(at(T + 2 * MIN, 100.5)), null);
        assertAccepted(check.check(at(T + 3 * MIN, 100.4996)), null); // within the rounding tolerance
    }

    @Test
    void rejects_a_counter_that_runs_backwards_like_a_zero_after_a_reboot() {
        check.seed("m", T, 12_345.6, 10.0, null);
        Plausibility.Verdict v = check.check(at(T + MIN, 0.0));
        assertEquals(Reason.COUNTER_BACKWARDS, v.reason());
        assertTrue(v.detail().contains("12345.6") && v.detail().contains("0.0"), v.detail());
        assertAccepted(check.check(at(T + 2 * MIN, 12_345.7)), null);
    }

    @Test
    void rejects_an_export_counter_that_runs_backwards() {
        check.seed("m", T, 100.0, 10.0, null);
        assertEquals(Reason.COUNTER_BACKWARDS, check.check(Reading.of("m", T + MIN, null, 100.0, 9.0)).reason());
    }

    @Test
    void rejects_a_counter_that_jumps_further_than_the_maximum_power_allows() {
        check.seed("m", T, 100.0, 10.0, null);
        Plausibility.Verdict v = check.check(at(T + MIN, 100.52));
        assertEquals(Reason.COUNTER_JUMP, v.reason());
        assertTrue(v.detail().contains("100.0") && v.detail().contains("100.52"), v.detail());
        assertAccepted(check.check(at(T + MIN, 100.509)), null);
    }

    @Test
    void starts_a_new_series_when_the_serial_changes() {
        check.check(serial(T, 50_000, "A"));
        assertAccepted(check.check(serial(T + MIN, 3.0, "B")), "serial");
        assertAccepted(check.check(serial(T + 2 * MIN, 3.1, "B")), null);
        assertAccepted(check.check(at(T + 3 * MIN, 3.2)), null); // a reading without serial stays in the series
    }

    @Test
    void resyncs_after_consistent_rejected_readings_of_a_replaced_meter() {
        check.seed("m", T, 50_000.0, 10.0, null);
        assertEquals(Reason.COUNTER_BACKWARDS, check.check(at(T + MIN, 3.0)).reason());
        assertEquals(Reason.COUNTER_BACKWARDS, check.check(at(T + 2 * MIN, 3.1)).reason());
        assertAccepted(check.check(at(T + 3 * MIN, 3.2)), "counter_reset");
        assertAccepted(check.check(at(T + 4 * MIN, 3.3)), null);
    }

    @Test
    void heals_a_first_reading_that_was_a_zero_glitch() {
        assertAccepted(check.check(at(T, 0.0)), null);
        assertEquals(Reason.COUNTER_JUMP, check.check(at(T + MIN, 12_345.0)).reason());
        assertEquals(Reason.COUNTER_JUMP, check.check(at(T + 2 * MIN, 12_345.1)).reason());
        assertAccepted(check.check(at(T + 3 * MIN, 12_345.2)), "counter_reset");
    }

    @Test
    void does_not_resync_on_rejected_readings_that_disagree_among_themselves() {
        check.seed("m", T, 50_000.0, 10.0, null);
        assertEquals(Reason.COUNTER_BACKWARDS, check.check(at(T + MIN, 3.0)).reason());
        assertEquals(Reason.COUNTER_BACKWARDS, check.check(at(T + 2 * MIN, 0.0)).reason());
        assertEquals(Reason.COUNTER_BACKWARDS, check.check(at(T + 3 * MIN, 900.0)).reason());
        assertEquals(Reason.COUNTER_BACKWARDS, check.check(at(T + 4 * MIN, 2.0)).reason());
        assertAccepted(check.check(at(T + 5 * MIN, 50_000.1)), null);
    }

    @Test
    void an_accepted_reading_ends_the_run_of_rejected_ones() {
        check.seed("m", T, 50_000.0, 10.0, null);
        check.check(at(T + MIN, 0.0));
        check.check(at(T + 2 * MIN, 0.0));
        assertAccepted(check.check(at(T + 3 * MIN, 50_000.1)), null);
        assertEquals(Reason.COUNTER_BACKWARDS, check.check(at(T + 4 * MIN, 0.0)).reason());
        assertEquals(Reason.COUNTER_BACKWARDS, check.check(at(T + 5 * MIN, 0.0)).reason());
        assertAccepted(check.check(at(T + 6 * MIN, 0.0)), "counter_reset");
    }

    @Test
    void accepts_a_redelivered_older_reading_without_changing_the_state() {
        check.seed("m", T, 100.0, 10.0, null);
        assertAccepted(check.check(at(T + 10 * MIN, 101.0)), null);
        assertAccepted(check.check(at(T + 5 * MIN, 100.5)), null);
        assertAccepted(check.check(at(T + 10 * MIN, 101.0)), null);
        assertEquals(Reason.COUNTER_JUMP, check.check(at(T + 10 * MIN, 101.5)).reason());
        assertEquals(Reason.COUNTER_JUMP, check.check(at(T + 11 * MIN, 101.52)).reason()); // still measured from 101.0
    }

    @Test
    void always_accepts_readings_without_counters() {
        check.seed("m", T, 100.0, 10.0, null);
        assertAccepted(check.check(Reading.of("m", T - MIN, -500.0, null, null)), null);
        assertAccepted(check.check(Reading.of("x", T, 500.0, null, null)), null);
    }

    @Test
    void compares_only_the_counters_a_reading_has() {
        check.seed("m", T, 100.0, null, null);
        assertAccepted(check.check(Reading.of("m", T + MIN, null, null, 5.0)), null);
        assertAccepted(check.check(Reading.of("m", T + 2 * MIN, null, 100.1, null)), null);
        assertEquals(Reason.COUNTER_BACKWARDS, check.check(Reading.of("m", T + 3 * MIN, null, 100.2, 4.0)).reason());
    }
}
