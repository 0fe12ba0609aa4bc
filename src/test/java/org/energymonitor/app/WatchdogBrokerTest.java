package org.energymonitor.app;

import static org.energymonitor.app.RunningService.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.ServiceStatus;
import org.energymonitor.mqtt.BrokerSettings;
import org.energymonitor.mqtt.EmbeddedBroker;
import org.energymonitor.mqtt.MqttConnections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watchdog against a broker of the test's own that stops and starts again underneath the service. */
class WatchdogBrokerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void a_broker_outage_sends_one_alert_and_one_recovery_and_no_spam(@TempDir Path dir) throws Exception {
        int port = RunningService.freePort();
        BrokerSettings settings = new BrokerSettings("127.0.0.1", port, dir.resolve("broker"), 10_000, "", "");
        EmbeddedBroker broker = new EmbeddedBroker(settings);
        broker.start();
        try (FakeTelegram fake = new FakeTelegram();
             RunningService service = new RunningService(dir.resolve("svc"), JobsAndAlertsTest.telegram(fake,
                     "energy.mqtt.url", "tcp://127.0.0.1:" + port, "energy.mqtt.max-reconnect-delay-ms", "2000",
                     "energy.watchdog.grace-ms", "0")).start()) {
            MqttConnections mqtt = new MqttConnections(service.context());
            await(WAIT, "the MQTT route", () -> service.context().getRouteController()
                    .getRouteStatus("mqtt-subscription") == ServiceStatus.Started && mqtt.getAsBoolean());
            service.publish("tele/hall/SENSOR", JobsAndAlertsTest.reading(1000.0));
            await(WAIT, "the reading", () -> service.count("SELECT count(*) FROM readings") == 1);
            Jobs.fire(service, "watchdog");

            broker.stop();
            await(WAIT, "the service to notice", () -> !mqtt.getAsBoolean());
            Jobs.fire(service, "watchdog");
            await(WAIT, "the outage alert", () -> fake.messages().size() == 1);
            assertTrue(fake.messages().get(0).body().contains("MQTT connection to tcp://127.0.0.1:" + port + " is down"),
                    fake.messages().get(0).body());
            for (int i = 0; i < 3; i++) {
                Jobs.fire(service, "watchdog");
            }
            assertEquals("degraded", service.api().get("/status").json().get("status").asText());

            broker = new EmbeddedBroker(settings);
            broker.start();
            await(WAIT, "the reconnect", mqtt::getAsBoolean);
            Jobs.fire(service, "watchdog");
            await(WAIT, "the recovery", () -> fake.messages().size() == 2);
            assertTrue(fake.messages().get(1).body().contains("is back after"), fake.messages().get(1).body());
            Jobs.fire(service, "watchdog");
            assertEquals(2, AlertsDelivered.before(service, fake).size(), "one alert and one recovery, nothing else");
        } finally {
            broker.stop();
        }
    }
}
