package org.energymonitor.events;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The documented events of {@code docs/routes.md}, the only names an {@code event:} endpoint accepts; the keys of
 * each one's map are those of {@link EventPayloads}. {@code alert} is the one operator routes send to: its body is
 * the alert text.
 */
public enum EventName {
    READING_STORED("reading-stored"),
    METER_STATE("meter-state"),
    QUARANTINED("quarantined"),
    JOB_FINISHED("job-finished"),
    ALERT("alert");

    private final String id;

    EventName(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The event of an endpoint's name, or an error that lists the events there are. */
    public static EventName of(String name) {
        return Arrays.stream(values()).filter(e -> e.id.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("there is no event '" + name + "': the events are "
                        + Arrays.stream(values()).map(EventName::id).collect(Collectors.joining(", "))
                        + " (docs/routes.md)"));
    }
}
