package org.energymonitor.app;

import static org.energymonitor.app.RunningService.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.camel.ServiceStatus;
import org.energymonitor.mqtt.BrokerSettings;
import org.energymonitor.mqtt.EmbeddedBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service against a broker that is down at start-up, or restarts underneath it (a HiveMQ broker of the test's
 * own, on loopback, playing the external broker).
 */
class BrokerOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static String reading(String device, int second, double kwh) {
        return "{\"Time\":\"" + Instant.now().minusSeconds(600 - second) + "\",\"MT681\":{\"Total_in\":" + kwh
                + ",\"Power\":300}}";
    }

    @Test
    void the_service_starts_while_the_broker_is_down_and_subscribes_once_it_is_up(@TempDir Path dir) throws Exception {
        int port = RunningService.freePort();
        EmbeddedBroker broker = new EmbeddedBroker(new BrokerSettings("127.0.0.1", port, dir.resolve("broker"), 10_000, "", ""));
        try (RunningService service = new RunningService(dir.resolve("svc"),
                Map.of("energy.mqtt.url", "tcp://127.0.0.1:" + port)).start()) {
            assertTrue(service.context().getStatus() == ServiceStatus.Started, "the service runs without a broker");
            await(WAIT, "the health check to report MQTT down", () -> service.api().get("/observe/health").status() == 503);
            broker.start();
            await(WAIT, "the MQTT route to start", () ->
                    service.context().getRouteController().getRouteStatus("mqtt-subscription") == ServiceStatus.Started);
            service.publish("tele/late_broker/SENSOR", reading("late_broker", 1, 42.0));
            await(WAIT, "the reading", () -> service.count("SELECT count(*) FROM readings WHERE meter = 'late_broker'") == 1);
        } finally {
            broker.stop();
        }
    }

    @Test
    void a_broker_restart_loses_no_reading(@TempDir Path dir) throws Exception {
        int port = RunningService.freePort();
        BrokerSettings settings = new BrokerSettings("127.0.0.1", port, dir.resolve("broker"), 10_000, "", "");
        EmbeddedBroker broker = new EmbeddedBroker(settings);
        broker.start();
        try (RunningService service = new RunningService(dir.resolve("svc"), Map.of("energy.mqtt.url",
                "tcp://127.0.0.1:" + port, "energy.mqtt.max-reconnect-delay-ms", "4000")).start()) {
            await(WAIT, "the MQTT route to start", () ->
                    service.context().getRouteController().getRouteStatus("mqtt-subscription") == ServiceStatus.Started);
            for (int i = 0; i < 10; i++) {
                service.publish("tele/restart/SENSOR", reading("restart", i, 100 + i * 0.01));
            }
            await(WAIT, "ten readings", () -> service.count("SELECT count(*) FROM readings WHERE meter = 'restart'") == 10);
            broker.stop();
            broker = new EmbeddedBroker(settings);
            broker.start();
            for (int i = 10; i < 20; i++) {
                service.publish("tele/restart/SENSOR", reading("restart", i, 100 + i * 0.01));
            }
            await(WAIT, "twenty readings after the restart", () ->
                    service.count("SELECT count(*) FROM readings WHERE meter = 'restart'") == 20);
        } finally {
            broker.stop();
        }
    }
}
