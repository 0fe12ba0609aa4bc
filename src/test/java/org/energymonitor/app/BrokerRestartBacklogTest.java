package org.energymonitor.app;

import static org.energymonitor.app.RunningService.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An external Mosquitto restarts while a thousand messages wait in the service's persistent session: the service
 * reconnects, takes the backlog and keeps ingesting. (Before, it resubscribed on paho's callback thread while the
 * broker pushed the backlog; paho's inbound queue filled, the SUBACK was never read, and ingestion stalled.) The
 * backlog is made deterministic with two listeners: the broker first comes back with only the publisher's.
 */
class BrokerRestartBacklogTest {

    private static final int BACKLOG = 1_000;

    private static String reading(Instant at, double kwh) {
        return "{\"Time\":\"" + at + "\",\"MT681\":{\"Total_in\":" + kwh + ",\"Power_cur\":230}}";
    }

    @Test
    void ingestion_resumes_after_a_broker_restart_with_a_thousand_messages_queued(@TempDir Path dir) throws Exception {
        int servicePort = RunningService.freePort();
        int publisherPort = RunningService.freePort();
        try (OwnMosquitto broker = new OwnMosquitto(dir).start(servicePort, publisherPort);
             RunningService service = new RunningService(dir.resolve("service"), Map.of(
                     "energy.mqtt.url", "tcp://127.0.0.1:" + servicePort,
                     "energy.mqtt.client-id", "backlog-" + System.nanoTime(),
                     "energy.mqtt.max-reconnect-delay-ms", "2000")).start()) {
            Instant base = Instant.now().minusSeconds(3_600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            publish(publisherPort, "tele/backlog/SENSOR", 0, 1, base);
            await(Duration.ofSeconds(30), "the first reading",
                    () -> service.count("SELECT count(*) FROM readings WHERE meter = 'backlog'") == 1);

            broker.stop();
            broker.start(publisherPort); // the service cannot reach it yet: its session queues the backlog
            publish(publisherPort, "tele/backlog/SENSOR", 1, BACKLOG, base);
            broker.stop();
            broker.start(servicePort, publisherPort);

            await(Duration.ofSeconds(45), "the backlog of " + BACKLOG + " readings", () -> service.count(
                    "SELECT count(*) FROM readings WHERE meter = 'backlog'") == BACKLOG + 1);
            publish(publisherPort, "tele/after/SENSOR", 0, 1, Instant.now().minusSeconds(5));
            await(Duration.ofSeconds(30), "a reading published after the backlog",
                    () -> service.count("SELECT count(*) FROM readings WHERE meter = 'after'") == 1);
            await(Duration.ofSeconds(60), "/status ok with MQTT connected", () -> {
                String status = service.api().get("/status").body();
                return status.contains("\"status\":\"ok\"") && status.contains("\"connected\":true");
            });
        }
    }

    /** Publishes readings {@code from} to {@code from + n - 1} at QoS 1, one second apart, each acknowledged. */
    private static void publish(int port, String topic, int from, int n, Instant base) throws Exception {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, "publisher-" + System.nanoTime(),
                new MemoryPersistence());
        client.connect();
        for (int i = from; i < from + n; i++) {
            MqttMessage m = new MqttMessage(reading(base.plusSeconds(i), 1000 + i * 0.001)
                    .getBytes(StandardCharsets.UTF_8));
            m.setQos(1);
            PahoPublish.withRetry(client, topic, m);
        }
        client.disconnect();
        client.close();
    }
}
