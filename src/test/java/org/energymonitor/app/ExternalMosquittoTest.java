package org.energymonitor.app;

import static org.energymonitor.app.RunningService.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service against Debian's Mosquitto as the external broker. In CI ({@code CI=true}) Mosquitto must be there:
 * the test fails rather than skips. {@code .ci/run} starts one and sets {@code ENERGY_TEST_MOSQUITTO_URL};
 * elsewhere the test starts its own when {@code /usr/sbin/mosquitto} is installed.
 */
class ExternalMosquittoTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static Process ownMosquitto;
    private static String url;

    @BeforeAll
    static void mosquitto(@TempDir Path dir) throws Exception {
        url = System.getenv("ENERGY_TEST_MOSQUITTO_URL");
        if (url == null || url.isBlank()) {
            Path bin = Path.of("/usr/sbin/mosquitto");
            if (!Files.isExecutable(bin)) {
                if ("true".equals(System.getenv("CI"))) {
                    fail("Mosquitto is not installed, but CI=true requires the external-broker tests to run");
                }
                Assumptions.abort("Mosquitto is not installed (apt-get install mosquitto)");
            }
            int port = RunningService.freePort();
            Path conf = dir.resolve("mosquitto.conf");
            Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\nuser root\n"
                    + "persistence true\npersistence_location " + dir + "/\nmax_queued_messages 100000\n");
            ownMosquitto = new ProcessBuilder(bin.toString(), "-c", conf.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
            url = "tcp://127.0.0.1:" + port;
        }
        URI uri = URI.create(url);
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
                break;
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    fail("Mosquitto does not answer at " + url);
                }
                Thread.sleep(100);
            }
        }
    }

    @AfterAll
    static void stopMosquitto() {
        if (ownMosquitto != null) {
            ownMosquitto.destroy();
        }
    }

    private static Map<String, String> config(String clientId) {
        Map<String, String> m = new HashMap<>();
        m.put("energy.mqtt.url", url);
        m.put("energy.mqtt.client-id", clientId);
        return m;
    }

    private static String reading(int second, double kwh) {
        return "{\"Time\":\"" + Instant.now().minusSeconds(900 - second) + "\",\"SML\":{\"Total_in\":" + kwh
                + ",\"Power_curr\":-120}}";
    }

    @Test
    void readings_arrive_through_mosquitto(@TempDir Path dir) throws Exception {
        try (RunningService service = new RunningService(dir, config("mosq-basic-" + System.nanoTime())).start()) {
            service.publish("tele/mosq_meter/SENSOR", reading(1, 5.5));
            await(WAIT, "the reading", () -> service.count("SELECT count(*) FROM readings WHERE meter = 'mosq_meter' AND power_w = -120") == 1);
        }
    }

    @Test
    void readings_published_while_the_service_is_down_arrive_when_it_returns(@TempDir Path dir) throws Exception {
        Map<String, String> config = config("mosq-outage-" + System.nanoTime());
        RunningService first = new RunningService(dir, config).start();
        first.publish("tele/outage/SENSOR", reading(0, 10.0));
        await(WAIT, "the first reading", () -> first.count("SELECT count(*) FROM readings WHERE meter = 'outage'") == 1);
        Map<String, String> same = first.overrides();
        first.stop();

        MqttClient client = new MqttClient(url, "outage-publisher-" + System.nanoTime(), new MemoryPersistence());
        client.connect();
        for (int i = 1; i <= 50; i++) {
            MqttMessage m = new MqttMessage(reading(i, 10.0 + i * 0.001).getBytes(StandardCharsets.UTF_8));
            m.setQos(1);
            PahoPublish.withRetry(client, "tele/outage/SENSOR", m);
        }
        client.disconnect();
        client.close();
        assertEquals(1, first.count("SELECT count(*) FROM readings WHERE meter = 'outage'"), "nothing arrives while down");
        try (RunningService second = new RunningService(dir, same).start()) {
            await(WAIT, "all 51 readings", () -> second.count("SELECT count(*) FROM readings WHERE meter = 'outage'") == 51);
        }
    }
}
