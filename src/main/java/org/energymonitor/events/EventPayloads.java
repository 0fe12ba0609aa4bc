package org.energymonitor.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.energymonitor.ingest.Reading;

/**
 * What an operator route receives: every event as a read-only map with the documented snake_case keys (an absent
 * value is null), {@code alert} as its text. The product's routes send the records they already have.
 */
public final class EventPayloads {

    /** A meter's state changed: online, offline, stale, recovered or new_series, since the epoch ms {@code since}. */
    public record MeterState(String meter, String state, long since) {
    }

    /** A message went to the quarantine table: its reason code, detail, MQTT topic and meter (device) if known. */
    public record Quarantined(String reason, String detail, String topic, String meter) {
    }

    /** A job run ended: its name, whether it succeeded, how long it took and its one-line result. */
    public record JobFinished(String name, boolean ok, long durationMs, String result) {
    }

    private EventPayloads() {
    }

    static Object payload(EventName event, Object item) {
        if (event == EventName.ALERT) {
            return String.valueOf(item);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        if (item instanceof Map<?, ?> map) {
            map.forEach((k, v) -> m.put(String.valueOf(k), v));
        } else if (item instanceof Reading r) {
            m.put("meter", r.meter());
            m.put("ts", r.ts());
            m.put("power_w", r.powerW());
            m.put("import_kwh", r.importKwh());
            m.put("export_kwh", r.exportKwh());
            m.put("power_l1_w", r.powerL1W());
            m.put("power_l2_w", r.powerL2W());
            m.put("power_l3_w", r.powerL3W());
        } else if (item instanceof MeterState s) {
            m.put("meter", s.meter());
            m.put("state", s.state());
            m.put("since", s.since());
        } else if (item instanceof Quarantined q) {
            m.put("reason", q.reason());
            m.put("detail", q.detail());
            m.put("topic", q.topic());
            m.put("meter", q.meter());
        } else if (item instanceof JobFinished j) {
            m.put("name", j.name());
            m.put("ok", j.ok());
            m.put("duration_ms", j.durationMs());
            m.put("result", j.result());
        } else {
            throw new IllegalArgumentException("event:" + event.id() + " cannot carry a " + item.getClass().getName());
        }
        return Collections.unmodifiableMap(m);
    }
}
