package org.energymonitor.ingest;

/** Splits an MQTT topic into the levels Tasmota's FullTopic uses ({@code tele/<device>/SENSOR}). */
final class TopicLevels {

    private TopicLevels() {
    }

    /** The level before the last one; BAD_TOPIC when there is none or it is empty. */
    static String device(String topic) {
        int last = topic == null ? -1 : topic.lastIndexOf('/');
        if (last <= 0) {
            throw new QuarantineException(Reason.BAD_TOPIC, "no device level in topic '" + topic + "'");
        }
        String device = topic.substring(topic.lastIndexOf('/', last - 1) + 1, last);
        if (device.isBlank()) {
            throw new QuarantineException(Reason.BAD_TOPIC, "empty device level in topic '" + topic + "'");
        }
        return device;
    }

    /** The last level, e.g. {@code SENSOR}; the whole topic when it has a single level. */
    static String last(String topic) {
        return topic == null ? "" : topic.substring(topic.lastIndexOf('/') + 1);
    }

    /** True for the topics whose payload carries sensor values: SENSOR, STATUS8 and STATUS10. */
    static boolean isReading(String lastLevel) {
        return "SENSOR".equals(lastLevel) || "STATUS8".equals(lastLevel) || "STATUS10".equals(lastLevel);
    }
}
