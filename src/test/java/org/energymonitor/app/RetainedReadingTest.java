package org.energymonitor.app;

import static org.energymonitor.app.RunningService.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.apache.camel.ServiceStatus;
import org.energymonitor.ingest.IngestCounters;
import org.energymonitor.mqtt.BrokerSettings;
import org.energymonitor.mqtt.EmbeddedBroker;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A retained reading is the broker's copy of a meter's last message, sent again to every new subscription. Without a
 * believable Tasmota {@code Time} it would be stored at its receive time, as a new row on every restart. The broker
 * is the test's own (playing an external broker), so it keeps the retained messages while the service restarts.
 */
class RetainedReadingTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final DateTimeFormatter TASMOTA = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    @TempDir
    Path dir;

    private static void publishRetained(String url, String topic, String payload) throws Exception {
        MqttClient client = new MqttClient(url, "retained-publisher-" + System.nanoTime(), new MemoryPersistence());
        client.connect();
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        message.setRetained(true);
        client.publish(topic, message);
        client.disconnect();
        client.close();
    }

    private static RunningService subscribed(RunningService service) throws Exception {
        await(WAIT, "the MQTT subscription", () ->
                service.context().getRouteController().getRouteStatus("mqtt-subscription") == ServiceStatus.Started);
        return service;
    }

    private static long received(RunningService service) {
        return service.context().getRegistry().lookupByNameAndType("ingestCounters", IngestCounters.class).get("received");
    }

    @Test
    void a_retained_reading_without_a_believable_time_is_quarantined_once_and_no_retained_reading_is_stored_again_after_a_restart()
            throws Exception {
        int port = RunningService.freePort();
        String url = "tcp://127.0.0.1:" + port;
        EmbeddedBroker broker = new EmbeddedBroker(new BrokerSettings("127.0.0.1", port, dir.resolve("broker"), 10_000, "", ""));
        broker.start();
        try {
            // retained before the service's first subscription: it arrives flagged as retained
            publishRetained(url, "tele/retained_no_time/SENSOR", "{\"MT681\":{\"Total_in\":500.5,\"Power\":100}}");
            String twoDaysAgo = ZonedDateTime.now(ZoneId.of("Europe/Berlin")).minusDays(2).format(TASMOTA);
            publishRetained(url, "tele/retained_old_time/SENSOR",
                    "{\"Time\":\"" + twoDaysAgo + "\",\"MT681\":{\"Total_in\":600.5,\"Power\":100}}");
            Map<String, String> config = Map.of("energy.mqtt.url", url, "energy.mqtt.topics", "tele/+/+");
            Map<String, String> restart;
            try (RunningService service = subscribed(new RunningService(dir.resolve("data"), config).start())) {
                restart = service.overrides();
                await(WAIT, "both retained readings in quarantine", () -> service.count(
                        "SELECT count(*) FROM quarantine WHERE reason = 'retained_without_time'") == 2);
                assertEquals(List.of("retained_no_time", "retained_old_time"), service.rows(
                        "SELECT meter FROM quarantine ORDER BY meter").stream().map(r -> r.get("meter")).toList());
                // published while subscribed: a live message (not flagged as retained), a new reading
                publishRetained(url, "tele/live_no_time/SENSOR", "{\"MT681\":{\"Total_in\":700.5,\"Power\":100}}");
                await(WAIT, "the live reading", () -> service.count("SELECT count(*) FROM readings") == 1);
            }
            try (RunningService service = subscribed(new RunningService(dir.resolve("data"), restart).start())) {
                String now = ZonedDateTime.now(ZoneId.of("Europe/Berlin")).format(TASMOTA);
                service.publish("tele/marker/SENSOR", "{\"Time\":\"" + now + "\",\"MT681\":{\"Total_in\":1.5,\"Power\":1}}");
                await(WAIT, "the marker reading", () -> service.count("SELECT count(*) FROM readings WHERE meter = 'marker'") == 1);
                assertEquals(1, received(service), "after the restart the broker sent only the marker, no retained message");
                assertEquals(2, service.count("SELECT count(*) FROM readings"), "the live reading and the marker");
                assertEquals(2, service.count("SELECT count(*) FROM quarantine"), "nothing quarantined again");
            }
        } finally {
            broker.stop();
        }
    }
}
