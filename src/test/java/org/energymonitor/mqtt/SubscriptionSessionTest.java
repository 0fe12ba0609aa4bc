package org.energymonitor.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** The ingestion's one MQTT route subscribes to every filter of its topic in one session named after the list. */
class SubscriptionSessionTest {

    private static SessionSafeEndpoints.SafeEndpoint endpoint(DefaultCamelContext context, String topics) {
        context.getCamelContextExtension().registerEndpointCallback(new SessionSafeEndpoints());
        return (SessionSafeEndpoints.SafeEndpoint) context.getEndpoint(
                "paho-mqtt5:" + topics + "?clientId=energy-monitor&brokerUrl=tcp://127.0.0.1:1");
    }

    @Test
    void the_filters_are_the_comma_separated_topic_and_a_changed_list_gets_a_fresh_session() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            SessionSafeEndpoints.SafeEndpoint three = endpoint(context, "tele/+/+,stat/+/STATUS8, stat/+/STATUS10");
            assertArrayEquals(new String[] {"tele/+/+", "stat/+/STATUS8", "stat/+/STATUS10"}, three.filters());
            SessionSafeEndpoints.SafeEndpoint again = endpoint(context, "tele/+/+,stat/+/STATUS8,stat/+/STATUS10");
            SessionSafeEndpoints.SafeEndpoint one = endpoint(context, "tele/+/+");
            assertTrue(three.sessionClientId().matches("energy-monitor-[0-9a-f]{8}"), three.sessionClientId());
            assertEquals(three.sessionClientId(), again.sessionClientId(), "the same list keeps its session");
            assertNotEquals(three.sessionClientId(), one.sessionClientId(), "a changed list starts a fresh session");
        }
    }
}
