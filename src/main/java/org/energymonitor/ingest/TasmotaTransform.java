package org.energymonitor.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/** Turns a parsed Tasmota MQTT message into a {@link Reading}, a state update or nothing. */
public final class TasmotaTransform {

    private static final double MAX_COUNTER_KWH = 1e9;

    private final FieldMapping mapping;
    private final DeviceClock clock;
    private final double maxPowerW;

    public TasmotaTransform(FieldMapping mapping, DeviceClock clock, double maxPowerW) {
        if (!(maxPowerW > 0)) {
            throw new IllegalArgumentException("maxPowerW must be positive, was " + maxPowerW);
        }
        this.mapping = mapping;
        this.clock = clock;
        this.maxPowerW = maxPowerW;
    }

    /**
     * @param retained whether the broker sent the message as retained (its stored copy of the topic's last message,
     *                 sent to every new subscription): a retained reading needs a believable {@code Time}, else it
     *                 is quarantined as RETAINED_WITHOUT_TIME
     */
    public Transformed transform(String topic, JsonNode json, long receivedMs, boolean retained) {
        String device = TopicLevels.device(topic);
        if (json == null || !json.isObject()) {
            String type = json == null ? "null" : json.getNodeType().name().toLowerCase(Locale.ROOT);
            throw new QuarantineException(Reason.NOT_OBJECT, "payload is a JSON " + type + ", not an object");
        }
        JsonNode sns = json.get("StatusSNS");
        boolean wrapped = sns != null && sns.isObject();
        if (!wrapped && !TopicLevels.isReading(TopicLevels.last(topic))) {
            return new Transformed("state", device, null, null, time(json));
        }
        JsonNode level = wrapped ? sns : json;
        String deviceTime = time(level);
        String groupKey = mapping.findGroup(level);
        if (groupKey == null) {
            return new Transformed("ignored", device, null, null, deviceTime);
        }
        JsonNode group = level.get(groupKey);
        Double importKwh = counter(group, mapping.importFields());
        Double exportKwh = counter(group, mapping.exportFields());
        Double powerW = power(group, mapping.powerFields());
        Double l1 = power(group, mapping.l1Fields());
        Double l2 = power(group, mapping.l2Fields());
        Double l3 = power(group, mapping.l3Fields());
        String serial = serial(group);
        if (retained && !clock.believes(deviceTime, receivedMs)) {
            throw new QuarantineException(Reason.RETAINED_WITHOUT_TIME, deviceTime == null
                    ? "a retained reading without Time"
                    : "a retained reading whose Time " + deviceTime + " is not believable (unreadable or too old)");
        }
        long ts = clock.instant(deviceTime, receivedMs);
        Reading reading = new Reading(device, ts, powerW, importKwh, exportKwh, l1, l2, l3, serial);
        return new Transformed("reading", device, reading, groupKey, deviceTime);
    }

    private Double counter(JsonNode group, List<String> names) {
        String field = mapping.find(group, names);
        Double v = field == null ? null : number(field, group.get(field));
        if (v != null && (v < 0 || v > MAX_COUNTER_KWH)) {
            throw new QuarantineException(Reason.ABSURD_VALUE, field + "=" + v + " kWh is outside 0.." + MAX_COUNTER_KWH);
        }
        return v;
    }

    private Double power(JsonNode group, List<String> names) {
        String field = mapping.find(group, names);
        Double v = field == null ? null : number(field, group.get(field));
        if (v != null && Math.abs(v) > maxPowerW) {
            throw new QuarantineException(Reason.ABSURD_VALUE, field + "=" + v + " W is above the maximum " + maxPowerW + " W");
        }
        return v;
    }

    /** A JSON number only: Tasmota sends meter values as numbers, so text such as "12.5" is a bad value too. */
    private static Double number(String field, JsonNode node) {
        double v = node.isNumber() ? node.doubleValue() : Double.NaN;
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw badValue(field, node);
        }
        return v;
    }

    private String serial(JsonNode group) {
        String field = mapping.find(group, mapping.serialFields());
        JsonNode node = field == null ? null : group.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() && !node.isNumber()) {
            throw badValue(field, node);
        }
        String s = node.asText().trim();
        return s.isEmpty() ? null : s;
    }

    private static String time(JsonNode level) {
        JsonNode t = level.get("Time");
        return t != null && t.isTextual() ? t.textValue() : null;
    }

    private static QuarantineException badValue(String field, JsonNode node) {
        String value = node.toString();
        if (value.length() > 60) {
            value = value.substring(0, 60) + "…";
        }
        return new QuarantineException(Reason.BAD_VALUE, field + "=" + value + " is not a number");
    }
}
