package org.energymonitor.events;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Events put on their queues and events dropped because the consuming routes fell behind, per event. */
public final class EventCounters {

    /** One event's counts in {@code /status} {@code events} and in the metrics. */
    public record Counts(long published, long dropped) {
    }

    private final Map<EventName, LongAdder> published = new EnumMap<>(EventName.class);
    private final Map<EventName, LongAdder> dropped = new EnumMap<>(EventName.class);

    public EventCounters() {
        for (EventName e : EventName.values()) {
            published.put(e, new LongAdder());
            dropped.put(e, new LongAdder());
        }
    }

    void published(EventName event) {
        published.get(event).increment();
    }

    void dropped(EventName event) {
        dropped.get(event).increment();
    }

    /** Every event by its name, in the documented order. */
    public Map<String, Counts> counts() {
        Map<String, Counts> out = new LinkedHashMap<>();
        for (EventName e : EventName.values()) {
            out.put(e.id(), new Counts(published.get(e).sum(), dropped.get(e).sum()));
        }
        return out;
    }
}
