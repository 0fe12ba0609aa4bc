package org.energymonitor.events;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The documented events of {@code docs/routes.md}, the only names an {@code event:} endpoint accepts; each with the
 * keys of its map. {@code alert} is the one operator routes send to: its body is the alert text.
 */
public enum EventName {
    READING_STORED("reading-stored", List.of("meter", "ts", "power_w", "import_kwh", "export_kwh", "power_l1_w",
            "power_l2_w", "power_l3_w")),
    METER_STATE("meter-state", List.of("meter", "state", "since")),
    QUARANTINED("quarantined", List.of("reason", "detail", "topic", "meter")),
    JOB_FINISHED("job-finished", List.of("name", "ok", "duration_ms", "result")),
    ALERT("alert", List.of());

    private final String id;
    private final List<String> keys;

    EventName(String id, List<String> keys) {
        this.id = id;
        this.keys = keys;
    }

    public String id() {
        return id;
    }

    public List<String> keys() {
        return keys;
    }

    /** The event of an endpoint's name, or an error that lists the events there are. */
    public static EventName of(String name) {
        return Arrays.stream(values()).filter(e -> e.id.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("there is no event '" + name + "': the events are "
                        + Arrays.stream(values()).map(EventName::id).collect(Collectors.joining(", "))
                        + " (docs/routes.md)"));
    }
}
