package org.energymonitor.events;

/**
 * The bean {@code eventBodies}: builds the bodies of the product's {@code meter-state} and {@code quarantined}
 * events in the routes that send them (the YAML DSL has no map constructor).
 */
public final class EventBodies {

    /** The {@code online} or {@code offline} state of a meter's last will (LWT), as {@code PayloadGuard.online} read it. */
    public EventPayloads.MeterState lastWill(String meter, boolean online, long since) {
        return new EventPayloads.MeterState(meter, online ? "online" : "offline", since);
    }

    /** The {@code new_series} state of the meter whose new counter series starts with {@code first}. */
    public EventPayloads.MeterState newSeries(org.energymonitor.ingest.Reading first) {
        return new EventPayloads.MeterState(first.meter(), "new_series", first.ts());
    }

    public EventPayloads.Quarantined quarantined(String reason, String detail, String topic, String meter) {
        return new EventPayloads.Quarantined(reason, detail, topic, meter);
    }
}
