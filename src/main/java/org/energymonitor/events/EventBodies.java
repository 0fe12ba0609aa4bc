package org.energymonitor.events;

/**
 * The bean {@code eventBodies}: builds the bodies of the product's {@code meter-state} and {@code quarantined}
 * events in the routes that send them (the YAML DSL has no map constructor).
 */
public final class EventBodies {

    public EventPayloads.MeterState meterState(String meter, String state, long since) {
        return new EventPayloads.MeterState(meter, state, since);
    }

    public EventPayloads.Quarantined quarantined(String reason, String detail, String topic, String meter) {
        return new EventPayloads.Quarantined(reason, detail, topic, meter);
    }
}
