package org.energymonitor.jobs;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each scheduled job did last: the routes of {@code jobs.camel.yaml} call {@link #started}, {@link #finished}
 * and (through the shared {@code job-errors} route configuration) {@link #failed}; {@code /status} reads
 * {@link #jobs()}. Kept in memory only: a restart starts with empty history.
 */
public final class JobLog {

    private static final Logger LOG = LoggerFactory.getLogger(JobLog.class);

    /** A configured job: its name (the Quartz trigger name), whether it is on, its cron expression and zone. */
    public record Spec(String name, boolean enabled, String cron, String zone) {
    }

    /** One job in {@code /status}; times in epoch ms, absent (null) before the first run or when not scheduled. */
    public record Job(String name, boolean enabled, String cron, String zone, Long lastRun, Long nextRun,
                      Long durationMs, String lastResult, Boolean ok, long runs, long failures) {
    }

    private record Run(long started, Long durationMs, String result, Boolean ok, long runs, long failures) {
    }

    private final Clock clock;
    private final List<Spec> specs;
    private final Function<String, Long> nextFire;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    /** {@code nextFire} gives a job's next fire time (epoch ms) from the scheduler, or null. */
    public JobLog(Clock clock, List<Spec> specs, Function<String, Long> nextFire) {
        this.clock = clock;
        this.specs = List.copyOf(specs);
        this.nextFire = nextFire;
    }

    public void started(String job) {
        runs.compute(job, (k, last) -> last == null ? new Run(clock.millis(), null, null, null, 0, 0)
                : new Run(clock.millis(), null, last.result(), last.ok(), last.runs(), last.failures()));
    }

    /** Records a successful run with its one-line result, logged at INFO. */
    public void finished(String job, String result) {
        Run r = runs.compute(job, (k, last) -> {
            long started = last == null ? clock.millis() : last.started();
            return new Run(started, clock.millis() - started, result, true, runs(last) + 1, failures(last));
        });
        LOG.info("Job {} finished in {} ms: {}", job, r.durationMs(), result);
    }

    /**
     * Records a failed run (logged at ERROR) and returns the alert text when the job failed for the first time
     * after a success (or ever), null when it was already failing: a job that fails every hour alerts once.
     */
    public String failed(String job, Throwable error) {
        String text = String.valueOf(error);
        Run before = runs.get(job);
        Run r = runs.compute(job, (k, last) -> {
            long started = last == null ? clock.millis() : last.started();
            return new Run(started, clock.millis() - started, "failed: " + text, false, runs(last) + 1,
                    failures(last) + 1);
        });
        LOG.error("Job {} failed after {} ms: {}", job, r.durationMs(), text);
        boolean wasFailing = before != null && Boolean.FALSE.equals(before.ok());
        return wasFailing ? null : AlertTexts.jobFailed(job, text);
    }

    public List<Job> jobs() {
        List<Job> out = new ArrayList<>();
        for (Spec s : specs) {
            Run r = runs.get(s.name());
            Long next = s.enabled() ? nextFire.apply(s.name()) : null;
            out.add(new Job(s.name(), s.enabled(), s.cron(), s.zone(), r == null ? null : r.started(), next,
                    r == null ? null : r.durationMs(), r == null ? null : r.result(), r == null ? null : r.ok(),
                    runs(r), failures(r)));
        }
        return out;
    }

    private static long runs(Run r) {
        return r == null ? 0 : r.runs();
    }

    private static long failures(Run r) {
        return r == null ? 0 : r.failures();
    }
}
