package org.energymonitor.app;

import static org.energymonitor.app.RunningService.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.ConsumerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's side of the jobs and alerts: routes in the operator's folder (energy.routes.dir) that consume the
 * job-finished and meter-state events, send their own alerts to event:alert, and add a job of their own with the
 * product's {@code job} template.
 */
class OperatorJobsAndEventsTest {

    /** An operator route that hands every job-finished event to the test (seda:seen-job-finished). */
    private static final String SEEN_JOB_FINISHED = """
            - route:
                id: seen-job-finished
                description: Every job run, for the test
                from:
                  uri: event:job-finished
                  steps:
                    - to:
                        uri: seda:seen-job-finished
            """;


    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Writes an operator route file into the folder RunningService gives as energy.routes.dir. */
    static void operatorFile(Path dataDir, String name, String yaml) throws Exception {
        Path folder = Files.createDirectories(dataDir.resolveSibling("routes.d"));
        Files.writeString(folder.resolve(name), yaml);
    }

    /** The next map on the seda queue that matches, failing after {@link #WAIT}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> next(RunningService service, String queue, Predicate<Map<String, Object>> wanted) {
        ConsumerTemplate consumer = service.context().createConsumerTemplate();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Object body = consumer.receiveBody(queue, 500);
            if (body instanceof Map<?, ?> m && wanted.test((Map<String, Object>) m)) {
                return (Map<String, Object>) m;
            }
        }
        throw new AssertionError("no matching event on " + queue + " within " + WAIT);
    }

    static String reading(Instant time, double kwh) {
        return "{\"Time\":\"" + time + "\",\"MT681\":{\"Total_in\":" + kwh + ",\"Power\":300}}";
    }

    @Test
    void an_operator_route_sees_every_job_run_and_the_stale_meter_states_of_the_watchdog(@TempDir Path dir)
            throws Exception {
        Path data = dir.resolve("data");
        operatorFile(data, "seen.yaml", SEEN_JOB_FINISHED + """
                - route:
                    id: seen-meter-state
                    description: Every meter state change, for the test
                    from:
                      uri: event:meter-state
                      steps:
                        - to:
                            uri: seda:seen-meter-state
                """);
        Path blocked = Files.createDirectories(dir.resolve("x")).resolve("not-a-folder");
        Files.writeString(blocked, "a file where the backup folder should be");
        try (RunningService service = new RunningService(data, Map.of("energy.backup.dir", blocked.toString(),
                "energy.watchdog.stale-after-ms", "30000")).start()) {
            long fired = System.currentTimeMillis();
            Jobs.fire(service, "health-check");
            Map<String, Object> ok = next(service, "seda:seen-job-finished", m -> "health-check".equals(m.get("name")));
            assertEquals(true, ok.get("ok"), ok.toString());
            long duration = ((Number) ok.get("duration_ms")).longValue();
            assertTrue(duration >= 0 && duration <= System.currentTimeMillis() - fired, "a duration in ms: " + ok);
            assertTrue(String.valueOf(ok.get("result")).contains("MB free"), ok.toString());

            Jobs.fire(service, "backup");
            Map<String, Object> failed = next(service, "seda:seen-job-finished", m -> "backup".equals(m.get("name")));
            assertEquals(false, failed.get("ok"), failed.toString());
            assertTrue(String.valueOf(failed.get("result")).startsWith("failed: "), failed.toString());

            Instant old = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            service.publish("tele/hall/SENSOR", reading(old, 1000.0));
            await(WAIT, "the old reading's meter", () -> service.count(
                    "SELECT count(*) FROM meters WHERE meter = 'hall' AND last_reading = ?", old.toEpochMilli()) == 1);
            Jobs.fire(service, "watchdog");
            Map<String, Object> stale = next(service, "seda:seen-meter-state", m -> "hall".equals(m.get("meter")));
            assertEquals(Map.of("meter", "hall", "state", "stale", "since", old.toEpochMilli()), stale);

            Instant fresh = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            service.publish("tele/hall/SENSOR", reading(fresh, 1000.5));
            await(WAIT, "the fresh reading's meter", () -> service.count(
                    "SELECT count(*) FROM meters WHERE meter = 'hall' AND last_reading = ?", fresh.toEpochMilli()) == 1);
            long before = System.currentTimeMillis();
            Jobs.fire(service, "watchdog");
            Map<String, Object> back = next(service, "seda:seen-meter-state", m -> "hall".equals(m.get("meter")));
            assertEquals("recovered", back.get("state"), back.toString());
            assertTrue(((Number) back.get("since")).longValue() >= before, "since is the time of the recovery: " + back);
        }
    }

    @Test
    void an_operator_route_sends_its_own_alert_text_through_event_alert_to_telegram(@TempDir Path dir)
            throws Exception {
        Path data = dir.resolve("data");
        operatorFile(data, "hello.yaml", """
                - route:
                    id: say-hello
                    description: One alert text after the start
                    from:
                      uri: timer:say-hello
                      parameters:
                        repeatCount: 1
                        delay: 500
                      steps:
                        - setBody:
                            expression:
                              constant:
                                expression: "hello from the operator's route"
                        - to:
                            uri: event:alert
                """);
        try (FakeTelegram fake = new FakeTelegram();
             RunningService service = new RunningService(data, JobsAndAlertsTest.telegram(fake)).start()) {
            await(WAIT, "the operator's alert in Telegram", () -> fake.messages().size() == 1);
            assertTrue(fake.messages().get(0).body().contains("hello from the operator's route"),
                    fake.messages().get(0).body());
        }
    }

    @Test
    void an_operator_job_from_the_job_template_runs_on_its_own_schedule_and_is_recorded_like_a_product_job(
            @TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        operatorFile(data, "my-jobs.yaml", """
                - templatedRoute:
                    routeTemplateRef: job
                    routeId: count-meters
                    parameters:
                      - name: name
                        value: count-meters
                      - name: description
                        value: Counts the meters every two seconds
                      - name: cron
                        value: "0/2 * * * * ?"
                      - name: run
                        value: direct:count-meters
                - route:
                    id: count-meters-steps
                    description: The steps of the job count-meters
                    from:
                      uri: direct:count-meters
                      steps:
                        - setBody:
                            expression:
                              constant:
                                expression: "0 meters counted"
                - templatedRoute:
                    routeTemplateRef: job
                    routeId: always-fails
                    parameters:
                      - name: name
                        value: always-fails
                      - name: cron
                        value: "{{energy.jobs.always-fails.cron}}"
                      - name: run
                        value: direct:always-fails
                - route:
                    id: always-fails-steps
                    description: The steps of the job always-fails
                    from:
                      uri: direct:always-fails
                      steps:
                        - throwException:
                            exceptionType: java.lang.IllegalStateException
                            message: the operator's step failed
                """ + SEEN_JOB_FINISHED);
        try (FakeTelegram fake = new FakeTelegram();
             RunningService service = new RunningService(data, JobsAndAlertsTest.telegram(fake,
                     "energy.jobs.always-fails.cron", RunningService.NEVER,
                     "energy.jobs.count-meters.timezone", "Europe/Paris")).start()) {
            await(WAIT, "two runs by the schedule", () -> Jobs.runs(service, "count-meters") >= 2);
            JsonNode job = Jobs.status(service, "count-meters");
            assertTrue(job.get("enabled").asBoolean(), job.toString());
            assertTrue(job.get("ok").asBoolean(), job.toString());
            assertEquals("0/2 * * * * ?", job.get("cron").asText());
            assertEquals("Europe/Paris", job.get("zone").asText(), "energy.jobs.<name>.timezone of an operator's job");
            assertEquals("0 meters counted", job.get("last_result").asText());
            assertTrue(job.get("next_run").asLong() > System.currentTimeMillis() - 1000, job.toString());
            assertEquals("Counts the meters every two seconds",
                    service.context().getRoute("count-meters").getDescription(), "the templatedRoute's description");
            Map<String, Object> event = next(service, "seda:seen-job-finished", m -> "count-meters".equals(m.get("name")));
            assertEquals(true, event.get("ok"), event.toString());
            assertEquals("0 meters counted", event.get("result"));

            JsonNode jobs = service.api().get("/status").json().get("jobs");
            assertEquals(7, jobs.size(), "the five product jobs and the operator's two: " + jobs);
            assertEquals("Europe/Berlin", Jobs.status(service, "always-fails").get("zone").asText(),
                    "energy.timezone when nothing is set for the job");

            JsonNode failed = Jobs.fire(service, "always-fails");
            assertFalse(failed.get("ok").asBoolean(), failed.toString());
            assertTrue(failed.get("last_result").asText().contains("the operator's step failed"), failed.toString());
            Map<String, Object> failure = next(service, "seda:seen-job-finished", m -> "always-fails".equals(m.get("name")));
            assertEquals(false, failure.get("ok"), failure.toString());
            await(WAIT, "the failure alert", () -> fake.messages().stream()
                    .anyMatch(m -> m.body().contains("job always-fails failed")));
            assertNotNull(service.context().getRoute("always-fails"));
        }
    }
}
