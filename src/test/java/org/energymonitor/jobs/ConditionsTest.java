package org.energymonitor.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConditionsTest {

    private static final long MIN = 60_000L;
    private static final long HOUR = 60 * MIN;

    @Test
    void a_two_day_outage_alerts_once_reminds_at_doubling_intervals_and_recovers_once() {
        Conditions c = new Conditions(HOUR, 8 * HOUR);
        List<String> events = new ArrayList<>();
        for (long t = 0; t <= 48 * HOUR; t += MIN) {
            long now = t;
            c.observe("mqtt", true, now, now, 0).ifPresent(ch -> events.add(ch.kind() + "@" + now / HOUR + "h"));
        }
        c.observe("mqtt", false, 49 * HOUR, 49 * HOUR, 0).ifPresent(ch -> {
            events.add(ch.kind() + "@" + ch.durationMs() / HOUR + "h");
        });
        assertEquals(List.of("STARTED@0h", "REMINDER@1h", "REMINDER@3h", "REMINDER@7h", "REMINDER@15h",
                "REMINDER@23h", "REMINDER@31h", "REMINDER@39h", "REMINDER@47h", "RECOVERED@49h"), events);
    }

    @Test
    void a_state_shorter_than_its_grace_time_is_never_announced() {
        Conditions c = new Conditions(HOUR, 8 * HOUR);
        assertTrue(c.observe("mqtt", true, 0, 0, MIN).isEmpty());
        assertTrue(c.observe("mqtt", true, 30_000, 30_000, MIN).isEmpty());
        assertTrue(c.observe("mqtt", false, 50_000, 50_000, MIN).isEmpty(), "no recovery for an unannounced state");
        assertTrue(c.observe("mqtt", true, 100_000, 100_000, MIN).isEmpty());
        assertEquals(Conditions.Kind.STARTED, c.observe("mqtt", true, 160_000, 160_000, MIN).orElseThrow().kind());
    }

    @Test
    void a_stale_meter_counts_its_outage_from_its_last_reading() {
        Conditions c = new Conditions(HOUR, 8 * HOUR);
        Conditions.Change start = c.observe("stale:a", true, 20 * MIN, 2 * MIN, 0).orElseThrow();
        assertEquals(18 * MIN, start.durationMs());
        assertEquals("⚡ Energy Monitor: meter a sends readings again after 1 h 58 min",
                AlertTexts.stale(c.observe("stale:a", false, 2 * HOUR, 2 * HOUR, 0).orElseThrow(), "a", 15 * MIN));
    }
}
