package org.energymonitor.mqtt;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

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
}
