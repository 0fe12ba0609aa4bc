package org.energymonitor.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.util.List;

import org.energymonitor.events.EventPayloads;
import org.energymonitor.events.EventPayloads.JobFinished;
import org.energymonitor.store.MeterState;
import org.junit.jupiter.api.Test;

/** The meter-state events of the watchdog, and the job-finished records of the job log, on plain values. */
class WatchdogStatesTest {

    private static final long MIN = 60_000L;
    private static final long HOUR = 60 * MIN;

    private static List<MeterState> hall(long lastReading) {
        return List.of(new MeterState("hall", 0, lastReading, lastReading, null, null, null));
    }

    @Test
    void a_stale_meter_is_one_stale_event_since_its_last_reading_and_one_recovered_event_when_it_sends_again() {
        Watchdog w = new Watchdog(null, () -> true, "tcp://127.0.0.1:1883", Clock.systemUTC(),
                new Watchdog.Limits(15 * MIN, MIN), new Conditions(HOUR, 8 * HOUR));
        long last = 1_000_000L;
        assertEquals(List.of(), w.evaluate(last + 10 * MIN, hall(last), true).meterStates(), "not stale yet");
        JobResult stale = w.evaluate(last + 16 * MIN, hall(last), true);
        assertEquals(List.of(new EventPayloads.MeterState("hall", "stale", last)), stale.meterStates());
        assertEquals(1, stale.alerts().size());
        JobResult reminder = w.evaluate(last + 16 * MIN + HOUR, hall(last), true);
        assertEquals(1, reminder.alerts().size(), "the reminder is an alert ...");
        assertEquals(List.of(), reminder.meterStates(), "... but no event");
        long now = last + 3 * HOUR;
        JobResult back = w.evaluate(now, hall(now - 1000), true);
        assertEquals(List.of(new EventPayloads.MeterState("hall", "recovered", now)), back.meterStates());
    }

    @Test
    void the_job_log_returns_each_run_as_job_finished_and_alerts_the_first_failure_in_a_row_only() {
        JobLog log = new JobLog(Clock.systemUTC(), List::of, job -> null);
        log.started("backup");
        JobFinished ok = log.finished("backup", JobResult.of("1 KiB"));
        assertEquals("backup", ok.name());
        assertEquals(true, ok.ok());
        assertEquals("1 KiB", ok.result());

        log.started("backup");
        JobFinished first = log.failed("backup", new IllegalStateException("disk full"));
        assertEquals(false, first.ok());
        assertEquals("failed: java.lang.IllegalStateException: disk full", first.result());
        assertEquals(AlertTexts.jobFailed("backup", "java.lang.IllegalStateException: disk full"), log.failureAlert(first));
        JobFinished second = log.failed("backup", new IllegalStateException("disk full"));
        assertNull(log.failureAlert(second), "a job that keeps failing alerts once");
        log.finished("backup", JobResult.of("1 KiB"));
        assertEquals(AlertTexts.jobFailed("backup", "java.lang.IllegalStateException: again"),
                log.failureAlert(log.failed("backup", new IllegalStateException("again"))), "a new failure after a success");
    }
}
