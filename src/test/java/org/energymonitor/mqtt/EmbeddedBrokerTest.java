package org.energymonitor.mqtt;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttReturnCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerTest {

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static MqttConnectionOptions login(String user, String password) {
        MqttConnectionOptions o = new MqttConnectionOptions();
        if (user != null) {
            o.setUserName(user);
            o.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        return o;
    }

    @Test
    void refuses_to_listen_beyond_loopback_without_a_password(@TempDir Path dir) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () ->
                new EmbeddedBroker(new BrokerSettings("0.0.0.0", 1883, dir, 1000, "", "")));
        assertTrue(e.getMessage().contains("energy.mqtt.password"), e.getMessage());
    }

    @Test
    void with_credentials_only_clients_that_log_in_may_connect(@TempDir Path dir) throws Exception {
        int port = freePort();
        EmbeddedBroker broker = new EmbeddedBroker(new BrokerSettings("127.0.0.1", port, dir, 1000, "meter", "s3cret-pass"));
        broker.start();
        try {
            String url = "tcp://127.0.0.1:" + port;
            MqttClient anonymous = new MqttClient(url, "anon", new MemoryPersistence());
            MqttException refused = assertThrows(MqttException.class, () -> anonymous.connect(login(null, null)));
            assertEquals(MqttReturnCode.RETURN_CODE_BAD_USERNAME_OR_PASSWORD, refused.getReasonCode(), refused.toString());
            MqttClient wrong = new MqttClient(url, "wrong", new MemoryPersistence());
            assertThrows(MqttException.class, () -> wrong.connect(login("meter", "guess")));
            MqttClient right = new MqttClient(url, "right", new MemoryPersistence());
            assertDoesNotThrow(() -> right.connect(login("meter", "s3cret-pass")));
            right.disconnect();
            right.close();
            anonymous.close();
            wrong.close();
        } finally {
            broker.stop();
        }
    }

    private record Session(MqttClient client, boolean present) {
    }

    /** The service's side: a persistent session on tele/#, whose messages land in {@code received}. */
    private static Session subscriber(String url, List<String> received) throws Exception {
        MqttClient c = new MqttClient(url, "service", new MemoryPersistence());
        c.setCallback(new ArrivedMessages((topic, m) -> received.add(new String(m.getPayload(), StandardCharsets.UTF_8))));
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(false);
        o.setSessionExpiryInterval(3600L);
        boolean present = c.connectWithResult(o).getSessionPresent();
        if (!present) {
            c.subscribe("tele/#", 1);
        }
        return new Session(c, present);
    }

    /**
     * Subscribes with a persistent session, goes offline, lets a meter publish three readings, restarts the broker
     * on the same folder and comes back; returns whether the session was still there and what arrived.
     */
    private static Map.Entry<Boolean, List<String>> queuedAcrossARestart(Path dir, boolean inMemory) throws Exception {
        int port = freePort();
        String url = "tcp://127.0.0.1:" + port;
        BrokerSettings settings = new BrokerSettings("127.0.0.1", port, dir, 1000, "", "", inMemory);
        List<String> received = new CopyOnWriteArrayList<>();
        EmbeddedBroker broker = new EmbeddedBroker(settings);
        broker.start();
        try {
            Session first = subscriber(url, received);
            first.client().disconnect();
            first.client().close();
            MqttClient meter = new MqttClient(url, "meter", new MemoryPersistence());
            meter.connect();
            for (int i = 1; i <= 3; i++) {
                meter.publish("tele/meter/SENSOR", ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), 1, false);
            }
            meter.disconnect();
            meter.close();
        } finally {
            broker.stop();
        }
        broker = new EmbeddedBroker(settings);
        broker.start();
        try {
            Session again = subscriber(url, received);
            long deadline = System.currentTimeMillis() + 10_000;
            while (again.present() && received.size() < 3 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            again.client().disconnect();
            again.client().close();
            return Map.entry(again.present(), List.copyOf(received));
        } finally {
            broker.stop();
        }
    }

    @Test
    void file_persistence_delivers_what_was_queued_for_an_offline_session_after_a_broker_restart(@TempDir Path dir)
            throws Exception {
        Map.Entry<Boolean, List<String>> after = queuedAcrossARestart(dir, false);
        assertTrue(after.getKey(), "the session survives the restart");
        assertEquals(List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}"), after.getValue());
    }

    @Test
    void in_memory_persistence_starts_every_broker_run_without_sessions_or_queued_messages(@TempDir Path dir)
            throws Exception {
        Map.Entry<Boolean, List<String>> after = queuedAcrossARestart(dir, true);
        assertFalse(after.getKey(), "no session after the restart");
        assertEquals(List.of(), after.getValue());
    }

    @Test
    void an_unknown_persistence_mode_is_refused_with_the_key_name() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BrokerSettings.inMemory("disk"));
        assertTrue(e.getMessage().contains("energy.mqtt.embedded.persistence"), e.getMessage());
        assertFalse(BrokerSettings.inMemory("file"));
        assertTrue(BrokerSettings.inMemory("in-memory"));
    }
}
