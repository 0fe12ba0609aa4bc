package org.energymonitor.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.energymonitor.mqtt.ArrivedMessages;
import org.energymonitor.mqtt.BrokerSettings;
import org.energymonitor.mqtt.EmbeddedBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's own MQTT 5 publisher against a real broker on loopback, read back by a paho subscriber. */
class MqttWireTest {

    @Test
    void every_pipelined_qos1_publish_is_acknowledged_and_delivered_in_order(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmbeddedBroker broker = new EmbeddedBroker(new BrokerSettings("127.0.0.1", port, dir, 100_000, "", ""));
        broker.start();
        String url = "tcp://127.0.0.1:" + port;
        List<String> received = new CopyOnWriteArrayList<>();
        MqttClient subscriber = new MqttClient(url, "wire-test-subscriber", new MemoryPersistence());
        try {
            subscriber.connect(new MqttConnectionOptions());
            subscriber.subscribe("tele/+/SENSOR", 1);
            subscriber.setCallback(new ArrivedMessages((topic, m) ->
                    received.add(topic + " " + new String(m.getPayload(), StandardCharsets.UTF_8))));
            AtomicLong acked = new AtomicLong();
            AtomicLong unrouted = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            int n = 3_000; // more than the broker's receive maximum (1,000), so the window fills and refills
            try (MqttWire wire = new MqttWire(url, "wire-test-publisher", acked, unrouted, failed)) {
                byte[] topic = "tele/wire/SENSOR".getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < n; i++) {
                    wire.publish(topic, ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
                }
                byte[] nobody = "nobody/listens".getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 5; i++) {
                    wire.publish(nobody, "{}".getBytes(StandardCharsets.UTF_8));
                }
            }
            assertEquals(n, acked.get(), "PUBACKs counted");
            assertEquals(5, unrouted.get(), "PUBACKs with 'no matching subscribers' counted apart: the broker dropped them");
            assertEquals(0, failed.get());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (received.size() < n && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(n, received.size(), "messages delivered");
            assertEquals("tele/wire/SENSOR {\"n\":0}", received.get(0));
            assertEquals("tele/wire/SENSOR {\"n\":" + (n - 1) + "}", received.get(n - 1));
        } finally {
            subscriber.disconnect();
            subscriber.close();
            broker.stop();
        }
    }
}
