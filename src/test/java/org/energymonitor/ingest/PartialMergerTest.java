package org.energymonitor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class PartialMergerTest {

    private static final long T = 1_767_268_800_000L; // a whole second

    private final java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(T);
    private final PartialMerger merger = new PartialMerger(2_000, now::get);

    private static Reading power(String meter, long ts, double w) {
        return Reading.of(meter, ts, w, null, null);
    }

    private static Reading counter(String meter, long ts, double kwh) {
        return Reading.of(meter, ts, null, kwh, null);
    }

    @Test
    void passes_a_complete_reading_straight_through() {
        Reading r = Reading.of("m", T, 100.0, 1.0, 2.0);
        List<Reading> out = merger.offer(r);
        assertEquals(1, out.size());
        assertSame(r, out.get(0));
        assertEquals(List.of(), merger.flushAll());
    }

    @Test
    void merges_partial_readings_of_the_same_second() {
        assertEquals(List.of(), merger.offer(power("m", T + 300, 100)));
        assertEquals(List.of(), merger.offer(counter("m", T + 100, 5)));
        assertEquals(List.of(), merger.offer(Reading.of("m", T + 900, 120.0, null, 7.0)));
        assertEquals(List.of(Reading.of("m", T + 100, 120.0, 5.0, 7.0)), merger.flushAll());
    }

    @Test
    void flushes_the_pending_reading_when_a_partial_of_another_second_arrives() {
        merger.offer(power("m", T + 100, 100));
        assertEquals(List.of(power("m", T + 100, 100)), merger.offer(counter("m", T + 1_100, 5)));
        assertEquals(List.of(counter("m", T + 1_100, 5)), merger.flushAll());
    }

    @Test
    void merges_a_complete_reading_with_a_pending_partial_of_the_same_second() {
        merger.offer(Reading.of("m", T + 100, null, null, 9.0));
        assertEquals(List.of(Reading.of("m", T + 100, 50.0, 5.0, 9.0)), merger.offer(Reading.of("m", T + 200, 50.0, 5.0, null)));
        assertEquals(List.of(), merger.flushAll());
    }

    @Test
    void returns_a_pending_partial_and_a_complete_reading_of_another_second_in_time_order() {
        merger.offer(power("m", T + 100, 100));
        Reading complete = Reading.of("m", T + 1_500, 50.0, 5.0, null);
        assertEquals(List.of(power("m", T + 100, 100), complete), merger.offer(complete));

        merger.offer(power("m", T + 5_100, 100));
        Reading late = Reading.of("m", T + 3_000, 50.0, 5.0, null);
        assertEquals(List.of(late, power("m", T + 5_100, 100)), merger.offer(late));
        assertEquals(List.of(), merger.flushAll());
    }

    @Test
    void the_window_runs_from_arrival_not_from_the_device_time() {
        now.set(T + 60_000);
        merger.offer(power("late", T, 1));
        assertEquals(List.of(), merger.flushExpired(T + 61_000), "a part sent a minute ago waits for its siblings");
        assertEquals(List.of(power("late", T, 1)), merger.flushExpired(T + 62_001));
    }

    @Test
    void keeps_meters_apart() {
        merger.offer(power("a", T + 100, 1));
        merger.offer(counter("b", T + 200, 2));
        Reading c = Reading.of("c", T + 300, 3.0, 3.0, null);
        assertEquals(List.of(c), merger.offer(c));
        assertEquals(List.of(power("a", T + 100, 1), counter("b", T + 200, 2)), merger.flushAll());
    }

    @Test
    void flushes_only_the_readings_older_than_the_window() {
        merger.offer(power("a", T, 1));
        now.set(T + 1_500);
        merger.offer(power("b", T + 1_500, 2));
        assertEquals(List.of(), merger.flushExpired(T + 2_000));
        assertEquals(List.of(power("a", T, 1)), merger.flushExpired(T + 2_001));
        assertEquals(List.of(power("b", T + 1_500, 2)), merger.flushExpired(T + 10_000));
        assertEquals(List.of(), merger.flushAll());
    }

    @Test
    void treats_a_reading_without_import_or_without_power_as_partial() {
        assertEquals(List.of(), merger.offer(Reading.of("m", T, null, 1.0, 2.0)));
        assertEquals(List.of(), merger.offer(Reading.of("n", T, 5.0, null, 2.0)));
        assertEquals(2, merger.flushAll().size());
    }
}
