package org.energymonitor.mqtt;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
 * A paho-mqtt5 consumer for one or more topic filters (the endpoint's topic, comma-separated: one session, one
 * SUBSCRIBE) that sets its callback before connecting (see {@link SessionSafeEndpoints}), resubscribes
 * after every reconnect, logs one line per connection change, and leaves its persistent session on the broker
 * when it stops.
 *
 * <p>The resubscription runs on a thread of its own, never on paho's callback thread: after a broker restart the
 * broker pushes the session's queued messages at once, paho's inbound queue (10 messages) fills while the callback
 * thread would wait for the SUBACK, the SUBACK is never read, and paho drops the connection after its 60 s timeout,
 * over and over. {@link #pauseIntake} disconnects (the broker keeps queuing for the persistent session) while the database
 * cannot take readings, and {@link #resumeIntake} connects again.
 */
final class SessionSafeConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger("org.energymonitor.mqtt");
    /** MQTT 5 retain handling 1: send retained messages at subscribe only if the subscription does not exist yet. */
    private static final int RETAINED_ONLY_FOR_NEW_SUBSCRIPTIONS = 1;
    private MqttClient client;
    private ScheduledExecutorService control;
    private volatile boolean paused;
    private volatile boolean pauseWanted;
    private volatile String pauseReason;

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
        control = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mqtt-control-" + getEndpoint().getTopic());
            t.setDaemon(true);
            return t;
        });
        SessionSafeEndpoints.SafeEndpoint endpoint = getEndpoint();
        String topic = endpoint.getTopic();
        int qos = endpoint.getConfiguration().getQos();
        String clientId = endpoint.sessionClientId();
        client = new MqttClient(endpoint.getConfiguration().getBrokerUrl(), clientId, endpoint.persistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                if (reconnect) {
                    LOG.info("MQTT reconnected to {}; resubscribing to {}", serverUri, topic);
                    control.execute(() -> subscribe("resubscribe"));
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
            subscribe(client, endpoint.filters(), qos);
        } catch (MqttException e) {
            client.close(true);
            client = null;
            throw new IllegalStateException("MQTT broker " + endpoint.getConfiguration().getBrokerUrl()
                    + " not reachable (" + e.getMessage() + "); retrying", e);
        }
        LOG.info("MQTT subscribed to {} at {} (client id {})", topic, endpoint.getConfiguration().getBrokerUrl(),
                clientId);
    }

    private void subscribe(String what) {
        MqttClient c = client;
        if (c == null || !c.isConnected()) {
            return; // the next connectComplete subscribes again
        }
        try {
            subscribe(c, getEndpoint().filters(), getEndpoint().getConfiguration().getQos());
            LOG.info("MQTT {} to {} done", what, getEndpoint().getTopic());
        } catch (MqttException e) {
            LOG.warn("MQTT {} to {} failed: {}", what, getEndpoint().getTopic(), e.getMessage());
        }
    }

    /**
     * Disconnects and stays disconnected until {@link #resumeIntake}: the persistent session keeps the subscription,
     * and the broker queues the messages that arrive meanwhile. Runs on this consumer's own thread (paho refuses a
     * disconnect from its callback thread, which is where a failing batch insert may run).
     */
    void pauseIntake(String reason) {
        pauseReason = reason;
        pauseWanted = true;
        control.execute(this::reconcile);
    }

    /** Connects again after {@link #pauseIntake} (retried every second until it works); the broker then delivers. */
    void resumeIntake() {
        pauseWanted = false;
        control.execute(this::reconcile);
    }

    /** Brings the connection to what was asked last; a failed reconnect is tried again a second later. */
    private void reconcile() {
        MqttClient c = client;
        if (c == null) {
            return;
        }
        if (pauseWanted && !paused) {
            paused = true;
            LOG.warn("MQTT intake of {} paused: {}; the broker keeps the messages for the session",
                    getEndpoint().getTopic(), pauseReason);
            try {
                c.disconnect();
            } catch (MqttException e) {
                LOG.debug("MQTT disconnect for the pause failed: {}", e.getMessage());
            }
        } else if (!pauseWanted && paused) {
            try {
                if (!c.isConnected()) {
                    c.connect(getEndpoint().connectionOptions());
                }
                paused = false;
                LOG.info("MQTT intake of {} resumed", getEndpoint().getTopic());
                subscribe("subscribe after the pause");
            } catch (MqttException e) {
                LOG.warn("MQTT intake of {} cannot resume yet ({}); trying again in 1 s", getEndpoint().getTopic(),
                        e.getMessage());
                control.schedule(this::reconcile, 1, TimeUnit.SECONDS);
            }
        }
    }

    boolean isPaused() {
        return paused;
    }

    @Override
    protected void doStop() throws Exception {
        if (control != null) {
            control.shutdownNow();
        }
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
    private static void subscribe(MqttClient client, String[] filters, int qos) throws MqttException {
        MqttSubscription[] subscriptions = new MqttSubscription[filters.length];
        for (int i = 0; i < filters.length; i++) {
            subscriptions[i] = new MqttSubscription(filters[i], qos);
            subscriptions[i].setRetainHandling(RETAINED_ONLY_FOR_NEW_SUBSCRIPTIONS);
        }
        client.subscribe(subscriptions);
    }

    /** Whether this subscription's client is connected to the broker right now. */
    public boolean isConnected() {
        MqttClient c = client;
        return c != null && c.isConnected();
    }
}
