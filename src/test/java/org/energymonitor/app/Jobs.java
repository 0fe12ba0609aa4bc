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

    /** Fires the job through Quartz (as the clock would) and waits until its run is in the job log. */
    static JsonNode fire(RunningService service, String job) throws Exception {
        long before = runs(service, job);
        service.context().getComponent("quartz", QuartzComponent.class).getScheduler()
                .triggerJob(JobKey.jobKey(job, JobsConfiguration.QUARTZ_GROUP));
        RunningService.await(Duration.ofSeconds(60), job + " to run", () -> runs(service, job) > before);
        return status(service, job);
    }
}
