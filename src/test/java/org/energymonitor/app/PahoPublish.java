package org.energymonitor.app;

import java.time.Duration;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Paho's synchronous client can briefly count a just-acknowledged publish as still in flight and refuse the next one
 * with "Too many publishes in progress" (reason 32202) on a loaded machine: this sends it again until it is taken.
 */
final class PahoPublish {

    private PahoPublish() {
    }

    static void withRetry(MqttClient client, String topic, MqttMessage m) throws Exception {
        RunningService.await(Duration.ofSeconds(60), "paho to take the publish", () -> {
            try {
                client.publish(topic, m);
                return true;
            } catch (MqttException e) {
                if (e.getReasonCode() != 32202) {
                    throw new AssertionError("publish failed", e);
                }
                return false;
            }
        });
    }
}
