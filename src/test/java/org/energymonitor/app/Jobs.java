package org.energymonitor.app;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.JobKey;

/** Test helpers for the scheduled jobs: fire a job's Quartz trigger now and wait for its run to be recorded. */
final class Jobs {

    private Jobs() {
    }

    /** The job's entry in {@code /status}. */
    static JsonNode status(RunningService service, String job) throws Exception {
        for (JsonNode j : service.api().get("/status").json().get("jobs")) {
            if (j.get("name").asText().equals(job)) {
                return j;
            }
        }
        throw new AssertionError("no job " + job + " in /status");
    }

    static long runs(RunningService service, String job) throws Exception {
        return status(service, job).get("runs").asLong();
    }

    /**
     * Fires a switched-off job's Quartz trigger and waits until Quartz has executed it (a job listener sees it), so
     * that a test can then check that the job's route did not run.
     */
    static void fireWhileOff(RunningService service, String job) throws Exception {
        org.quartz.Scheduler scheduler = service.context().getComponent("quartz", QuartzComponent.class).getScheduler();
        JobKey key = JobKey.jobKey(job, JobsConfiguration.QUARTZ_GROUP);
        java.util.concurrent.CountDownLatch executed = new java.util.concurrent.CountDownLatch(1);
        String name = "executed-" + job + "-" + System.nanoTime();
        scheduler.getListenerManager().addJobListener(new org.quartz.listeners.JobListenerSupport() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public void jobWasExecuted(org.quartz.JobExecutionContext context, org.quartz.JobExecutionException e) {
                executed.countDown();
            }
        }, org.quartz.impl.matchers.KeyMatcher.keyEquals(key));
        try {
            scheduler.triggerJob(key);
            if (!executed.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new AssertionError("Quartz did not execute " + job + " within a minute");
            }
        } finally {
            scheduler.getListenerManager().removeJobListener(name);
        }
    }

    /** Fires the job through Quartz (as the clock would) and waits until its run is in the job log. */
    static JsonNode fire(RunningService service, String job) throws Exception {
        long before = runs(service, job);
        service.context().getComponent("quartz", QuartzComponent.class).getScheduler()
                .triggerJob(JobKey.jobKey(job, JobsConfiguration.QUARTZ_GROUP));
        RunningService.await(Duration.ofSeconds(60), job + " to run", () -> runs(service, job) > before);
        return status(service, job);
    }
}
