package org.energymonitor.app;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;

/**
 * Instantiates the {@code mqtt-subscription} route template of {@code routes/ingest.camel.yaml} once per topic filter
 * in {@code energy.mqtt.topics}: a paho consumer subscribes to exactly one filter, and a YAML route cannot loop.
 * Each subscription gets a client id derived from its filter, so its persistent session survives restarts.
 */
final class MqttSubscriptions extends MainListenerSupport {

    static final String TEMPLATE = "mqtt-subscription";

    @Override
    public void afterConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        Settings settings = Settings.of(context);
        String prefix = settings.get("energy.mqtt.client-id");
        List<String> topics = settings.getList("energy.mqtt.topics");
        try {
            for (String topic : topics) {
                String id = "mqtt-" + slug(topic);
                context.addRouteFromTemplate(id, TEMPLATE, Map.of("topic", topic, "clientId", prefix + "-" + hash(topic)));
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the MQTT subscriptions for energy.mqtt.topics="
                    + topics + ": " + e.getMessage(), e);
        }
    }

    private static String slug(String topic) {
        return topic.replace("+", "any").replace("#", "all").replaceAll("[^A-Za-z0-9]+", "-").toLowerCase();
    }

    private static String hash(String topic) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(topic.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
