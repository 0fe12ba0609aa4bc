package org.energymonitor.jobs;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.energymonitor.events.EventPayloads.JobFinished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each scheduled job did last: the routes of the {@code job} template ({@code jobs.camel.yaml}) call
 * {@link #started} and {@link #finished}, the shared {@code job-errors} route configuration {@link #failed}; both
 * return the run as the {@code job-finished} event. {@code /status} reads {@link #jobs()}: the jobs that exist now
 * (the product's and the operator's), each with its last run. Kept in memory only: a restart starts with empty history.
 */
public final class JobLog {

    private static final Logger LOG = LoggerFactory.getLogger(JobLog.class);
    private static final String FAILED = "failed: ";

    /** A configured job: its name (the Quartz trigger name), whether it is on, its cron expression and zone. */
    public record Spec(String name, boolean enabled, String cron, String zone) {
    }

    /** One job in {@code /status}; times in epoch ms, absent (null) before the first run or when not scheduled. */
    public record Job(String name, boolean enabled, String cron, String zone, Long lastRun, Long nextRun,
                      Long durationMs, String lastResult, Boolean ok, long runs, long failures) {
    }

    /** {@code failing}: failed runs in a row, 0 after a success. */
    private record Run(long started, Long durationMs, String result, Boolean ok, long runs, long failures,
                       long failing) {
    }

    private final Clock clock;
    private final Supplier<List<Spec>> specs;
    private final Function<String, Long> nextFire;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    /** {@code specs} gives the jobs there are; {@code nextFire} a job's next fire time (epoch ms) or null. */
    public JobLog(Clock clock, Supplier<List<Spec>> specs, Function<String, Long> nextFire) {
        this.clock = clock;
        this.specs = specs;
        this.nextFire = nextFire;
    }

    public void started(String job) {
        runs.compute(job, (k, last) -> last == null ? new Run(clock.millis(), null, null, null, 0, 0, 0)
                : new Run(clock.millis(), null, last.result(), last.ok(), last.runs(), last.failures(), last.failing()));
    }

    /** Records a successful run with its one-line result, logged at INFO. */
    public JobFinished finished(String job, JobResult run) {
        String result = run.summary();
        Run r = runs.compute(job, (k, last) -> {
            long started = last == null ? clock.millis() : last.started();
            return new Run(started, clock.millis() - started, result, true, runs(last) + 1, failures(last), 0);
        });
        LOG.info("Job {} finished in {} ms: {}", job, r.durationMs(), result);
        return new JobFinished(job, true, r.durationMs(), result);
    }

    /** Records a failed run, logged at ERROR. */
    public JobFinished failed(String job, Throwable error) {
        String text = String.valueOf(error);
        Run r = runs.compute(job, (k, last) -> {
            long started = last == null ? clock.millis() : last.started();
            return new Run(started, clock.millis() - started, FAILED + text, false, runs(last) + 1,
                    failures(last) + 1, last == null ? 1 : last.failing() + 1);
        });
        LOG.error("Job {} failed after {} ms: {}", job, r.durationMs(), text);
        return new JobFinished(job, false, r.durationMs(), r.result());
    }

    /**
     * The alert of a failed run ({@link #failed}'s record) when it is the job's first failure after a success (or
     * ever), null while the job keeps failing: a job that fails every hour alerts once.
     */
    public String failureAlert(JobFinished run) {
        Run r = runs.get(run.name());
        if (run.ok() || r == null || r.failing() != 1) {
            return null;
        }
        String error = run.result().startsWith(FAILED) ? run.result().substring(FAILED.length()) : run.result();
        return AlertTexts.jobFailed(run.name(), error);
    }

    public List<Job> jobs() {
        List<Job> out = new ArrayList<>();
        for (Spec s : specs.get()) {
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
