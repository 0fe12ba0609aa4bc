package org.energymonitor.app;

import static org.energymonitor.app.RunningService.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example operator routes of docs/examples/routes, copied unchanged into the operator's folder of a running
 * service, with their placeholders set to run in seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorExamplesTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path EXAMPLES = Path.of("docs/examples/routes");
    @TempDir
    static Path dir;
    private FakeTelegram fake;
    private RunningService service;

    /** One service with both examples: their placeholders set to run in seconds. */
    @BeforeAll
    void start() throws Exception {
        Path data = dir.resolve("data");
        copyExample(data, "own-alert-rule.yaml");
        copyExample(data, "own-job.yaml");
        fake = new FakeTelegram();
        service = new RunningService(data, JobsAndAlertsTest.telegram(fake,
                "energy.example.power-alert.duration", "3s", "energy.example.reminder.cron", "0/2 * * * * ?")).start();
    }

    @AfterAll
    void stop() throws Exception {
        service.close();
        fake.close();
    }

    private static void copyExample(Path dataDir, String name) throws Exception {
        Path folder = Files.createDirectories(dataDir.resolveSibling("routes.d"));
        Files.copy(EXAMPLES.resolve(name), folder.resolve(name));
    }

    private static String reading(Instant time, double powerW) {
        return "{\"Time\":\"" + time + "\",\"MT681\":{\"Total_in\":1000.0,\"Power\":" + powerW + "}}";
    }

    /** Publishes one reading and waits until it is stored: the events then come in the readings' order. */
    private static void store(RunningService service, String meter, Instant time, double powerW) throws Exception {
        service.publish("tele/" + meter + "/SENSOR", reading(time, powerW));
        await(WAIT, "the reading of " + meter + " at " + time, () -> service.count(
                "SELECT count(*) FROM readings WHERE meter = ? AND ts = ?", meter, time.toEpochMilli()) == 1);
    }

    private static List<String> powerMessages(FakeTelegram fake) {
        return fake.messages().stream().map(FakeTelegram.Request::body).filter(b -> b.contains("power")).toList();
    }

    @Test
    void the_power_alert_rule_sends_one_alert_for_a_stretch_above_the_threshold_and_one_when_it_is_over()
            throws Exception {
        Instant t0 = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        store(service, "hall", t0, 6000);                  // the stretch starts
        store(service, "hall", t0.plusSeconds(2), 6100);   // above, not for 3 s yet
        store(service, "hall", t0.plusSeconds(3), 6200);   // 3 s above: the alert
        store(service, "hall", t0.plusSeconds(4), 5000);   // at the threshold: over, one recovery
        store(service, "hall", t0.plusSeconds(5), 7000);   // a new stretch ...
        store(service, "hall", t0.plusSeconds(6), 300);    // ... too short to alert
        // another meter's alert comes after every reading of hall in the event's order
        store(service, "garage", t0.plusSeconds(7), 9000);
        store(service, "garage", t0.plusSeconds(20), 9000);
        await(WAIT, "the garage alert", () -> powerMessages(fake).stream().anyMatch(b -> b.contains("garage")));

        List<String> hall = powerMessages(fake).stream().filter(b -> b.contains("hall")).toList();
        assertEquals(2, hall.size(), "one alert and one recovery: " + hall);
        assertTrue(hall.get(0).contains("Meter hall: power above 5000 W for 3s (now 6200 W"), hall.get(0));
        assertTrue(hall.get(1).contains("Meter hall: power back at 5000 W, at or below 5000 W"), hall.get(1));
    }

    @Test
    void the_own_job_runs_on_its_schedule_and_sends_its_reminder() throws Exception {
        await(WAIT, "a run by the schedule", () -> Jobs.runs(service, "meter-reading-reminder") >= 1);
        JsonNode job = Jobs.status(service, "meter-reading-reminder");
        assertTrue(job.get("ok").asBoolean(), job.toString());
        assertEquals("reminder sent", job.get("last_result").asText());
        assertEquals("Europe/Berlin", job.get("zone").asText());
        await(WAIT, "the reminder in Telegram", () -> fake.messages().stream()
                .anyMatch(m -> m.body().contains("Time to read the water and gas meters")));
    }
}
