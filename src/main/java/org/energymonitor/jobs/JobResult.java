package org.energymonitor.jobs;

import java.util.List;

/** What a job run reports: a one-line summary for the log and {@code /status}, and the alerts to send. */
public record JobResult(String summary, List<String> alerts) {

    public JobResult {
        alerts = List.copyOf(alerts);
    }

    public static JobResult of(String summary) {
        return new JobResult(summary, List.of());
    }
}
