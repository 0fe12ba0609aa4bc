package org.energymonitor.jobs;

import java.util.List;

import org.energymonitor.events.EventPayloads.MeterState;

/**
 * What a job run reports: a one-line summary for the log and {@code /status}, the alerts to send, and the meter
 * state changes it saw (sent to {@code event:meter-state} by the {@code job-done} route).
 */
public record JobResult(String summary, List<String> alerts, List<MeterState> meterStates) {

    public JobResult {
        alerts = List.copyOf(alerts);
        meterStates = List.copyOf(meterStates);
    }

    public JobResult(String summary, List<String> alerts) {
        this(summary, alerts, List.of());
    }

    public static JobResult of(String summary) {
        return new JobResult(summary, List.of());
    }

    /**
     * The result of any job's last step: a job bean's {@code JobResult} as it is; for an operator's own steps the
     * body as the one-line summary ("done" when empty), without alerts (their steps send those to event:alert).
     */
    public static JobResult from(Object body) {
        if (body instanceof JobResult r) {
            return r;
        }
        String text = body == null ? "" : String.valueOf(body).strip();
        return of(text.isEmpty() ? "done" : text.lines().findFirst().orElse("done"));
    }
}
