package org.energymonitor.app;

import static org.energymonitor.app.RunningService.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduled jobs in the real service, with a local HTTP server as the Telegram API. Jobs are fired through
 * their Quartz triggers rather than waiting for the clock.
 */
class JobsAndAlertsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    static Map<String, String> telegram(FakeTelegram fake, String... more) {
        Map<String, String> m = new HashMap<>(Map.of("energy.telegram.token", "123:test-token",
                "energy.telegram.chat-id", "42", "energy.telegram.base-url", fake.baseUrl(),
                "energy.telegram.retry-ms", "500", "energy.telegram.timeout-ms", "5000"));
        for (int i = 0; i < more.length; i += 2) {
            m.put(more[i], more[i + 1]);
        }
        return m;
    }

    static String reading(double kwh) {
        return "{\"Time\":\"" + Instant.now().minusSeconds(5) + "\",\"MT681\":{\"Total_in\":" + kwh + ",\"Power\":300}}";
    }

    /** Waits for the one reading and for its meter: the meters row is written after the readings batch commits. */
    static void awaitMeter(RunningService service) throws Exception {
        await(WAIT, "the reading and its meter", () -> service.count("SELECT count(*) FROM readings") == 1
                && service.count("SELECT count(*) FROM meters WHERE meter = 'hall'") == 1);
    }

    @Test
    void a_health_check_below_the_threshold_sends_one_telegram_alert_and_reports_in_status(@TempDir Path dir)
            throws Exception {
        try (FakeTelegram fake = new FakeTelegram();
             RunningService service = new RunningService(dir, telegram(fake,
                     "energy.health.min-readings-per-hour", "100")).start()) {
            service.publish("tele/hall/SENSOR", reading(1000.0));
            awaitMeter(service);
            JsonNode job = Jobs.fire(service, "health-check");
            assertTrue(job.get("ok").asBoolean(), job.toString());
            assertTrue(job.get("last_result").asText().contains("hall 1 readings (alert below 100, configured)"),
                    job.toString());
            assertTrue(job.get("next_run").asLong() > System.currentTimeMillis(), job.toString());
            assertTrue(job.has("duration_ms") && job.has("last_run"), job.toString());
            await(WAIT, "the Telegram message", () -> fake.messages().size() == 1);
            FakeTelegram.Request sent = fake.messages().get(0);
            assertEquals("/bot123:test-token/sendMessage", sent.path());
            assertTrue(sent.body().contains("only 1 readings from meter hall in the last hour"), sent.body());
            assertTrue(sent.body().contains("42"), sent.body());

            Jobs.fire(service, "health-check");
            assertEquals(1, AlertsDelivered.before(service, fake).size(),
                    "a state that goes on is reminded after an hour, not every run");
        }
    }

    @Test
    void without_a_token_the_service_starts_and_alerts_are_only_logged(@TempDir Path dir) throws Exception {
        try (RunningService service = new RunningService(dir, Map.of("energy.health.min-readings-per-hour", "100")).start()) {
            assertEquals(ServiceStatus.Stopped, service.context().getRouteController().getRouteStatus("deliver-alerts"));
            service.publish("tele/hall/SENSOR", reading(1000.0));
            awaitMeter(service);
            assertTrue(Jobs.fire(service, "health-check").get("ok").asBoolean());
            JsonNode jobs = service.api().get("/status").json().get("jobs");
            assertEquals(ProductJobs.names().size(), jobs.size(), jobs.toString());
            Jobs.fireWhileOff(service, "daily-summary");
            JsonNode off = Jobs.status(service, "daily-summary");
            assertFalse(off.get("enabled").asBoolean());
            assertEquals(0, off.get("runs").asLong(), "a switched-off job does not run: " + off);
        }
    }

    @Test
    void a_job_that_throws_does_not_stop_its_next_run_any_other_job_or_the_ingestion(@TempDir Path dir)
            throws Exception {
        Path blocked = Files.createDirectories(dir.resolve("x")).resolve("not-a-folder");
        Files.writeString(blocked, "a file where the backup folder should be");
        try (FakeTelegram fake = new FakeTelegram();
             RunningService service = new RunningService(dir.resolve("data"), telegram(fake,
                     "energy.backup.dir", blocked.toString())).start()) {
            JsonNode failed = Jobs.fire(service, "backup");
            assertFalse(failed.get("ok").asBoolean(), failed.toString());
            assertTrue(failed.get("last_result").asText().startsWith("failed: "), failed.toString());
            await(WAIT, "the failure alert", () -> fake.messages().size() == 1);
            assertTrue(fake.messages().get(0).body().contains("job backup failed"), fake.messages().get(0).body());

            JsonNode again = Jobs.fire(service, "backup");
            assertEquals(2, again.get("failures").asLong(), "the next run happens and fails again");
            assertTrue(Jobs.fire(service, "health-check").get("ok").asBoolean(), "another job still runs");
            assertTrue(Jobs.fire(service, "watchdog").get("ok").asBoolean(), "another job still runs");
            service.publish("tele/hall/SENSOR", reading(1000.0));
            await(WAIT, "ingestion going on", () -> service.count("SELECT count(*) FROM readings") == 1);

            Files.delete(blocked);
            JsonNode fixed = Jobs.fire(service, "backup");
            assertTrue(fixed.get("ok").asBoolean(), fixed.toString());
            assertEquals(1, AlertsDelivered.before(service, fake).size(), "a job that keeps failing alerts once");
        }
    }

    @Test
    void a_hung_telegram_send_times_out_and_is_retried_without_blocking_the_jobs(@TempDir Path dir) throws Exception {
        try (FakeTelegram fake = new FakeTelegram();
             RunningService service = new RunningService(dir, telegram(fake,
                     "energy.health.min-readings-per-hour", "100", "energy.watchdog.stale-after-ms", "1000"))
                     .start()) {
            fake.hangNext(1);
            service.publish("tele/hall/SENSOR", reading(1000.0));
            awaitMeter(service);
            Jobs.fire(service, "health-check");
            await(WAIT, "the first send to hang", () -> fake.hanging() == 1);
            Jobs.fire(service, "watchdog");
            assertEquals(1, fake.hanging(), "both jobs ran while the first send still hung: they do not wait for Telegram");
            await(WAIT, "both alerts after the hung send timed out", () -> fake.messages().size() == 2);
            assertTrue(fake.messages().get(0).body().contains("only 1 readings"), fake.messages().get(0).body());
            assertTrue(fake.messages().get(1).body().contains("no reading from meter hall"), fake.messages().get(1).body());
        }
    }

    @Test
    void alerts_dropped_while_the_queue_is_full_show_in_status_and_in_the_metrics(@TempDir Path dir) throws Exception {
        try (FakeTelegram fake = new FakeTelegram();
             RunningService service = new RunningService(dir, telegram(fake,
                     "energy.telegram.queue-size", "1", "energy.telegram.timeout-ms", "2000")).start();
             ProducerTemplate producer = service.context().createProducerTemplate()) {
            fake.hangNext(1); // the first send hangs until it times out: the queue of one fills behind it
            for (String text : List.of("first alert", "second alert", "third alert")) {
                producer.sendBody("direct:send-alert", text);
            }
            JsonNode queued = service.api().get("/status").json().get("alerts");
            assertEquals(2, queued.get("dropped").asLong(), "the two oldest are dropped: " + queued);
            assertEquals(1, queued.get("waiting").asLong(), queued.toString());
            assertEquals(0, queued.get("sent").asLong(), queued.toString());

            await(WAIT, "the newest alert after the hung send timed out", () -> fake.messages().size() == 1);
            assertTrue(fake.messages().get(0).body().contains("third alert"), fake.messages().get(0).body());
            await(WAIT, "the sent alert in /status", () ->
                    service.api().get("/status").json().get("alerts").get("sent").asLong() == 1);
            JsonNode after = service.api().get("/status").json().get("alerts");
            assertEquals(2, after.get("dropped").asLong(), after.toString());
            assertEquals(0, after.get("waiting").asLong(), after.toString());
            String metrics = service.api().get("/observe/metrics").body();
            for (String expected : new String[] {"energy_alerts_total{outcome=\"dropped\"} 2.0",
                    "energy_alerts_total{outcome=\"sent\"} 1.0", "energy_alerts_waiting 0.0"}) {
                assertTrue(metrics.contains(expected), expected + " missing from the metrics");
            }
        }
    }

    @Test
    void the_git_history_and_the_daily_summary_run_in_the_service_when_switched_on(@TempDir Path dir) throws Exception {
        Path bare = dir.resolve("remote.git");
        org.eclipse.jgit.api.Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
        try (FakeTelegram fake = new FakeTelegram();
             RunningService service = new RunningService(dir.resolve("data"), telegram(fake,
                     "energy.jobs.git-history.enabled", "true", "energy.jobs.daily-summary.enabled", "true",
                     "energy.git.remote", bare.toUri().toString())).start()) {
            // the reading (5 s old) must be today's when the summary looks at yesterday
            DayBoundary.awaitCalendarDay(ZoneId.of("Europe/Berlin"), Duration.ofSeconds(10), Duration.ofMinutes(1));
            service.publish("tele/hall/SENSOR", reading(1000.0));
            awaitMeter(service);
            JsonNode git = Jobs.fire(service, "git-history");
            assertTrue(git.get("ok").asBoolean() && git.get("last_result").asText().contains("pushed to file:"),
                    git.toString());
            assertTrue(git.get("next_run").asLong() > System.currentTimeMillis(), git.toString());
            JsonNode summary = Jobs.fire(service, "daily-summary");
            assertTrue(summary.get("ok").asBoolean(), summary.toString());
            assertEquals(RunningService.NEVER, summary.get("cron").asText(), "the configured cron");
            assertEquals("Europe/Berlin", summary.get("zone").asText());
            await(WAIT, "the summary message", () -> fake.messages().size() == 1);
            assertTrue(fake.messages().get(0).body().contains("meter hall): no complete readings"),
                    fake.messages().get(0).body());
        }
    }
}
