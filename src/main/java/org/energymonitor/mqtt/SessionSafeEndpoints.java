package org.energymonitor.mqtt;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Endpoint;
import org.apache.camel.spi.EndpointStrategy;
import org.eclipse.paho.mqttv5.client.MqttClientPersistence;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/**
 * Replaces each paho-mqtt5 endpoint with one whose consumer installs its message callback before it connects.
 * Camel 4.17's consumer connects first and sets the callback afterwards, so messages that a persistent session
 * delivers right after the connect (readings queued while the service was down) reach no callback and are lost.
 */
public final class SessionSafeEndpoints implements EndpointStrategy {

    @Override
    public Endpoint registerEndpoint(String uri, Endpoint endpoint) {
        if (endpoint instanceof PahoMqtt5Endpoint paho && !(endpoint instanceof SafeEndpoint)) {
            return new SafeEndpoint(paho);
        }
        return endpoint;
    }

    /** The same endpoint (URI, topic, configuration) with the session-safe consumer. */
    static final class SafeEndpoint extends PahoMqtt5Endpoint {

        SafeEndpoint(PahoMqtt5Endpoint original) {
            super(original.getEndpointUri(), original.getTopic(), original.getComponent(), original.getConfiguration());
            setClient(original.getClient());
        }

        @Override
        public Consumer createConsumer(Processor processor) throws Exception {
            SessionSafeConsumer consumer = new SessionSafeConsumer(this, processor);
            configureConsumer(consumer);
            return consumer;
        }

        MqttConnectionOptions connectionOptions() {
            MqttConnectionOptions options = createMqttConnectionOptions();
            if (options.getSocketFactory() == null && getConfiguration().getBrokerUrl().startsWith("tcp://")) {
                options.setSocketFactory(new BufferedSockets());
            }
            return options;
        }

        /** The topic filters of this endpoint: its topic, split at commas (one subscription holds them all). */
        String[] filters() {
            return java.util.Arrays.stream(getTopic().split(",")).map(String::trim).filter(f -> !f.isEmpty())
                    .toArray(String[]::new);
        }

        /**
         * The configured client id plus a short hash of the filter list: a changed list gets a fresh persistent
         * session, so no subscription of an earlier list keeps delivering (MQTT cannot list a session's subscriptions
         * to drop the stale ones).
         */
        String sessionClientId() {
            try {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                        .digest(String.join(",", filters()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return getConfiguration().getClientId() + "-" + java.util.HexFormat.of().formatHex(digest, 0, 4);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        MqttClientPersistence persistence() {
            return createMqttClientPersistence(getConfiguration());
        }
    }
}
