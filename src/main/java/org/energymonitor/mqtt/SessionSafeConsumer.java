package org.energymonitor.mqtt;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Constants;
import org.apache.camel.support.DefaultConsumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A paho-mqtt5 consumer that sets its callback before connecting (see {@link SessionSafeEndpoints}), resubscribes
 * after every reconnect, logs one line per connection change, and leaves its persistent session on the broker
 * when it stops.
 */
final class SessionSafeConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger("org.energymonitor.mqtt");
    /** MQTT 5 retain handling 1: send retained messages at subscribe only if the subscription does not exist yet. */
    private static final int RETAINED_ONLY_FOR_NEW_SUBSCRIPTIONS = 1;
    private MqttClient client;

    SessionSafeConsumer(SessionSafeEndpoints.SafeEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public SessionSafeEndpoints.SafeEndpoint getEndpoint() {
        return (SessionSafeEndpoints.SafeEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        SessionSafeEndpoints.SafeEndpoint endpoint = getEndpoint();
        String topic = endpoint.getTopic();
        int qos = endpoint.getConfiguration().getQos();
        client = new MqttClient(endpoint.getConfiguration().getBrokerUrl(), endpoint.getConfiguration().getClientId(),
                endpoint.persistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                if (reconnect) {
                    LOG.info("MQTT reconnected to {}; resubscribing to {}", serverUri, topic);
                    try {
                        subscribe(client, topic, qos);
                    } catch (MqttException e) {
                        LOG.warn("MQTT resubscribe to {} failed: {}", topic, e.getMessage());
                    }
                }
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
                LOG.warn("MQTT connection to {} lost ({}); reconnecting with back-off", endpoint.getConfiguration()
                        .getBrokerUrl(), response.getException() == null ? response.getReasonString()
                        : response.getException().getMessage());
            }

            @Override
            public void messageArrived(String arrivedTopic, MqttMessage message) {
                Exchange exchange = createExchange(true);
                exchange.getIn().setBody(message.getPayload());
                exchange.getIn().setHeader(PahoMqtt5Constants.MQTT_TOPIC, arrivedTopic);
                exchange.getIn().setHeader(PahoMqtt5Constants.MQTT_QOS, message.getQos());
                exchange.getIn().setHeader(PahoMqtt5Constants.CAMEL_PAHO_MSG_RETAINED, message.isRetained());
                AsyncCallback done = defaultConsumerCallback(exchange, true);
                getAsyncProcessor().process(exchange, done);
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
                LOG.debug("MQTT error: {}", exception.getMessage());
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
                // a consumer publishes nothing
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
                // no enhanced authentication
            }
        });
        try {
            client.connect(endpoint.connectionOptions());
            subscribe(client, topic, qos);
        } catch (MqttException e) {
            client.close(true);
            client = null;
            throw new IllegalStateException("MQTT broker " + endpoint.getConfiguration().getBrokerUrl()
                    + " not reachable (" + e.getMessage() + "); retrying", e);
        }
        LOG.info("MQTT subscribed to {} at {} (client id {})", topic, endpoint.getConfiguration().getBrokerUrl(),
                endpoint.getConfiguration().getClientId());
    }

    @Override
    protected void doStop() throws Exception {
        if (client != null) {
            try {
                if (client.isConnected()) {
                    client.disconnect();
                }
                client.close(true);
            } catch (MqttException e) {
                LOG.debug("MQTT disconnect failed: {}", e.getMessage());
            }
            client = null;
        }
        super.doStop();
    }

    /**
     * Subscribes with MQTT 5 retain handling 1: the broker sends its retained messages (a meter's last reading) only
     * to a new subscription, not again on every restart or reconnect of this persistent session, where each would be
     * one more row (a reading without a believable Time is stored at its receive time).
     */
    private static void subscribe(MqttClient client, String topic, int qos) throws MqttException {
        MqttSubscription subscription = new MqttSubscription(topic, qos);
        subscription.setRetainHandling(RETAINED_ONLY_FOR_NEW_SUBSCRIPTIONS);
        client.subscribe(new MqttSubscription[] {subscription});
    }

    /** Whether this subscription's client is connected to the broker right now. */
    public boolean isConnected() {
        MqttClient c = client;
        return c != null && c.isConnected();
    }
}
