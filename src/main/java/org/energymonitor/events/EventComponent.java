package org.energymonitor.events;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Endpoint;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code event:<name>} endpoints of the documented events. Every route that consumes an event gets its own
 * bounded camel-seda queue ({@code seda:event-<name>-<n>}, {@code energy.events.queue-size} events) and thread, so
 * a slow or failing route delays nobody else; the producer never waits and drops (and counts) what does not fit.
 * Kept as a small component rather than plain {@code seda:} URIs so an operator writes one short {@code from:}
 * line, a misspelt event stops start-up with the list of events, and an event nobody consumes costs nothing.
 */
public final class EventComponent extends DefaultComponent {

    private final int queueSize;
    private final EventCounters counters;
    private final AtomicInteger queues = new AtomicInteger();

    public EventComponent(int queueSize, EventCounters counters) {
        if (queueSize < 1) {
            throw new IllegalArgumentException("energy.events.queue-size must be at least 1");
        }
        this.queueSize = queueSize;
        this.counters = counters;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        EventName event = EventName.of(remaining);
        if (!parameters.isEmpty()) {
            throw new IllegalArgumentException("event:" + remaining + " takes no options " + parameters.keySet()
                    + " (docs/routes.md)");
        }
        return new EventEndpoint(uri, this, event, counters);
    }

    /** A new queue for one consuming route. */
    SedaEndpoint newQueue(EventName event) {
        return getCamelContext().getEndpoint("seda:event-" + event.id() + "-" + queues.incrementAndGet()
                + "?size=" + queueSize + "&discardWhenFull=true", SedaEndpoint.class);
    }
}
